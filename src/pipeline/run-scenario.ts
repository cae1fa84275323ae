// Steps 3–5 for one scenario: calibrate, simulate, evaluate. Pure: no files, no clock, inputs untouched.
import type { DataSet } from '../data/types.js';
import { meanAndQuantilesOf, quantileProbabilities } from '../evaluate/quantiles.js';
import { summarizeColumns } from '../evaluate/summarize-columns.js';
import type { SummaryRow } from '../evaluate/summary-row.js';
import { trackTarget, type TargetTracker } from '../evaluate/track-target.js';
import type { DrawObserver } from '../simulate/draw-observer.js';
import { simulate } from '../simulate/simulate.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { judgedTargets } from './judged-targets.js';
import { observedSeries, prepareModel } from './prepare-model.js';
import type { PreparedModel, PreparedVariable } from './prepared-model.js';
import { nonFiniteProblem, nonFiniteValues } from './non-finite-problem.js';
import { InputError } from '../errors/input-error.js';
import type { ScenarioResult } from './scenario-result.js';

export interface RunOptions {
  /** Overrides the scenario's draws. */
  readonly draws?: number;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Called after each simulated year (for progress reports). */
  readonly onYear?: (year: number, horizon: number) => void;
  /** Extra observers of the same simulation pass, created once the model is prepared (e.g. sampled paths). */
  readonly observers?: (model: PreparedModel, draws: number) => readonly DrawObserver[];
  /**
   * Simulate only these variables (a union of whole components, see modelComponents) and judge only
   * their targets; their numbers are those of a whole run (runScenarioInParallel puts parts together).
   */
  readonly variables?: readonly string[];
}

/**
 * Runs one scenario of one model on a data set (already filtered `asOf` the run's date).
 * @returns summaries per variable and year, and a verdict on every target the model can judge
 */
export function runScenario(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: RunOptions = {}): ScenarioResult {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const prepared = prepareModel(model, data, scenario);
  const part = options.variables ? new Set(options.variables) : undefined;
  const variables = prepared.variables.map((v) => v.spec.name).filter((name) => !part || part.has(name));

  const { judged: allJudged, skipped: skippedTargets } = judgedTargets(prepared, data);
  const judged = allJudged.filter(({ variable }) => !part || part.has(variable.spec.name));
  // One column of working space, shared by the laws' steps, the summaries and the trackers (used within a call only).
  const scratch = new Float64Array(draws);
  const trackers: TargetTracker[] = judged.map(({ target, variable }) =>
    trackTarget({ target, variable, observations: observedSeries(data, variable.spec.series), draws, seed, scratch }),
  );

  const summaries: SummaryRow[] = [];
  const observers = options.observers?.(prepared, draws) ?? [];
  const keepPrevious = new Set([...trackers, ...observers].flatMap((o) => o.previousOf ?? []));
  simulate(prepared, {
    draws,
    seed,
    shocks: scenario.shocks,
    variables: part,
    keepPrevious,
    scratch,
    observeBase: (base) => {
      // The starting level is a distribution too (an approximate figure's band, a bound's): its
      // summary is the projection's first point, in the variable's base year.
      for (const variable of prepared.variables) {
        const column = base.get(variable.spec.name);
        if (!column || variable.baseYear === undefined) continue;
        const { mean, quantiles } = meanAndQuantilesOf(column, quantileProbabilities, scratch);
        summaries.push({ variable: variable.spec.name, year: variable.baseYear, mean, quantiles: Array.from(quantiles) });
      }
      checkFinite(base, prepared.variables, (variable) => variable.baseYear ?? prepared.firstYear - 1, draws);
      trackers.forEach((t) => t.observeBase(base));
      observers.forEach((o) => o.observeBase?.(base));
    },
    observe: (columns) => {
      checkFinite({ get: (name) => columns.current(name) }, prepared.variables, () => columns.year, draws);
      observers.forEach((o) => o.observe(columns));
      const rows = summarizeColumns(columns, variables, scratch);
      summaries.push(...rows);
      for (const tracker of trackers) tracker.observe(columns, rows.find((row) => row.variable === tracker.variable));
      options.onYear?.(columns.year, prepared.horizon);
    },
  });

  return { scenario, model: prepared, summaries: inSummaryOrder(summaries, prepared), targets: trackers.map((t) => t.result()), skippedTargets };
}

/**
 * Throws an InputError at the first variable (in evaluation order: the one that made it, not those
 * that used it) whose column holds a NaN or an infinity.
 */
function checkFinite(
  columns: { get(name: string): Float64Array | undefined },
  variables: readonly PreparedVariable[],
  yearOf: (variable: PreparedVariable) => number,
  draws: number,
): void {
  for (const variable of variables) {
    const column = columns.get(variable.spec.name);
    if (!column) continue;
    const found = nonFiniteValues(column, draws);
    if (found.count > 0) throw new InputError([nonFiniteProblem(variable, yearOf(variable), found, draws)]);
  }
}

/**
 * Summary rows in the order of every result: by year, then in the model's evaluation order (base
 * years come before the first simulated year). runScenarioInParallel merges its parts with it.
 * @returns the same array, sorted
 */
export function inSummaryOrder(summaries: SummaryRow[], model: PreparedModel): SummaryRow[] {
  const order = new Map(model.variables.map((v, i) => [v.spec.name, i]));
  return summaries.sort((a, b) => a.year - b.year || order.get(a.variable)! - order.get(b.variable)!);
}
