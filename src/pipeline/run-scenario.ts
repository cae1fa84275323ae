// Steps 3–5 for one scenario: calibrate, simulate, evaluate. Pure: no files, no clock, inputs untouched.
import type { DataSet, Target } from '../data/types.js';
import { convertTargetUnit } from '../data/convert-target-unit.js';
import { summarizeColumns } from '../evaluate/summarize-columns.js';
import type { SummaryRow } from '../evaluate/summary-row.js';
import { trackTarget, type TargetTracker } from '../evaluate/track-target.js';
import { simulate } from '../simulate/simulate.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { observedSeries, prepareModel } from './prepare-model.js';
import type { ScenarioResult } from './scenario-result.js';

export interface RunOptions {
  /** Overrides the scenario's draws. */
  readonly draws?: number;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Called after each simulated year (for progress reports). */
  readonly onYear?: (year: number, horizon: number) => void;
}

/**
 * Runs one scenario of one model on a data set (already filtered `asOf` the run's date).
 * @returns summaries per variable and year, and a verdict on every target the model can judge
 */
export function runScenario(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: RunOptions = {}): ScenarioResult {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const prepared = prepareModel(model, data, scenario);
  const variables = prepared.variables.map((v) => v.spec.name);

  const trackers: TargetTracker[] = [];
  const skippedTargets: { id: string; reason: string }[] = [];
  for (const target of data.targets) {
    const variable = prepared.variables.find((v) => v.spec.name === target.variable);
    if (!variable) {
      skippedTargets.push({ id: target.id, reason: target.variable ? `model ${model.model} has no variable ${target.variable}` : 'no model variable projects it' });
      continue;
    }
    if (target.year > prepared.horizon) {
      skippedTargets.push({ id: target.id, reason: `target year ${target.year} is after the horizon ${prepared.horizon}` });
      continue;
    }
    if (target.year < variable.firstYear) {
      skippedTargets.push({ id: target.id, reason: `target year ${target.year} is before ${variable.spec.name} is projected (from ${variable.firstYear})` });
      continue;
    }
    const converted: Target = convertTargetUnit(target, variable.spec.unit);
    trackers.push(trackTarget(converted, variable, observedSeries(data, variable.spec.series), draws));
  }

  const summaries: SummaryRow[] = [];
  const scratch = new Float64Array(draws);
  simulate(prepared, {
    draws,
    seed,
    shocks: scenario.shocks,
    observeBase: (base) => trackers.forEach((t) => t.observeBase(base)),
    observe: (columns) => {
      const rows = summarizeColumns(columns, variables, scratch);
      summaries.push(...rows);
      const median = (name: string) => rows.find((row) => row.variable === name)?.quantiles[3];
      for (const tracker of trackers) tracker.observe(columns, median(tracker.variable));
      options.onYear?.(columns.year, prepared.horizon);
    },
  });

  return { scenario, model: prepared, summaries, targets: trackers.map((t) => t.result()), skippedTargets };
}
