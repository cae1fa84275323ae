// Mean and quantiles of every variable in every simulated year, taken as each year is done.
import type { YearColumns } from '../simulate/simulate.js';
import { meanAndQuantilesOf, quantileProbabilities } from './quantiles.js';
import type { SummaryRow } from './summary-row.js';

/**
 * Summarises the columns of one year: one row per variable that has values in that year.
 * Quantiles use one definition everywhere (R type 7, linear interpolation at h = (n−1)p) and are
 * found by selection, not by sorting, so a 10⁶-draw column costs milliseconds.
 */
export function summarizeColumns(columns: YearColumns, variables: readonly string[], scratch: Float64Array): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const variable of variables) {
    const values = columns.current(variable);
    if (!values) continue;
    const { mean, quantiles } = meanAndQuantilesOf(values, quantileProbabilities, scratch);
    rows.push({ variable, year: columns.year, mean, quantiles: Array.from(quantiles) });
  }
  return rows;
}
