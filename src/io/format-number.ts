// Numbers are rounded only when written (STYLE 3.6), to a fixed number of significant digits.

/** Significant digits written to CSV: enough for 1e-6 relative precision on 10⁶-draw estimates. */
export const defaultSignificantDigits = 8;

/**
 * Formats a number for CSV: empty for NaN/undefined, integers as they are, others to
 * `digits` significant digits with trailing zeros dropped.
 * @example formatNumber(1 / 3); // => '0.33333333'
 * @example formatNumber(30000); // => '30000'
 * @example formatNumber(Number.NaN); // => ''
 */
export function formatNumber(value: number | undefined, digits = defaultSignificantDigits): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (value === Number.POSITIVE_INFINITY) return 'Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const text = value.toPrecision(digits);
  if (text.includes('e')) return String(Number(text));
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
