// sweep.csv: one row per variant × target, with the value of every varied assumption.
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { SweepResult } from '../planner/run-sweep.js';
import { comparatorOf } from './targets-table.js';

/** Columns after the varied paths (which come right after `variant`, one column each, named by the path). */
export const sweepTargetColumns = [
  'target', 'variable', 'unit', 'kind', 'year', 'comparator', 'threshold', 'draws',
  'probabilityMet', 'probabilityMetSe', 'p05', 'p50', 'p95', 'gap', 'gapPercent', 'status',
] as const;

/**
 * The columns of a sweep's CSV: `scenario, variant, <path…>, target, …`.
 * @example sweepColumns(['assumptions.aiCoreIndustry.growth.mean']).slice(0, 3); // => ['scenario', 'variant', 'assumptions.aiCoreIndustry.growth.mean']
 */
export function sweepColumns(paths: readonly string[]): string[] {
  return ['scenario', 'variant', ...paths, ...sweepTargetColumns];
}

/** Rows of sweep.csv: variants in grid order, each variant's targets in data order. */
export function sweepRows(sweep: SweepResult, digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return sweep.variants.flatMap((variant) =>
    variant.outcome.targets.map((t) => {
      const row: Record<string, Cell> = { scenario: sweep.scenario, variant: variant.variant };
      sweep.paths.forEach((path, i) => (row[path] = f(variant.values[i])));
      return {
        ...row,
        target: t.target.id,
        variable: t.variable,
        unit: t.unit,
        kind: t.target.kind,
        year: t.target.year,
        comparator: comparatorOf(t.target),
        threshold: f(t.target.lower?.value ?? t.target.upper?.value),
        draws: t.draws,
        probabilityMet: f(t.probabilityMet),
        probabilityMetSe: f(t.probabilityMetSe),
        p05: f(t.p05),
        p50: f(t.p50),
        p95: f(t.p95),
        gap: f(t.gap),
        gapPercent: f(t.gapPercent),
        status: t.status,
      };
    }),
  );
}

/** sweep.csv text. */
export function sweepCsv(sweep: SweepResult, digits?: number): string {
  return toCsv(sweepColumns(sweep.paths), sweepRows(sweep, digits));
}
