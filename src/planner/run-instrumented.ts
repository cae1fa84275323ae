// One scenario run that also hands out per-draw information: target outcomes per draw and any extra observers.
import type { DataSet } from '../data/types.js';
import type { TargetOutcome } from '../evaluate/target-outcome.js';
import type { PreparedModel } from '../model/prepared-model.js';
import { runScenario, type RunOptions } from '../pipeline/run-scenario.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import type { DrawObserver } from '../simulate/draw-observer.js';

export type { DrawObserver };

export interface InstrumentedRunOptions extends Omit<RunOptions, 'observers'> {
  /** Keep every judged target's per-draw quantity and met flag (`outcomes`). */
  readonly trackOutcomes?: boolean;
  /** Extra observers, created once the model is prepared (e.g. `(m) => [trackDraws(m, indices)]`). */
  readonly observers?: (model: PreparedModel, draws: number) => readonly DrawObserver[];
}

export interface InstrumentedRun {
  readonly result: ScenarioResult;
  /** Per-draw outcomes, in the order of `result.targets` (empty unless `trackOutcomes`). */
  readonly outcomes: readonly TargetOutcome[];
}

/**
 * Runs a scenario with runScenario; when per-draw information is asked for, the outcome trackers
 * and extra observers watch the same simulation pass that the summaries come from.
 * Pure, like runScenario.
 * @example runInstrumented(model, data, scenario, { draws: 1000, trackOutcomes: true }).outcomes[0].met.length; // => 1000
 */
export function runInstrumented(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: InstrumentedRunOptions = {}): InstrumentedRun {
  if (!options.trackOutcomes && !options.observers) return { result: runScenario(model, data, scenario, options), outcomes: [] };
  // One simulation pass: the run's own target trackers keep their per-draw outcomes, and extra
  // observers ride along with the summaries.
  let outcomes: TargetOutcome[] = [];
  const result = runScenario(model, data, scenario, {
    ...options,
    ...(options.trackOutcomes && {
      keepTargetDraws: true,
      onTargetTrackers: (trackers) => (outcomes = trackers.map((t) => t.outcome()!)),
    }),
    ...(options.observers && { observers: options.observers }),
  });
  return { result, outcomes };
}
