// The latest full-year level before a year, as the kinds' needs report it.
import type { Observation } from '../../data/types.js';
import { fullYearRows } from '../known-history.js';
import type { LatestLevel } from '../target-need.js';

/**
 * The latest full-year level on record before `beforeYear` (the latest vintage of that year).
 * @example latestLevel(observationsOf(data, 'bj.ai.core'), 2025); // => { year: 2023, value: 2500, qualifier: 'atLeast', source: 'ref-cyol-20240726' }
 */
export function latestLevel(observations: readonly Observation[], beforeYear: number): LatestLevel | undefined {
  const earlier = [...fullYearRows(observations).values()].filter((o) => o.year < beforeYear);
  const row = earlier[earlier.length - 1];
  return row ? { year: row.year, value: row.value, qualifier: row.qualifier, source: row.source } : undefined;
}
