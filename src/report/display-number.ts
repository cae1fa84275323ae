// Numbers as a reader sees them in the report: thousands separators, percentages, a dash for missing.

/**
 * Formats a number for reading (the CSV keeps full precision):
 * - unit `rate` or `probability` (fractions): a percentage with one decimal, `0.177` → `17.7%`;
 * - unit `percent` (already ×100, signed, e.g. gapPercent): `+3.2%` / `−4.0%`;
 * - anything else: at most 4 significant digits, grouped with thin-space-free commas
 *   (`30,000`, `2,513`, `0.2513`, `6.2`);
 * - NaN, undefined and infinities: an en dash.
 * @param value the number
 * @param unit the unit it is in (`亿元`, `count`, `rate`, `probability`, `percent`, …)
 * @example displayNumber(0.177, 'rate'); // => '17.7%'
 * @example displayNumber(-4, 'percent'); // => '−4.0%'
 * @example displayNumber(25134.56, '亿元'); // => '25,130'
 */
export function displayNumber(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'rate' || unit === 'probability') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'percent') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}%`;
  const rounded = Number(value.toPrecision(4));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * A figure exactly as reported, with thousands separators: no rounding (rates as percentages,
 * binary noise of ×100 removed).
 * @example reportedNumber(7287.6, '亿元'); // => '7,287.6'
 * @example reportedNumber(0.1234, 'rate'); // => '12.34%'
 */
export function reportedNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'rate' || unit === 'probability') return `${Number((value * 100).toPrecision(12))}%`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
}
