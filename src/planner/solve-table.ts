// solve.csv: the result of each goal seek, a row each (written by `forecast solve --out`).
import { formatNumber } from '../io/format-number.js';
import { toCsv } from '../io/to-csv.js';
import { solvedStatus, type SolveResult } from './run-solve.js';

/** Columns of solve.csv (written with --out). */
export const solveColumns = [
  'scenario', 'target', 'path', 'probabilityWanted', 'status', 'value', 'probabilityMet', 'probabilityMetSe', 'probabilityMetBound', 'targetStatus',
  'low', 'high', 'currentValue', 'baselineProbability', 'baselineStatus', 'requiredCagr', 'evaluations', 'draws', 'seed',
] as const;

/**
 * solve.csv text: a row for each result, in the order of the targets asked for.
 * @example solveCsv([result]).split('\n')[0].split(',')[0]; // => 'scenario'
 */
export function solveCsv(results: readonly SolveResult[]): string {
  const f = (x: number) => formatNumber(x);
  return toCsv(
    solveColumns,
    results.map((result) => ({
      scenario: result.scenario,
      target: result.target,
      path: result.path,
      probabilityWanted: f(result.wanted),
      status: result.status,
      value: f(result.value),
      probabilityMet: f(result.probability),
      probabilityMetSe: f(result.probabilitySe),
      probabilityMetBound: result.bound,
      targetStatus: solvedStatus(result, result.probability),
      low: f(result.low),
      high: f(result.high),
      currentValue: f(result.currentValue),
      baselineProbability: f(result.baseline.probabilityMet),
      baselineStatus: result.baselineStatus,
      requiredCagr: f(result.baseline.requiredCagr),
      evaluations: result.evaluations.length,
      draws: result.draws,
      seed: result.seed,
    })),
  );
}

