// The observations of one series, in time order.
import { parsePeriod } from './period.js';
import type { DataSet, Observation } from './types.js';

/**
 * Every observation of `seriesId` (observed and external forecasts), sorted by year, then by the
 * last month the period covers (a full year after the year's partial periods), then by publication
 * date; [] for an unknown id.
 * @example observationsOf(data, 'bj.ai.unicorns.new').map((o) => o.value); // => [6]
 */
export function observationsOf(data: DataSet, seriesId: string): Observation[] {
  const monthKey = (o: Observation) => (o.period === 'FY' ? 12.5 : (parsePeriod(o.period)?.lastMonth ?? 0));
  return data.observations
    .filter((o) => o.series === seriesId)
    .sort((a, b) => a.year - b.year || monthKey(a) - monthKey(b) || (a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
}
