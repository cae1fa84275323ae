// sweep.csv: one row per variant × target, with the value of every varied assumption.
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { SweepResult } from '../planner/run-sweep.js';
import { verdictSummaryCells } from './targets-table.js';

/** Columns after the varied paths (which come right after `variant`, one column each, named by the path). */
export const sweepTargetColumns = [
  'target', 'variable', 'unit', 'kind', 'year', 'comparator', 'threshold', 'aspiration', 'draws',
  'status', 'judgedOn', 'basis', 'probabilityMet', 'probabilityMetSe', 'probabilityMetBound', 'probabilityAspiration', 'p05', 'p50', 'p95', 'gap', 'gapRelative',
] as const;

/**
 * The columns of a sweep's CSV: `scenario, variant, <path…>, target, …`.
 * @example sweepColumns(['assumptions.aiCoreIndustry.growth.mean']).slice(0, 3); // => ['scenario', 'variant', 'assumptions.aiCoreIndustry.growth.mean']
 */
export function sweepColumns(paths: readonly string[]): string[] {
  return ['scenario', 'variant', ...paths, ...sweepTargetColumns];
}

/** Rows of sweep.csv: variants in grid order, each variant's judged targets (by projection or on record) in data order. */
export function sweepRows(sweep: SweepResult, digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return sweep.variants.flatMap((variant) =>
    variant.outcome.verdicts
      .filter((v) => v.status !== 'not judged')
      .map((v) => {
        const row: Record<string, Cell> = { scenario: sweep.scenario, variant: variant.variant };
        sweep.paths.forEach((path, i) => (row[path] = f(variant.values[i])));
        return { ...row, ...verdictSummaryCells(v, f) };
      }),
  );
}

/** sweep.csv text. */
export function sweepCsv(sweep: SweepResult, digits?: number): string {
  return toCsv(sweepColumns(sweep.paths), sweepRows(sweep, digits));
}
