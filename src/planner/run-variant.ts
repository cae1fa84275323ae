// One variant of a scenario, run whole: the scenario with some assumptions overridden, reduced to its verdicts.
import type { DataSet } from '../data/types.js';
import type { TargetResult } from '../model/target-result.js';
import type { LayoutMemo } from '../evaluate/layout-memo.js';
import { targetVerdicts, type TargetVerdict } from '../evaluate/target-verdict.js';
import { runScenario } from '../pipeline/run-scenario.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { overriddenVariables, withAssumptions, type AssumptionOverride } from './with-assumptions.js';

/** What every variant of one scenario shares (sent once to each worker thread). */
export interface VariantInputs {
  readonly model: ModelSpec;
  readonly data: DataSet;
  readonly scenario: ScenarioSpec;
  readonly draws: number;
  readonly seed: number;
}

/** The verdicts of one variant: plain data, so it can cross a worker boundary. */
export interface VariantOutcome {
  readonly targets: readonly TargetResult[];
  /** Every target's verdict (status, basis, record), as targets.csv gives it. */
  readonly verdicts: readonly TargetVerdict[];
  readonly skippedTargets: readonly { readonly id: string; readonly reason: string }[];
}

/** How a variant is run (the outcome is the same with any of these). */
export interface VariantRunOptions {
  /**
   * The layouts of the variant run before in this thread (LayoutMemo): the variables the overrides
   * do not reach have the same pilot, so their histograms are not laid out again.
   */
  readonly layouts?: LayoutMemo;
  /**
   * The overrides of a run of the same inputs that simulated every variable and whose outcome is
   * reported before this one's: a sweep's first variant, solve's and sensitivity's baseline (`[]`).
   * A variable set by neither run, reached by none set and read by no target then has the same
   * numbers in both, draw for draw (common random numbers), so it is left out: had it a value that
   * is not finite, that run has reported it. Without it, every variable is simulated and checked.
   */
  readonly checkedBy?: readonly AssumptionOverride[];
}

/**
 * Runs the scenario with `overrides` laid over its assumptions, with the shared draws and seed
 * (so every variant uses the same random numbers), keeping only the targets
 * (RunOptions.targetsOnly): no variant reads the projections. Deterministic: the same inputs give the
 * same outcome in any thread, with or without `layouts`, and with or without `checkedBy` when the run
 * it names succeeds.
 * @example runVariant(inputs, []).targets.length; // => the number of targets the scenario judges
 */
export function runVariant(inputs: VariantInputs, overrides: readonly AssumptionOverride[], options: VariantRunOptions = {}): VariantOutcome {
  const { layouts, checkedBy } = options;
  layouts?.nextRun();
  const result = runScenario(inputs.model, inputs.data, withAssumptions(inputs.scenario, overrides), {
    draws: inputs.draws,
    seed: inputs.seed,
    targetsOnly: true,
    ...(checkedBy ? { changedVariables: [...new Set([...overrides, ...checkedBy].flatMap((o) => overriddenVariables(inputs.scenario, o)))] } : {}),
    ...(layouts ? { layoutMemo: layouts } : {}),
  });
  return { targets: result.targets, verdicts: targetVerdicts(result, inputs.data), skippedTargets: result.skippedTargets };
}
