// The latest full-year level before a year, as the kinds' needs report it: an outturn, else an estimate.
import type { Observation } from '../../data/types.js';
import { levelOfEachYear } from '../../data/year-levels.js';
import type { LatestLevel } from '../target-need.js';

/**
 * The latest full-year level on record before `beforeYear`, by the one "level of a year" rule
 * (src/data/year-levels.ts): an outturn where one is on record, else an estimate of the year
 * (`kind: 'estimate'`, e.g. 2025's "预计4500亿元" before its outturn is published), so what a target
 * asks is measured from the newest figure there is — marked as an estimate where it is one.
 * External forecasts never count.
 * @example latestLevel(observationsOf(data, 'bj.ai.core'), 2027); // => { year: 2025, value: 4500, qualifier: 'approx', kind: 'estimate', source: 'ref26-bjtitle-202601' }
 */
export function latestLevel(observations: readonly Observation[], beforeYear: number): LatestLevel | undefined {
  let latest: LatestLevel | undefined;
  // Filtered only when there is something to filter: the array as given keeps its levels (keptFor).
  const rows = observations.some((o) => o.kind === 'externalForecast') ? observations.filter((o) => o.kind !== 'externalForecast') : observations;
  for (const [year, level] of levelOfEachYear(rows)) {
    if (year < beforeYear) latest = { year, value: level.value, qualifier: level.qualifier, kind: level.kind === 'estimate' ? 'estimate' : 'observed', source: level.observation.source };
  }
  return latest;
}
