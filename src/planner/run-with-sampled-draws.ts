// `forecast run --export-draws N` in one call: a scenario run plus N sampled paths, ready for draws.csv.
import type { DataSet } from '../data/types.js';
import { trackDraws, type DrawsTracker } from '../evaluate/track-draws.js';
import type { ScenarioDraws } from '../output/draws-table.js';
import type { RunOptions } from '../pipeline/run-scenario.js';
import type { ScenarioResult } from '../pipeline/scenario-result.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { runInstrumented } from './run-instrumented.js';
import { selectDrawIndices } from './select-draw-indices.js';

/**
 * Runs the scenario (exactly as runScenario) and keeps `count` evenly spaced draws of every
 * variable (selectDrawIndices): the same draw numbers in every scenario of a run.
 * @param count paths wanted (0 keeps none and costs nothing extra)
 * @returns the result and the sampled paths, e.g. for `drawsCsv([...draws])`
 * @example runWithSampledDraws(model, data, scenario, { draws: 1000 }, 10).draws.points.length; // => 10 × (variables × years)
 */
export function runWithSampledDraws(
  model: ModelSpec,
  data: DataSet,
  scenario: ScenarioSpec,
  options: RunOptions,
  count: number,
): { result: ScenarioResult; draws: ScenarioDraws } {
  let tracker: DrawsTracker | undefined;
  const { result } = runInstrumented(model, data, scenario, {
    ...options,
    ...(count > 0 && { observers: (prepared, draws) => [(tracker = trackDraws(prepared, selectDrawIndices(draws, count)))] }),
  });
  return { result, draws: { scenario: scenario.scenario, points: tracker?.points() ?? [] } };
}
