// The latest full-year level on record for a series, before a given year.
import type { Observation } from './types.js';

/**
 * The observed (not forecast) `FY` row with a value and the greatest year below `beforeYear`; among
 * rows of that year, the latest published. Undefined when the record has none.
 * @example latestFullYear(observationsOf(data, 'bj.ai.core'), 2025)?.value; // => 2500 (2023, "> 2500亿元")
 */
export function latestFullYear(observations: readonly Observation[], beforeYear = Number.POSITIVE_INFINITY): Observation | undefined {
  let best: Observation | undefined;
  for (const o of observations) {
    if (o.kind !== 'observed' || o.period !== 'FY' || o.value === undefined || o.year >= beforeYear) continue;
    if (!best || o.year > best.year || (o.year === best.year && o.published > best.published)) best = o;
  }
  return best;
}
