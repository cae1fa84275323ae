// projections.csv: one row per scenario × variable × year, history first, in a stable order.
import type { DataSet } from '../data/types.js';
import { quantileProbabilities } from '../evaluate/quantiles.js';
import { fullYearLevels } from '../evaluate/known-history.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import { observedSeries } from '../pipeline/prepare-model.js';
import type { ScenarioResult } from '../model/scenario-result.js';

/** Quantile column names, matching quantileProbabilities. */
export const quantileColumns = quantileProbabilities.map((p) => `p${String(Math.round(p * 100)).padStart(2, '0')}`);

export const projectionColumns = [
  'model', 'scenario', 'region', 'variable', 'unit', 'year', 'kind', 'mean', ...quantileColumns, 'qualifier', 'source',
] as const;

/** Rows of projections.csv as cells (numbers already formatted). */
export function projectionRows(results: readonly ScenarioResult[], data: DataSet, digits?: number): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (const result of results) {
    const model = result.model.spec.model;
    const scenario = result.scenario.scenario;
    for (const variable of result.model.spec.variables) {
      const common = { model, scenario, region: variable.region, variable: variable.name, unit: variable.unit };
      // History: the full-year levels on record for the variable's own series.
      for (const level of fullYearLevels(observedSeries(data, variable.series)).values()) {
        const value = formatNumber(level.value, digits);
        const row: Record<string, Cell> = { ...common, year: level.year, kind: 'history', mean: value, qualifier: level.qualifier, source: level.source };
        for (const column of quantileColumns) row[column] = value;
        rows.push(row);
      }
      for (const summary of result.summaries) {
        if (summary.variable !== variable.name) continue;
        const row: Record<string, Cell> = { ...common, year: summary.year, kind: 'projection', mean: formatNumber(summary.mean, digits) };
        quantileColumns.forEach((column, i) => (row[column] = formatNumber(summary.quantiles[i], digits)));
        rows.push(row);
      }
    }
  }
  return rows;
}

/** projections.csv text. */
export function projectionsCsv(results: readonly ScenarioResult[], data: DataSet, digits?: number): string {
  return toCsv(projectionColumns, projectionRows(results, data, digits));
}
