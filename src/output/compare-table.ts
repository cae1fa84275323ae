// compare.csv (targets side by side, with paired differences) and compare-assumptions.csv (what differs).
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { ScenarioComparison } from '../planner/compare-scenarios.js';
import { verdictSummaryCells } from './targets-table.js';

/** Columns of compare.csv, in order (docs/planner.md). */
export const compareColumns = [
  'reference', 'scenario', 'target', 'variable', 'unit', 'kind', 'year', 'comparator', 'threshold', 'aspiration', 'draws', 'seed',
  'status', 'judgedOn', 'basis', 'probabilityMet', 'probabilityMetSe', 'probabilityMetBound', 'probabilityAspiration', 'p05', 'p50', 'p95', 'gap', 'gapRelative',
  'differenceProbability', 'differenceProbabilitySe', 'differenceZ', 'differenceP50',
] as const;

/** Columns of compare-assumptions.csv: one row per differing path × scenario. */
export const compareAssumptionColumns = ['path', 'scenario', 'value', 'used'] as const;

/**
 * Rows of compare.csv: target by target, scenario by scenario (the reference first). A scenario
 * that does not judge a target has a row with its statistics empty.
 * @example compareRows(comparison)[0].differenceProbability; // => '0' (the reference against itself)
 */
export function compareRows(comparison: ScenarioComparison, digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return comparison.rows.map((row) => {
    const z = row.differenceProbabilitySe > 0 ? row.differenceProbability / row.differenceProbabilitySe : Number.NaN;
    return {
      reference: row.reference,
      scenario: row.scenario,
      // A scenario that does not project the target is described as the reference projects it.
      ...verdictSummaryCells(row.verdict, f, row.result ?? row.referenceResult),
      seed: comparison.seed,
      differenceProbability: f(row.differenceProbability),
      differenceProbabilitySe: f(row.differenceProbabilitySe),
      differenceZ: f(z),
      differenceP50: f(row.differenceP50),
    };
  });
}

/** compare.csv text. */
export function compareCsv(comparison: ScenarioComparison, digits?: number): string {
  return toCsv(compareColumns, compareRows(comparison, digits));
}

/**
 * A resolved value as one cell: numbers and texts as they are, lists and maps as compact JSON,
 * absent as empty.
 * @example assumptionCell({ dist: 'normal', mean: '18%', sd: '4%' }); // => '{"dist":"normal","mean":"18%","sd":"4%"}'
 */
export function assumptionCell(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

/** compare-assumptions.csv text: every resolved path that differs, with its value in each scenario. */
export function compareAssumptionsCsv(comparison: ScenarioComparison): string {
  const rows = comparison.assumptions.flatMap((difference) =>
    difference.values.map((value, i) => ({ path: difference.path, scenario: comparison.scenarios[i], value: assumptionCell(value), used: difference.used[i] ?? '' })),
  );
  return toCsv(compareAssumptionColumns, rows);
}
