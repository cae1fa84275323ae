// One scenario run that also hands out per-draw information: target outcomes per draw and any extra observers.
import type { DataSet } from '../data/types.js';
import { observedSeries, prepareModel } from '../pipeline/prepare-model.js';
import type { PreparedModel } from '../pipeline/prepared-model.js';
import { runScenario, type RunOptions } from '../pipeline/run-scenario.js';
import type { ScenarioResult } from '../pipeline/scenario-result.js';
import { simulate, type YearColumns } from '../simulate/simulate.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { trackJudgedQuantity, type TargetOutcome } from './track-judged-quantity.js';

/** Anything that watches a simulation draw by draw (trackDraws, trackJudgedQuantity, …). */
export interface DrawObserver {
  observeBase?(base: ReadonlyMap<string, Float64Array>): void;
  observe(columns: YearColumns): void;
}

export interface InstrumentedRunOptions extends RunOptions {
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
 * Runs a scenario with runScenario and, when per-draw information is asked for, simulates the same
 * prepared model again with the extra observers. Both passes use the same seed and keyed streams,
 * so the second pass sees exactly the draws the first one summarised (common random numbers).
 * Pure, like runScenario.
 * @example runInstrumented(model, data, scenario, { draws: 1000, trackOutcomes: true }).outcomes[0].met.length; // => 1000
 */
export function runInstrumented(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: InstrumentedRunOptions = {}): InstrumentedRun {
  const result = runScenario(model, data, scenario, options);
  if (!options.trackOutcomes && !options.observers) return { result, outcomes: [] };

  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const prepared = prepareModel(model, data, scenario);
  const trackers = options.trackOutcomes
    ? result.targets.map((t) => {
        const variable = prepared.variables.find((v) => v.spec.name === t.variable)!;
        return trackJudgedQuantity(t.target, variable, observedSeries(data, variable.spec.series), draws);
      })
    : [];
  const observers: DrawObserver[] = [...trackers, ...(options.observers?.(prepared, draws) ?? [])];
  simulate(prepared, {
    draws,
    seed,
    shocks: scenario.shocks,
    observeBase: (base) => observers.forEach((o) => o.observeBase?.(base)),
    observe: (columns) => observers.forEach((o) => o.observe(columns)),
  });
  return { result, outcomes: trackers.map((t) => t.outcome()) };
}
