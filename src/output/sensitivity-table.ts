// sensitivity.csv: per target, every uncertain input ranked by how far it swings the probability of meeting it.
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import type { SensitivityResult } from '../planner/run-sensitivity.js';

/** Columns of sensitivity.csv, in order (docs/planner.md). */
export const sensitivityColumns = [
  'scenario', 'target', 'variable', 'unit', 'year', 'rank', 'input', 'inputVariable', 'inputParameter', 'origin',
  'distribution', 'lowQuantile', 'highQuantile', 'lowValue', 'highValue',
  'baselineProbability', 'baselineStatus', 'probabilityMetBound', 'probabilityLow', 'probabilityHigh', 'swingProbability',
  'baselineP50', 'p50Low', 'p50High', 'swingP50', 'spearman', 'rankSpearman', 'draws', 'seed',
] as const;

/** Rows of sensitivity.csv: targets in data order, inputs by rank. */
export function sensitivityRows(result: SensitivityResult, digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return result.targets.flatMap(({ baseline, status, bound, entries }) =>
    entries.map((entry) => ({
      scenario: result.scenario,
      target: baseline.target.id,
      variable: baseline.variable,
      unit: baseline.unit,
      year: baseline.target.year,
      rank: entry.rank,
      input: `${entry.input.variable}.${entry.input.parameter}`,
      inputVariable: entry.input.variable,
      inputParameter: entry.input.parameter,
      origin: entry.input.origin,
      distribution: describeDistribution(entry.input.distribution),
      lowQuantile: f(result.lowQuantile),
      highQuantile: f(result.highQuantile),
      lowValue: f(entry.lowValue),
      highValue: f(entry.highValue),
      baselineProbability: f(baseline.probabilityMet),
      baselineStatus: status,
      probabilityMetBound: bound,
      probabilityLow: f(entry.probabilityLow),
      probabilityHigh: f(entry.probabilityHigh),
      swingProbability: f(entry.swingProbability),
      baselineP50: f(baseline.p50),
      p50Low: f(entry.p50Low),
      p50High: f(entry.p50High),
      swingP50: f(entry.swingP50),
      spearman: f(entry.spearman),
      rankSpearman: entry.rankSpearman,
      draws: result.draws,
      seed: result.seed,
    })),
  );
}

/** sensitivity.csv text. */
export function sensitivityCsv(result: SensitivityResult, digits?: number): string {
  return toCsv(sensitivityColumns, sensitivityRows(result, digits));
}
