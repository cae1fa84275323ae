// Vintages: the data set as it stood on a date (backtests use only what was public at each cutoff).
import { latestDayOf } from './publication-date.js';
import type { DataSet } from './types.js';

/**
 * The data set as of `date`: observations published on or before it, and targets whose source is
 * dated on or before it (an outcome on record is judged from the observations, so it too is as of the date). A date given
 * only to the month (`2024-01`) stands for its last day, on both sides: a figure published in
 * "2024-01" is in `asOf(data, '2024-01')` and `asOf(data, '2024-01-31')`, not in `asOf(data, '2024-01-15')`.
 * Series and sources are kept whole. The input is not changed.
 * @param date `YYYY-MM-DD` or `YYYY-MM`
 * @example asOf(data, '2023-12-31').observations.some((o) => o.source === 'seed-000'); // => false (seed 000 is dated 2024-01)
 */
export function asOf(data: DataSet, date: string): DataSet {
  const cutoff = latestDayOf(date);
  const sourceDate = new Map(data.sources.map((s) => [s.id, latestDayOf(s.date)]));
  const public_ = (source: string | undefined) => source === undefined || (sourceDate.get(source) ?? '') <= cutoff;
  const targets = data.targets.filter((target) => public_(target.source));
  return {
    observations: data.observations.filter((o) => latestDayOf(o.published) <= cutoff),
    series: data.series,
    sources: data.sources,
    targets,
  };
}
