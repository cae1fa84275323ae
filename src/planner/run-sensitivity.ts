// Tornado sensitivity of one scenario: each uncertain input pinned at a low and a high quantile in turn,
// plus a sample-based importance (Spearman's ρ between each input's draws and each target's outcome).
//
//   1 prepare the model; list its uncertain inputs (non-constant parameters and base levels)
//   2 baseline: one instrumented run keeps every target's per-draw outcome
//   3 importance: regenerate each input's per-draw samples from its keyed stream; ρ with each outcome
//   4 swings: 2 variants per input (pinned at its p10 / p90 as a constant), spread over worker threads
//   5 rows: per target, inputs ranked by the swing of the probability, then of the median
import { prepareModel } from '../pipeline/prepare-model.js';
import type { TargetResult } from '../model/target-result.js';
import { judgedFromDraws, verdictBound, type ProbabilityBound } from '../evaluate/probability-bound.js';
import type { TargetStatus } from '../evaluate/target-status.js';
import { targetVerdicts } from '../evaluate/target-verdict.js';
import { distributionQuantile } from '../simulate/distributions/sample-distribution.js';
import { sampleColumn } from '../simulate/simulate.js';
import { runInstrumented } from './run-instrumented.js';
import type { VariantInputs } from './run-variant.js';
import { runVariants } from './run-variants.js';
import { midranks, pearsonCorrelation } from './spearman-correlation.js';
import { uncertainInputs, type UncertainInput } from './uncertain-inputs.js';

/** How one input moves one target. */
export interface SensitivityEntry {
  readonly input: UncertainInput;
  /** The input's value at the low and high quantile (pinned as a constant). */
  readonly lowValue: number;
  readonly highValue: number;
  readonly probabilityLow: number;
  readonly probabilityHigh: number;
  /** |probabilityHigh − probabilityLow|. */
  readonly swingProbability: number;
  /** Median of the judged quantity with the input low / high. */
  readonly p50Low: number;
  readonly p50High: number;
  /** |p50High − p50Low|, in the target's unit. */
  readonly swingP50: number;
  /** Spearman's ρ between the input's per-draw samples and the target's per-draw judged quantity (baseline run). */
  readonly spearman: number;
  /** 1 = largest swingProbability (ties: larger swingP50, then input order). */
  readonly rank: number;
  /** 1 = largest |spearman|. */
  readonly rankSpearman: number;
}

export interface TargetSensitivity {
  readonly baseline: TargetResult;
  /** The scenario's status of the target (a projection's likelihood word, or a nowcast's). */
  readonly status: TargetStatus;
  /** `lower` / `upper` when a proxy judges the target: every probability here bounds the target's own from that side. */
  readonly bound: ProbabilityBound;
  /** Ranked by `rank`. */
  readonly entries: readonly SensitivityEntry[];
}

export interface SensitivityResult {
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly lowQuantile: number;
  readonly highQuantile: number;
  readonly inputs: readonly UncertainInput[];
  readonly targets: readonly TargetSensitivity[];
}

export interface SensitivityOptions {
  readonly threads: number;
  /** Quantile an input is pinned at for its low run (default 0.1). */
  readonly lowQuantile?: number;
  /** Quantile for its high run (default 0.9). */
  readonly highQuantile?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the tornado (one-at-a-time) sensitivity analysis of a scenario. Every run uses the same draws
 * and seed, so the swings are differences of common-random-number runs, and the result is the same
 * for any thread count. Reference: Saltelli et al. (2008), Global Sensitivity Analysis, §1.2
 * (one-at-a-time designs) and §1.2.4 (rank correlation as a sample-based measure). Only targets
 * judged from the draws (projections, nowcasts) have a sensitivity: those the record decides, or
 * whose closed window the model cannot nowcast, are left out.
 * @example (await runSensitivity(inputs, { threads: 2 })).targets[0].entries[0].input.parameter; // => 'growth'
 */
export async function runSensitivity(inputs: VariantInputs, options: SensitivityOptions): Promise<SensitivityResult> {
  const low = options.lowQuantile ?? 0.1;
  const high = options.highQuantile ?? 0.9;
  const { model, data, scenario, draws, seed } = inputs;

  // 1–2.
  const prepared = prepareModel(model, data, scenario);
  const uncertain = uncertainInputs(prepared, scenario);
  const baseline = runInstrumented(model, data, scenario, { draws, seed, trackOutcomes: true, targetsOnly: true });

  // 3. Ranks of each outcome and each input, computed once each.
  const outcomeRanks = baseline.outcomes.map((outcome) => finiteRanks(outcome.values));
  const spearman = uncertain.map((input) => {
    const sample = sampleColumn(input.distribution, draws, seed, input.variable, input.component);
    const ranks = midranks(sample);
    return outcomeRanks.map((outcome) => (outcome ? pearsonCorrelation(ranks, outcome) : Number.NaN));
  });

  // 4.
  const values = uncertain.map((input) => [distributionQuantile(input.distribution, low), distributionQuantile(input.distribution, high)] as const);
  const jobs = uncertain.flatMap((input, k) =>
    values[k].map((value) => [{ variable: input.variable, parameter: input.parameter, distribution: { dist: 'constant', value } as const }]),
  );
  // The baseline above simulated every variable and fails before any variant would (checkedBy).
  const outcomes = await runVariants(inputs, jobs, { threads: options.threads, onProgress: options.onProgress, checkedBy: [] });

  // 5. Targets the draws do not judge (decided on record, closed without a nowcast) are left out: no input moves them.
  const verdicts = new Map(targetVerdicts(baseline.result, data).map((v) => [v.target.id, v]));
  const targets = baseline.result.targets.flatMap((target, t): TargetSensitivity[] => {
    const verdict = verdicts.get(target.target.id)!;
    if (!judgedFromDraws(verdict)) return [];
    const find = (k: number) => outcomes[k].targets.find((r) => r.target.id === target.target.id);
    const entries = uncertain.map((input, k) => {
      const lowResult = find(2 * k);
      const highResult = find(2 * k + 1);
      const probabilityLow = lowResult?.probabilityMet ?? Number.NaN;
      const probabilityHigh = highResult?.probabilityMet ?? Number.NaN;
      const p50Low = lowResult?.p50 ?? Number.NaN;
      const p50High = highResult?.p50 ?? Number.NaN;
      return {
        input,
        order: k,
        lowValue: values[k][0],
        highValue: values[k][1],
        probabilityLow,
        probabilityHigh,
        swingProbability: Math.abs(probabilityHigh - probabilityLow),
        p50Low,
        p50High,
        swingP50: Math.abs(p50High - p50Low),
        spearman: spearman[k][t],
      };
    });
    const desc = (a: number, b: number) => (Number.isNaN(b) ? -1 : Number.isNaN(a) ? 1 : b - a);
    const bySwing = [...entries].sort((a, b) => desc(a.swingProbability, b.swingProbability) || desc(a.swingP50, b.swingP50) || a.order - b.order);
    const bySpearman = [...entries].sort((a, b) => desc(Math.abs(a.spearman), Math.abs(b.spearman)) || a.order - b.order);
    const rankSpearman = new Map(bySpearman.map((entry, i) => [entry.order, i + 1]));
    return [{
      baseline: target,
      status: verdict.status,
      bound: verdictBound(verdict),
      entries: bySwing.map(({ order, ...entry }, i) => ({ ...entry, rank: i + 1, rankSpearman: rankSpearman.get(order)! })),
    }];
  });
  return { scenario: scenario.scenario, draws, seed, lowQuantile: low, highQuantile: high, inputs: uncertain, targets };
}

/** Midranks of an outcome column, or undefined when a draw has no finite value (the year was never reached). */
function finiteRanks(values: Float64Array): Float64Array | undefined {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return undefined;
  return midranks(values);
}
