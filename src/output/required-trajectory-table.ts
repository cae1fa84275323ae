// The required trajectory to each target: the constant-growth path from the last observation to the threshold,
// as rows of projections.csv with kind `required`.
import type { DataSet } from '../data/types.js';
import { fullYearLevels } from '../evaluate/known-history.js';
import { formatNumber } from '../io/format-number.js';
import type { Cell } from '../io/to-csv.js';
import { observedSeries } from '../pipeline/prepare-model.js';
import type { ScenarioResult } from '../pipeline/scenario-result.js';
import { quantileColumns } from './projections-table.js';

/**
 * Rows in projections.csv's columns (kind `required`) for every level or share target with a bound
 * and every growthEachYear / cagr target with a lower bound, in each scenario:
 * - level / share: value(y) = last · (bound / last)^((y − y₀) / (Y − y₀)) for y = y₀ … Y, where y₀ is
 *   the last full-year observation, `last` its level and Y the target year — the path of constant
 *   growth requiredCagr that reaches the bound exactly in Y;
 * - growthEachYear / cagr: value(y) = last · (1 + bound)^(y − y₀) through the target year — the
 *   slowest path that meets the growth target.
 * Every statistic column holds the path value; `qualifier` is empty and `source` holds the target id
 * (several targets may concern one variable). Appended after a scenario's projection rows.
 * @example requiredTrajectoryRows(results, data).find((r) => r.year === 2025)?.p50; // => '3000' for a 3000亿元 level target in 2025
 */
export function requiredTrajectoryRows(results: readonly ScenarioResult[], data: DataSet, digits?: number): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (const result of results) {
    for (const t of result.targets) {
      const variable = result.model.spec.variables.find((v) => v.name === t.variable);
      if (!variable) continue;
      const levels = [...fullYearLevels(observedSeries(data, variable.series)).values()];
      const last = levels[levels.length - 1];
      if (!last || !(last.value > 0) || !(t.target.year > last.year)) continue;
      const kind = t.target.kind;
      let valueAt: ((year: number) => number) | undefined;
      if (kind === 'level' || kind === 'share') {
        const bound = t.target.lower ?? t.target.upper;
        if (bound && bound.value > 0) {
          const span = t.target.year - last.year;
          valueAt = (year) => (year === t.target.year ? bound.value : last.value * Math.pow(bound.value / last.value, (year - last.year) / span));
        }
      } else if ((kind === 'growthEachYear' || kind === 'cagr') && t.target.lower) {
        const rate = t.target.lower.value;
        valueAt = (year) => last.value * Math.pow(1 + rate, year - last.year);
      }
      if (!valueAt) continue;
      for (let year = last.year; year <= t.target.year; year++) {
        const value = formatNumber(valueAt(year), digits);
        const row: Record<string, Cell> = {
          model: result.model.spec.model,
          scenario: result.scenario.scenario,
          region: variable.region,
          variable: variable.name,
          unit: variable.unit,
          year,
          kind: 'required',
          mean: value,
          qualifier: '',
          source: t.target.id,
        };
        for (const column of quantileColumns) row[column] = value;
        rows.push(row);
      }
    }
  }
  return rows;
}
