// `--vary <path>=<values>`: one assumption and the values a sweep gives it (a list or a stepped range).
import { percentToFraction } from '../data/percent-to-fraction.js';
import { plannerMessages } from '../errors/messages.js';
import { commandLineError } from './command-line-error.js';

/** One `--vary`: the assumption path and its values, in the order written (ranges ascending). */
export interface VarySpec {
  readonly path: string;
  readonly values: readonly number[];
  /** True when the values were written as percents (`10%:20%:5%`): a bare 25 for a rate is then refused as a unit slip. */
  readonly percent?: boolean;
}

/** Most values one range may produce: a guard against `0:1:1e-9`. */
export const maxRangeValues = 10_000;

const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i;

/**
 * Reads a number as typed on the command line: `0.12`, `12%` (→ 0.12), `-2.5%`, `1e3`.
 * @returns the number, or undefined when the text is not one
 * @example parseNumberLike('12%'); // => 0.12
 */
export function parseNumberLike(text: string): number | undefined {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return undefined;
  return trimmed.endsWith('%') ? percentToFraction(trimmed.slice(0, -1)) : Number(trimmed);
}

/**
 * Parses `path=a,b,c` (a list) or `path=low:high:step` (low, low+step, … up to high inclusive,
 * each value computed as low + k·step so no error accumulates; a value within step·1e-9 of high
 * counts as high). Percents are read as fractions: `growth.mean=10%:20%:5%` → 0.1, 0.15, 0.2.
 * @throws InputError naming the rule broken
 * @example parseVary('assumptions.aiCoreIndustry.growth.mean=0.1:0.2:0.05').values; // => [0.1, 0.15000000000000002, 0.2]
 * @example parseVary('assumptions.x.growth=1,2,3').values; // => [1, 2, 3]
 */
export function parseVary(text: string): VarySpec {
  const equals = text.indexOf('=');
  if (equals <= 0 || equals === text.length - 1) throw commandLineError(plannerMessages.varyFormat(text));
  const path = text.slice(0, equals).trim();
  const valuesText = text.slice(equals + 1).trim();
  if (valuesText.includes(':')) {
    const parts = valuesText.split(':').map(parseNumberLike);
    if (parts.length !== 3 || parts.some((p) => p === undefined)) throw commandLineError(plannerMessages.varyRange(path, valuesText));
    const [low, high, step] = parts as number[];
    const count = Math.floor((high - low) / step + 1e-9) + 1;
    if (!(step > 0) || !(high >= low) || !(count <= maxRangeValues)) throw commandLineError(plannerMessages.varyRange(path, valuesText));
    const values: number[] = [];
    for (let k = 0; k < count; k++) values.push(k === count - 1 && Math.abs(low + k * step - high) <= step * 1e-9 ? high : low + k * step);
    return { path, values, percent: valuesText.includes('%') };
  }
  const values = valuesText.split(',').map((item) => {
    const value = parseNumberLike(item);
    if (value === undefined) throw commandLineError(plannerMessages.varyValue(path, item.trim()));
    return value;
  });
  return { path, values, percent: valuesText.includes('%') };
}
