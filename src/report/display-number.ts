// Numbers as a reader sees them in the report: thousands separators, percentages, a dash for missing.
import type { Target } from '../data/types.js';
import { inWrittenUnit } from '../evaluate/bound-words.js';

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
  return groupedNumber(Number(value.toPrecision(4)), 6);
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
  return groupedNumber(value, 10);
}

/**
 * A number rounded to at most `maxFractionDigits` decimals, trailing zeros dropped, the whole part
 * grouped by threes with commas: exactly what `toLocaleString('en-US', { maximumFractionDigits })`
 * writes (ECMA-402: the shortest decimal that reads back as the double, rounded half away from
 * zero), without loading the locale data, whose first use costs about 10 ms of every command that
 * prints a number. Non-finite values and magnitudes of 10²¹ or more go to toLocaleString.
 * @example groupedNumber(1234567.891, 2); // => '1,234,567.89'
 * @example groupedNumber(0.0078125, 6); // => '0.007813'
 */
export function groupedNumber(value: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits });
  // |value| = D · 10^(exponent + 1 − digits), D the shortest round-trip digits; scaled = round(|value| · 10^maxFractionDigits).
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const shift = Number(exponent) + 1 - digits.length + maxFractionDigits;
  let scaled = BigInt(digits);
  if (shift >= 0) scaled *= 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    scaled = (scaled + divisor / 2n) / divisor;
  }
  const text = scaled.toString().padStart(maxFractionDigits + 1, '0');
  const whole = text.slice(0, text.length - maxFractionDigits);
  const fraction = text.slice(text.length - maxFractionDigits).replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * A target's value as written, compactly: in the unit the target was written in, at most 4
 * significant digits, a CJK unit joined to the number (`4.8万亿元`, `3216亿元`), `count` left out,
 * a percent share with `%`, a rate as a percentage.
 * @example compactWritten({ unit: '亿元', writtenUnit: '万亿元' }, 52003); // => '5.2万亿元'
 * @example compactWritten({ unit: 'count', writtenUnit: 'count' }, 17); // => '17'
 */
export function compactWritten(target: Pick<Target, 'unit' | 'writtenUnit'>, value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (target.unit === 'rate') return `${Number((value * 100).toPrecision(3))}%`;
  const shown = inWrittenUnit(target, value);
  const abs = Math.abs(shown);
  const number = String(abs >= 1000 ? Math.round(shown) : Number(shown.toPrecision(abs >= 1 ? 4 : 3)));
  const unit = target.writtenUnit;
  if (unit === 'count') return number;
  if (unit === 'percent') return `${number}%`;
  return /^[\u4e00-\u9fff]/u.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

/**
 * A gap with its sign: growth gaps in percentage points (`−2.7 pts`), level gaps as a percentage of
 * the threshold (`+7.2%`).
 * @example signedGap(-0.0268, true); // => '−2.7 pts'
 * @example signedGap(0.072, false); // => '+7.2%'
 */
export function signedGap(value: number, rate: boolean): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const magnitude = Math.abs(value * 100).toFixed(1);
  return rate ? `${sign}${magnitude} pts` : `${sign}${magnitude}%`;
}
