// required.csv: the required trajectory to each target, the constant-growth path from the last
// full-year observation to the threshold — one row per (model, target, year).
import type { DataSet } from '../data/types.js';
import { targetKind } from '../evaluate/target-kinds/registry.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import { observedSeries } from '../pipeline/prepare-model.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export const requiredColumns = ['model', 'target', 'region', 'variable', 'unit', 'year', 'value'] as const;

/**
 * Rows of required.csv for every target a model projects with a level path (level, share) or a
 * growth path (growth kinds with a commitment), from its kind's need measured on the variable's own
 * series (last full-year level L in year y₀):
 * - level / share: value(y) = L · (B / L)^((y − y₀) / (Y − y₀)) for y = y₀ … Y, B the commitment (else
 *   the ceiling) and Y the target year — constant growth requiredCagr, reaching B exactly in Y;
 * - growth kinds: value(y) = L · (1 + r)^(y − y₀) through Y — the slowest path that meets the floor r.
 * The path does not depend on the scenario: one row per model, target and year (targets in data order).
 * @example requiredRows(results, data).find((r) => r.target === 'bj-ai-core-2027' && r.year === 2025)?.value; // => '4500' (the shipped data)
 */
export function requiredRows(results: readonly ScenarioResult[], data: DataSet, digits?: number): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const model = result.model.spec.model;
    for (const t of result.targets) {
      if (seen.has(`${model} ${t.target.id}`)) continue;
      seen.add(`${model} ${t.target.id}`);
      const variable = result.model.spec.variables.find((v) => v.name === t.variable);
      if (!variable) continue;
      const kind = targetKind(t.target.kind);
      const need = kind.need(t.target, observedSeries(data, variable.series));
      const last = need.latest;
      if (!last || !(last.value > 0) || !(t.target.year > last.year)) continue;
      let valueAt: ((year: number) => number) | undefined;
      const bound = t.target.lower ?? t.target.upper;
      if (kind.judged === 'level' && bound && bound.value > 0) {
        const span = t.target.year - last.year;
        valueAt = (year) => (year === t.target.year ? bound.value : last.value * Math.pow(bound.value / last.value, (year - last.year) / span));
      } else if (kind.unit === 'rate' && t.target.lower) {
        const rate = t.target.lower.value;
        valueAt = (year) => last.value * Math.pow(1 + rate, year - last.year);
      }
      if (!valueAt) continue;
      for (let year = last.year; year <= t.target.year; year++) {
        rows.push({ model, target: t.target.id, region: variable.region, variable: variable.name, unit: variable.unit, year, value: formatNumber(valueAt(year), digits) });
      }
    }
  }
  return rows;
}

/** required.csv text. */
export function requiredCsv(results: readonly ScenarioResult[], data: DataSet, digits?: number): string {
  return toCsv(requiredColumns, requiredRows(results, data, digits));
}
