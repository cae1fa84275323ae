// What every part of a scenario run shares, read-only: the prepared model, the targets it judges with
// their observations, draws, seed and shocks. Threads and shards of one run start from equal setups.
import type { DataSet, Observation, Target } from '../data/types.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec, Shock } from '../spec/scenario-spec.js';
import { judgedTargets } from './judged-targets.js';
import { observedSeries, prepareModel } from './prepare-model.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';

/** A target the model projects, with the variable it is judged on and that variable's observed rows. */
export interface JudgedTarget {
  /** Bounds in the variable's unit. */
  readonly target: Target;
  readonly variable: PreparedVariable;
  /** Observed rows of the variable's series (years on record enter from them; required growth is measured from them). */
  readonly observations: readonly Observation[];
}

export interface RunSetup {
  readonly scenario: ScenarioSpec;
  readonly prepared: PreparedModel;
  /** In data order. */
  readonly judged: readonly JudgedTarget[];
  /** Targets of the data set the model cannot judge, with the reason. */
  readonly skippedTargets: readonly { readonly id: string; readonly reason: string }[];
  readonly draws: number;
  readonly seed: number;
  readonly shocks: readonly Shock[];
}

/**
 * Prepares a scenario's run: calibrates the model on the data (already as of the run's date), lays
 * the scenario over it, and finds the targets it judges.
 * @throws ModelError / InputError as prepareModel does
 * @example runSetup(model, data, scenario, { draws: 1000 }).draws; // => 1000
 */
export function runSetup(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: { readonly draws?: number; readonly seed?: number } = {}): RunSetup {
  const prepared = prepareModel(model, data, scenario);
  const { judged, skipped } = judgedTargets(prepared, data);
  return {
    scenario,
    prepared,
    judged: judged.map(({ target, variable }) => ({ target, variable, observations: observedSeries(data, variable.spec.series) })),
    skippedTargets: skipped,
    draws: options.draws ?? scenario.draws,
    seed: options.seed ?? scenario.seed,
    shocks: scenario.shocks,
  };
}
