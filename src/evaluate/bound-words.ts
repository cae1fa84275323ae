// A target's bounds in words, in the unit the target was written in ("at least 4.8 万亿元, aiming at …").
import type { Target } from '../data/types.js';
import { convertUnit, unitFactor } from '../data/units.js';

/**
 * A value of the target in the unit it was written in (4.8 for 48000亿元 written as 万亿元), rounded
 * to 12 significant digits so unit conversions leave no binary noise.
 * @example inWrittenUnit({ unit: '亿元', writtenUnit: '万亿元' }, 48000); // => 4.8
 */
export function inWrittenUnit(target: Pick<Target, 'unit' | 'writtenUnit'>, value: number): number {
  if (target.unit === target.writtenUnit || unitFactor(target.unit, target.writtenUnit) === undefined) return value;
  return Number(convertUnit(value, target.unit, target.writtenUnit).toPrecision(12));
}

/**
 * A value as written: a rate as a percent ("10%"), a share with its % sign ("11%"), a count as a
 * number ("5"), anything else followed by its written unit ("4.8万亿元", "10000 persons").
 * @example writtenValue({ unit: '亿元', writtenUnit: '万亿元' }, 48000); // => '4.8万亿元'
 * @example writtenValue({ unit: 'rate', writtenUnit: 'rate' }, 0.1); // => '10%'
 */
export function writtenValue(target: Pick<Target, 'unit' | 'writtenUnit'>, value: number): string {
  if (target.unit === 'rate') return `${Number((value * 100).toPrecision(12))}%`;
  const shown = inWrittenUnit(target, value);
  if (target.writtenUnit === 'percent') return `${shown}%`;
  // A count is a number: the label says what is counted (家, 个).
  if (target.writtenUnit === 'count') return String(shown);
  return `${shown}${/^[\u4e00-\u9fff]/u.test(target.writtenUnit) ? '' : ' '}${target.writtenUnit}`;
}

/**
 * The bounds in words: the commitment, a ceiling where the text states one, the aspiration beside it.
 * @example boundWords(unicornTarget); // => 'at least 5 (aspiration 10: exceeding it is not a miss)'
 * @example boundWords(approxTarget); // => 'about 2000亿元 (met from 1900亿元, ±5%; above 2100亿元 is exceeding it, not a miss)'
 */
export function boundWords(target: Target): string {
  const show = (value: number) => writtenValue(target, value);
  const parts: string[] = [];
  if (target.approx) {
    const { value, tolerance } = target.approx;
    const percent = `${Number((tolerance * 100).toPrecision(12))}%`;
    parts.push(`about ${show(value)} (met from ${show(value * (1 - tolerance))}, ±${percent}; above ${show(value * (1 + tolerance))} is exceeding it, not a miss)`);
  } else if (target.lower) parts.push(`${target.lower.inclusive ? 'at least' : 'more than'} ${show(target.lower.value)}`);
  if (target.upper) parts.push(`${target.upper.inclusive ? 'at most' : 'less than'} ${show(target.upper.value)} (a ceiling)`);
  let text = parts.join(' and ');
  if (target.aspiration !== undefined) text += ` (aspiration ${show(target.aspiration)}: exceeding it is not a miss)`;
  return text;
}
