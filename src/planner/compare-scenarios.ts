// Targets side by side across scenarios, each set against the first scenario with a paired Monte Carlo error.
import type { DataSet } from '../data/types.js';
import { judgedFromDraws } from '../evaluate/probability-bound.js';
import type { TargetOutcome } from '../evaluate/target-outcome.js';
import type { TargetResult } from '../model/target-result.js';
import { targetVerdicts, type TargetVerdict } from '../evaluate/target-verdict.js';
import { lawAssumption } from '../spec/load-scenario.js';
import { startAssumption } from '../spec/validate-scenario-against-model.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { diffResolved, type ResolvedDifference } from './diff-resolved.js';
import { pairedDifference, type PairedDifference } from './paired-difference.js';
import type { InstrumentedRun } from './run-instrumented.js';

/** One target in one scenario, with its difference from the reference (first) scenario. */
export interface ComparisonRow {
  readonly scenario: string;
  /** The reference scenario (the first one given). */
  readonly reference: string;
  readonly target: string;
  /** The verdict in this scenario (status, basis, record): the same words as targets.csv. */
  readonly verdict: TargetVerdict;
  /** The projection; undefined when this scenario does not project the target (e.g. its horizon ends before). */
  readonly result?: TargetResult;
  readonly referenceResult?: TargetResult;
  /** probabilityMet − reference probabilityMet, paired over the common draws. */
  readonly differenceProbability: number;
  /** sqrt(Var(I − I_ref) / draws): the Monte Carlo error of that difference. */
  readonly differenceProbabilitySe: number;
  /** p50 − reference p50, in the target's unit. */
  readonly differenceP50: number;
}

/** A differing resolved path, and per scenario the distribution its run used with its origin (assumption paths only). */
export interface ComparedAssumption extends ResolvedDifference {
  readonly used: readonly (string | undefined)[];
}

export interface ScenarioComparison {
  readonly scenarios: readonly string[];
  /** The seed every run used. */
  readonly seed: number;
  /** Target by target (data order; targets no scenario judges are left out), scenario by scenario. */
  readonly rows: readonly ComparisonRow[];
  /** Fully resolved assumptions that differ between the scenarios, with what each run used. */
  readonly assumptions: readonly ComparedAssumption[];
}

/**
 * Compares instrumented runs made with the same draws and seed (so draw i of every run uses the same
 * random numbers). The reference is the first run: its rows have difference 0 and error 0. A target
 * the record decides has P(met) 1 or 0 in every scenario: difference 0, error 0. Projections and
 * nowcasts are paired draw by draw (a nowcast over the draws the record allows in both runs).
 * @param runs runs with `trackOutcomes`, the reference first
 * @param seed the seed every run used (reported in compare.csv)
 * @param data the data set the runs used (for the record and every target's verdict)
 * @throws Error when the runs used different numbers of draws (they could not be paired)
 * @example compareScenarios([baselineRun, optimisticRun], 20240419, data).rows[1].differenceProbability; // => 0.4 (say)
 */
export function compareScenarios(runs: readonly InstrumentedRun[], seed: number, data: DataSet): ScenarioComparison {
  const scenarios = runs.map((run) => run.result.scenario.scenario);
  const verdicts = runs.map((run) => targetVerdicts(run.result, data));
  const rows: ComparisonRow[] = [];
  data.targets.forEach((target, k) => {
    if (verdicts.every((v) => v[k].status === 'not judged')) return;
    const ref = verdicts[0][k];
    const refIndex = runs[0].result.targets.findIndex((t) => t.target.id === target.id);
    const refOutcome = refIndex >= 0 ? runs[0].outcomes[refIndex] : undefined;
    runs.forEach((run, r) => {
      const verdict = verdicts[r][k];
      const index = run.result.targets.findIndex((t) => t.target.id === target.id);
      const outcome = index >= 0 ? run.outcomes[index] : undefined;
      const fromDraws = verdict.judgedOn === ref.judgedOn && judgedFromDraws(verdict);
      const conditioned = verdict.projection?.conditioned !== undefined || ref.projection?.conditioned !== undefined;
      const paired =
        verdict.judgedOn === 'record' && ref.judgedOn === 'record'
          ? { difference: verdict.probabilityMet - ref.probabilityMet, standardError: 0 }
          : fromDraws && outcome && refOutcome
            ? conditioned ? pairedOnCommonDraws(refOutcome, outcome) : pairedDifference(refOutcome.met, outcome.met)
            : { difference: Number.NaN, standardError: Number.NaN };
      rows.push({
        scenario: run.result.scenario.scenario,
        reference: scenarios[0],
        target: target.id,
        verdict,
        result: verdict.projection,
        referenceResult: ref.projection,
        differenceProbability: paired.difference,
        differenceProbabilitySe: paired.standardError,
        differenceP50: verdict.projection && ref.projection ? verdict.projection.p50 - ref.projection.p50 : Number.NaN,
      });
    });
  });
  const assumptions = diffResolved(runs.map((run) => run.result.scenario.resolved)).map((difference) => ({
    ...difference,
    used: runs.map((run) => usedAssumption(run, difference.path)),
  }));
  return { scenarios, seed, rows, assumptions };
}

/**
 * The paired difference of two verdicts conditioned on the record (targets whose year the record
 * bounds: a nowcast): over the draws the record allows in both runs (those with a judged value),
 * P_b(met | both) − P_a(met | both), with its paired error. When the record allows the same draws in
 * both (the usual case: it bounds one variable's level alike), this is exactly the difference of the
 * two verdicts' probabilities.
 */
function pairedOnCommonDraws(first: TargetOutcome, second: TargetOutcome): PairedDifference {
  const common: number[] = [];
  for (let i = 0; i < first.values.length; i++) if (!Number.isNaN(first.values[i]) && !Number.isNaN(second.values[i])) common.push(i);
  return pairedDifference(common.map((i) => first.met[i]), common.map((i) => second.met[i]));
}

/**
 * What a run used for an assumption path (`assumptions.<variable>.<parameter>[.<field>]`): the
 * final distribution of that parameter (or starting level) and where it came from — so an
 * assumption one scenario leaves unset shows the calibrated or model value it runs with.
 * Undefined for paths that are not assumptions (`description`, `shocks`, …).
 * @example usedAssumption(baselineRun, 'assumptions.aiCoreIndustry.growth'); // => 'calibrated studentT(location=0.222203, scale=0.0493469, df=4)'
 */
export function usedAssumption(run: InstrumentedRun, path: string): string | undefined {
  const [head, variableName, parameter] = path.split('.');
  if (head !== 'assumptions' || !variableName || !parameter) return undefined;
  const variable = run.result.model.variables.find((v) => v.spec.name === variableName);
  if (!variable) return undefined;
  const set = run.result.scenario.assumptions[variableName]?.[parameter] !== undefined;
  // The law each run used: the scenario's switch, or the model's.
  if (parameter === lawAssumption) return variable.formula ? undefined : `${run.result.scenario.laws?.[variableName] !== undefined ? 'scenario' : 'model'} ${variable.spec.law}`;
  if (parameter === startAssumption) {
    if (!variable.base) return undefined;
    return `${set ? 'scenario' : variable.spec.start ? 'model' : 'calibrated'} ${describeDistribution(variable.base)}`;
  }
  const distribution = variable.params[parameter];
  if (!distribution) return undefined;
  return `${variable.origins[parameter] ?? 'default'} ${describeDistribution(distribution)}`;
}
