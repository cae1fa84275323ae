// Steps 3–5 for one scenario: calibrate, simulate, evaluate. Pure: no files, no clock, inputs untouched.
import type { DataSet } from '../data/types.js';
import { BlockSums } from '../evaluate/block-sums.js';
import type { QuantileAccumulator } from '../evaluate/quantile-accumulator.js';
import { pilotBlocks, QuantileSummaries } from '../evaluate/quantile-summaries.js';
import { quantileProbabilities } from '../evaluate/quantiles.js';
import type { SummaryRow } from '../evaluate/summary-row.js';
import { trackTarget, type TargetTracker } from '../evaluate/track-target.js';
import type { DrawObserver } from '../simulate/draw-observer.js';
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';
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
  /** Called after each block of draws (for progress reports): draws done so far, of `draws`. */
  readonly onProgress?: (done: number, draws: number) => void;
  /**
   * Exact type-7 quantiles at any draw count (keeps every draw of every summary: 8 bytes a draw
   * each). Default: exact up to exactQuantileMaxDraws, histogram summaries above.
   */
  readonly exactQuantiles?: boolean;
  /**
   * The order in which blocks after the pilot are simulated (a permutation of their indices; tests
   * use it to show the outputs do not depend on it). Default: index order.
   */
  readonly blockOrder?: (blocks: readonly DrawBlock[]) => readonly DrawBlock[];
  /** Keep each target's per-draw judged quantity and met flag (read through `onTargetTrackers`). */
  readonly keepTargetDraws?: boolean;
  /** Called with the target trackers once the simulation is done (planners read per-draw outcomes from them). */
  readonly onTargetTrackers?: (trackers: readonly TargetTracker[]) => void;
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
  const { judged: allJudged, skipped: skippedTargets } = judgedTargets(prepared, data);
  const judged = allJudged.filter(({ variable }) => !part || part.has(variable.spec.name));

  // One pass over every block: the pilot blocks first (they lay out the histogram summaries), then
  // the rest in any order. A second pass settles the rare order statistic outside every window.
  const blocks = drawBlocks(draws);
  const pilot = blocks.slice(0, pilotBlocks);
  const rest = options.blockOrder ? options.blockOrder(blocks.slice(pilotBlocks)) : blocks.slice(pilotBlocks);
  const quantiles = new QuantileSummaries(draws, options.exactQuantiles ?? false);
  const run = runPass(prepared, data, scenario, judged, part, { draws, seed, options, quantiles, pilot, rest });
  if (quantiles.needsRefinement()) {
    const refine = new QuantileSummaries(draws, true, quantiles);
    runPass(prepared, data, scenario, judged, part, {
      draws,
      seed,
      options: { ...options, onProgress: undefined, observers: undefined, keepTargetDraws: false },
      quantiles: refine,
      pilot: blocks,
      rest: [],
    });
    refine.finishRefinement();
  }
  options.onTargetTrackers?.(run.trackers);
  const summaries = run.summaries.map((s) => ({ variable: s.variable, year: s.year, mean: s.sums.total() / s.quantiles.count, quantiles: s.quantiles.quantiles(quantileProbabilities) }));
  return { scenario, model: prepared, summaries: inSummaryOrder(summaries, prepared), targets: run.trackers.map((t) => t.result()), skippedTargets };
}

/** The mergeable summary of one variable in one year: block sums (the mean) and quantiles. */
interface SummaryState {
  readonly variable: string;
  readonly year: number;
  readonly sums: BlockSums;
  readonly quantiles: QuantileAccumulator;
}

/** One simulation pass over `pilot` then `rest`, feeding summaries, trackers and observers. */
function runPass(
  prepared: PreparedModel,
  data: DataSet,
  scenario: ScenarioSpec,
  judged: ReturnType<typeof judgedTargets>['judged'],
  part: ReadonlySet<string> | undefined,
  pass: { draws: number; seed: number; options: RunOptions; quantiles: QuantileSummaries; pilot: readonly DrawBlock[]; rest: readonly DrawBlock[] },
): { summaries: SummaryState[]; trackers: TargetTracker[] } {
  const { draws, seed, options, quantiles } = pass;
  const blockCount = drawBlocks(draws).length;
  const variables = prepared.variables.filter((v) => !part || part.has(v.spec.name));
  // Summaries in a fixed order (so a refine pass meets them in the same order): base year, then years.
  const summaries: SummaryState[] = [];
  const byKey = new Map<string, SummaryState>();
  const summaryOf = (variable: string, year: number) => byKey.get(`${variable}\u0000${year}`);
  for (const variable of variables) {
    const years = [...(variable.baseYear !== undefined && variable.base ? [variable.baseYear] : [])];
    for (let year = variable.firstYear; year <= prepared.horizon; year++) years.push(year);
    for (const year of years) {
      const state = { variable: variable.spec.name, year, sums: new BlockSums(blockCount), quantiles: quantiles.create() };
      summaries.push(state);
      byKey.set(`${variable.spec.name}\u0000${year}`, state);
    }
  }
  const trackers: TargetTracker[] = judged.map(({ target, variable }) =>
    trackTarget({ target, variable, observations: observedSeries(data, variable.spec.series), draws, keepDraws: options.keepTargetDraws, quantiles: () => quantiles.create() }),
  );
  const observers = options.observers?.(prepared, draws) ?? [];
  const keepPrevious = new Set([...trackers, ...observers].flatMap((o) => o.previousOf ?? []));
  let done = 0;
  const simulateBlocks = (blocks: readonly DrawBlock[]) =>
    simulate(prepared, {
      draws,
      seed,
      shocks: scenario.shocks,
      variables: part,
      keepPrevious,
      blocks,
      observeBase: (base, block) => {
        checkFinite(base, variables, (variable) => variable.baseYear ?? prepared.firstYear - 1, block.count);
        // The starting level is a distribution too (an approximate figure's band, a bound's): its
        // summary is the projection's first point, in the variable's base year.
        for (const variable of variables) {
          const column = base.get(variable.spec.name);
          const summary = variable.baseYear === undefined ? undefined : summaryOf(variable.spec.name, variable.baseYear);
          if (!column || !summary) continue;
          summary.sums.add(block.index, column, block.count);
          summary.quantiles.add(column, block.count);
        }
        for (const tracker of trackers) {
          tracker.beginBlock(block.count);
          tracker.observeBase(base);
        }
        observers.forEach((o) => o.observeBase?.(base, block));
      },
      observe: (columns) => {
        checkFinite({ get: (name) => columns.current(name) }, variables, () => columns.year, columns.block.count);
        observers.forEach((o) => o.observe(columns));
        for (const variable of variables) {
          const values = columns.current(variable.spec.name);
          const summary = summaryOf(variable.spec.name, columns.year);
          if (!values || !summary) continue;
          summary.sums.add(columns.block.index, values, columns.block.count);
          summary.quantiles.add(values, columns.block.count);
        }
        for (const tracker of trackers) tracker.observe(columns);
      },
      afterBlock: (block) => {
        trackers.forEach((t) => t.endBlock());
        done += block.count;
        options.onProgress?.(done, draws);
      },
    });
  simulateBlocks(pass.pilot);
  quantiles.endPilot();
  simulateBlocks(pass.rest);
  return { summaries, trackers };
}

/**
 * Throws an InputError at the first variable (in evaluation order: the one that made it, not those
 * that used it) whose column holds a NaN or an infinity among the block's `count` draws.
 */
function checkFinite(
  columns: { get(name: string): Float64Array | undefined },
  variables: readonly PreparedVariable[],
  yearOf: (variable: PreparedVariable) => number,
  count: number,
): void {
  for (const variable of variables) {
    const column = columns.get(variable.spec.name);
    if (!column) continue;
    const found = nonFiniteValues(column, count);
    if (found.count > 0) throw new InputError([nonFiniteProblem(variable, yearOf(variable), found, count)]);
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
