// Goal seek for a scenario: the value of one assumption at which a target is met with a wanted probability.
import { plannerMessages } from '../errors/messages.js';
import { verdictBound, type ProbabilityBound } from '../evaluate/probability-bound.js';
import type { TargetResult } from '../model/target-result.js';
import { nowcastStatus, projectedStatus, type TargetStatus } from '../evaluate/target-status.js';
import { prepareModel } from '../pipeline/prepare-model.js';
import type { Distribution } from '../model/distribution.js';
import { distributionMean, distributionQuantile } from '../simulate/distributions/sample-distribution.js';
import { currentDistribution, parseAssumptionPath } from './assumption-path.js';
import { bisectProbability, type BisectionResult } from './bisect-probability.js';
import { commandLineError } from './command-line-error.js';
import { runVariant, type VariantInputs, type VariantOutcome } from './run-variant.js';
import { InputError } from '../errors/input-error.js';
import { LayoutMemo } from '../evaluate/layout-memo.js';
import { setDistributionField } from './set-distribution-field.js';
import type { VariableOverride } from './with-assumptions.js';

export interface SolveRequest {
  /** Target id. */
  readonly target: string;
  /** Wanted probability of meeting it, 0 < p < 1. */
  readonly probability: number;
  /** Assumption path, e.g. `assumptions.aiCoreIndustry.growth.mean`. */
  readonly path: string;
  /** Search range; default: the current value ± max(4 spreads, half its size, 0.01) (pulled in to valid values), widened up to 10 times. */
  readonly range?: readonly [number, number];
  readonly tolerance?: number;
}

export interface SolveResult extends BisectionResult {
  readonly scenario: string;
  readonly target: string;
  readonly path: string;
  readonly wanted: number;
  readonly draws: number;
  readonly seed: number;
  /** The assumption's value in the scenario as it stands (its field, or the mean of its distribution). */
  readonly currentValue: number;
  /** The scenario's own projection of the target, before solving. */
  readonly baseline: TargetResult;
  /** How the target is judged from the draws: a projection, or a nowcast of a closed window. */
  readonly judgedOn: 'projection' | 'nowcast';
  /** The scenario's own status of the target, before solving (targets.csv's). */
  readonly baselineStatus: TargetStatus;
  /**
   * `lower` / `upper` when the judged variable is a proxy (targets.csv's probabilityMetBound): the
   * probabilities solved for are those of the proxy, a lower or an upper bound on the target's own.
   */
  readonly bound: ProbabilityBound;
  /** The assumption at the solved value, ready to write into a scenario. */
  readonly override: VariableOverride;
}

/**
 * Solves for the assumption value by bisection over whole simulations with the scenario's draws
 * and seed (common random numbers make the probability a monotone step function of a monotone
 * assumption). The returned value, written into the scenario, meets the target with at least the
 * wanted probability; its `probabilitySe` is the Monte Carlo error sqrt(p(1−p)/draws). The value is
 * rounded outward to the fewest significant digits that keep the probability within one Monte
 * Carlo error above the wanted one (`low`, `high`: the exact bisection bracket).
 * @throws InputError for an unknown target or path, or a range that gives invalid distributions
 * @example runSolve(inputs, { target: 'bj-ai-core-2027', probability: 0.8, path: 'assumptions.aiCoreIndustry.growth.mean' }).value; // => 0.584 (20000 draws of the baseline)
 */
export function runSolve(inputs: VariantInputs, request: SolveRequest): SolveResult {
  return runSolves(inputs, [request])[0];
}

/**
 * Several goal seeks on one scenario (runSolve for each request, in order), sharing what they can:
 * the scenario's own run, the histogram layouts and every simulation run at the same value of the
 * same path (a run judges every target at once: the bisections of targets on one path start from
 * the same range, so their first runs coincide). Each result is the one runSolve gives alone.
 * @throws InputError for every unknown or already decided target and each unknown path, before any bisection
 */
export function runSolves(inputs: VariantInputs, requests: readonly SolveRequest[]): SolveResult[] {
  const prepared = prepareModel(inputs.model, inputs.data, inputs.scenario);
  const paths = requests.map((request) => parseAssumptionPath(request.path));
  const currents = paths.map((path) => currentDistribution(prepared, path));
  // The bisection's runs share the layouts of the histograms the override does not reach (LayoutMemo).
  const layouts = new LayoutMemo();
  const baselineOutcome = runVariant(inputs, [], { layouts });
  const problems = requests.flatMap((request) => {
    const verdict = baselineOutcome.verdicts.find((v) => v.target.id === request.target);
    if (!baselineOutcome.targets.some((t) => t.target.id === request.target) || !verdict) {
      return [commandLineError(plannerMessages.unknownTarget(baselineOutcome.targets.map((t) => t.target.id), request.target))];
    }
    // The record settles a decided target in every variant: no assumption moves it.
    if (verdict.judgedOn === 'record') return [commandLineError(plannerMessages.decidedOnRecord(request.target, verdict.status, verdict.record.judgement.reason))];
    return [];
  });
  if (problems.length > 0) throw new InputError(problems.flatMap((p) => p.problems));
  const runs = new Map<string, readonly TargetResult[]>();
  return requests.map((request, k) => solveOne(inputs, request, paths[k], currents[k], baselineOutcome, (override) => {
    const key = `${request.path}\u0000${override.value}`;
    let targets = runs.get(key);
    // The baseline run above simulated every variable and would have failed first (checkedBy).
    if (!targets) runs.set(key, (targets = runVariant(inputs, [override.override], { layouts, checkedBy: [] }).targets));
    return targets;
  }));
}

/** One goal seek; `run` gives the targets' results of a simulation with the override (shared across requests). */
function solveOne(
  inputs: VariantInputs,
  request: SolveRequest,
  path: ReturnType<typeof parseAssumptionPath>,
  current: ReturnType<typeof currentDistribution>,
  baselineOutcome: VariantOutcome,
  run: (at: { value: number; override: VariableOverride }) => readonly TargetResult[],
): SolveResult {
  const baseline = baselineOutcome.targets.find((t) => t.target.id === request.target)!;
  const verdict = baselineOutcome.verdicts.find((v) => v.target.id === request.target)!;

  const currentValue = valueOf(current, path.field);
  const spread = current ? (distributionQuantile(current, 0.9) - distributionQuantile(current, 0.1)) / 2.5631031310892007 : 0;
  const halfWidth = Math.max(4 * (Number.isFinite(spread) ? spread : 0), Math.abs(currentValue) / 2, 0.01);
  const valid = (value: number) => {
    try {
      setDistributionField(current, path.field, value, path.path);
      return true;
    } catch {
      return false;
    }
  };
  // A default end that gives an invalid distribution (e.g. sd ≤ 0) is pulled halfway back towards
  // the current value until it is valid; a range given on the command line is taken as it is.
  const pullIn = (end: number) => {
    for (let i = 0; i < 40 && !valid(end) && valid(currentValue); i++) end = (end + currentValue) / 2;
    return end;
  };
  const [low, high] = request.range ?? [pullIn(currentValue - halfWidth), pullIn(currentValue + halfWidth)];

  const overrideAt = (value: number): VariableOverride => ({
    variable: path.variable,
    parameter: path.parameter,
    distribution: setDistributionField(current, path.field, value, path.path),
  });
  const evaluate = (value: number) => {
    const result = run({ value, override: overrideAt(value) }).find((t) => t.target.id === request.target)!;
    return { value, probability: result.probabilityMet, probabilitySe: result.probabilityMetSe };
  };
  const bisected = bisectProbability(evaluate, request.probability, {
    low,
    high,
    tolerance: request.tolerance,
    maxWidenings: request.range ? 0 : 10,
  });
  const solved = bisected.status === 'solved' ? roundSolved(bisected, request.probability, evaluate, valid) : bisected;
  return {
    ...solved,
    scenario: inputs.scenario.scenario,
    target: request.target,
    path: request.path,
    wanted: request.probability,
    draws: inputs.draws,
    seed: inputs.seed,
    currentValue,
    baseline,
    judgedOn: verdict.judgedOn === 'nowcast' ? 'nowcast' : 'projection',
    baselineStatus: verdict.status,
    bound: verdictBound(verdict),
    override: overrideAt(solved.value),
  };
}

/**
 * The solved value as a planner would write it: rounded away from the missing side (up when the
 * probability rises with the value) to the fewest significant digits, from 2, whose probability
 * still meets the wanted one and exceeds it by no more than its Monte Carlo error; the exact
 * bisection end when no rounding does. Each rounding tried is one more run (usually one or two).
 * @example roundOutward(0.132467, 3, true); // => 0.133
 */
function roundSolved(
  solved: BisectionResult,
  wanted: number,
  evaluate: (value: number) => { value: number; probability: number; probabilitySe: number },
  valid: (value: number) => boolean,
): BisectionResult {
  const evaluations = [...solved.evaluations];
  for (let digits = 2; digits <= 8; digits++) {
    const value = roundOutward(solved.value, digits, solved.increasing);
    if (value === solved.value) break;
    if (!valid(value)) continue;
    const point = evaluate(value);
    evaluations.push(point);
    if (point.probability >= wanted && point.probability - wanted <= Math.max(point.probabilitySe, solved.probability - wanted)) {
      return { ...solved, value, probability: point.probability, probabilitySe: point.probabilitySe, evaluations };
    }
  }
  return { ...solved, evaluations };
}

/**
 * `value` rounded to `digits` significant digits, up (`up`) or down.
 * @example roundOutward(0.132467, 3, true); // => 0.133
 */
export function roundOutward(value: number, digits: number, up: boolean): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  const scaled = value / step;
  // Guard against binary noise: 0.1325 / 0.0001 is 1324.9999999999998.
  const nearest = Math.round(scaled);
  const whole = Math.abs(scaled - nearest) < 1e-9 ? nearest : up ? Math.ceil(scaled) : Math.floor(scaled);
  return Number((whole * step).toPrecision(digits + 1));
}

/** The value a path currently has: its field, or the distribution's mean (generic `mean`, or the whole parameter). */
function valueOf(distribution: Distribution | undefined, field: string | undefined): number {
  if (!distribution) return 0;
  if (field !== undefined && field in distribution) return (distribution as unknown as Record<string, number>)[field];
  return distributionMean(distribution);
}

/** The message for a search range that does not bracket the wanted probability. */
export function notBracketedMessage(result: SolveResult): string {
  const first = result.evaluations.find((e) => e.value === result.low) ?? result.evaluations[0];
  const last = result.evaluations.find((e) => e.value === result.high) ?? result.evaluations[result.evaluations.length - 1];
  return plannerMessages.notBracketed(result.path, result.low, result.high, first.probability, last.probability, result.wanted);
}

/**
 * The status a solved probability reads as: the likelihood word, marked `(nowcast)` for a closed window.
 * @example solvedStatus({ judgedOn: 'nowcast' }, 0.95); // => 'very likely (nowcast)'
 */
export function solvedStatus(result: Pick<SolveResult, 'judgedOn'>, probability: number): TargetStatus {
  return result.judgedOn === 'nowcast' ? nowcastStatus(probability) : projectedStatus(probability);
}
