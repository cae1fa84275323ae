// Steps 3–5 for one scenario: calibrate, simulate, evaluate. Pure: no files, no clock, inputs untouched.
//
//   setup            calibrate the model, find the targets it judges (run-setup.ts)
//   pilot            the first 2 to 8 blocks (pilotBlocksFor) lay out the histogram summaries (runs above 65,536 draws)
//   rest             every other block, in any order, on any thread or machine (a part counts its own)
//   refine           a second pass, only when some order statistic fell outside every window
//   result           summaries and target verdicts from the merged state
import type { DataSet } from '../data/types.js';
import type { LayoutMemo } from '../evaluate/layout-memo.js';
import { exactQuantileMaxDraws, pilotBlocksFor, QuantileSummaries } from '../evaluate/quantile-summaries.js';
import type { TargetTracker } from '../evaluate/track-target.js';
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { collectAfterPilotBytes, collectGarbage } from './collect-garbage.js';
import { runSetup, type RunSetup } from './run-setup.js';
import { ScenarioAccumulator, type AccumulatorExtras } from './scenario-accumulator.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export { inSummaryOrder } from './scenario-accumulator.js';

export interface RunOptions extends AccumulatorExtras {
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
  /** Called with the target trackers once the simulation is done (planners read per-draw outcomes from them). */
  readonly onTargetTrackers?: (trackers: readonly TargetTracker[]) => void;
  /**
   * Layouts of the run before, found again by their pilot's values (runs of one scenario that differ
   * in a few assumptions: the caller calls `nextRun()` before each). Outputs are the same with or without.
   */
  readonly layoutMemo?: LayoutMemo;
}

/**
 * Runs one scenario of one model on a data set (already filtered `asOf` the run's date), in this thread.
 * @returns summaries per variable and year, and a verdict on every target the model can judge
 */
export function runScenario(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: RunOptions = {}): ScenarioResult {
  const setup = runSetup(model, data, scenario, options);
  const part = startPart(setup, drawBlocks(setup.draws), options);
  let done = part.pilotDraws;
  part.accumulator.simulate(options.blockOrder ? options.blockOrder(part.rest) : part.rest, (block) => {
    done += block.count;
    options.onProgress?.(done, setup.draws);
  });
  return finishRun(part.accumulator, part.quantiles, options.onTargetTrackers);
}

/** A part of a run after its pilot: its accumulator, its summaries and the blocks it still has to count. */
export interface StartedPart {
  readonly accumulator: ScenarioAccumulator;
  readonly quantiles: QuantileSummaries;
  /** Blocks this part counts that the pilot did not (ascending). */
  readonly rest: readonly DrawBlock[];
  /** Draws counted by the pilot. */
  readonly pilotDraws: number;
}

/**
 * Starts the part of a run that counts `owned` blocks (ascending; all of them for a whole run, none
 * for `forecast merge`): above exactQuantileMaxDraws it simulates the pilot blocks — counting those
 * it owns, and the others for their values only — and lays out every histogram from all of them, so
 * every part of the run lays out the same histograms.
 */
export function startPart(setup: RunSetup, owned: readonly DrawBlock[], options: RunOptions = {}): StartedPart {
  const quantiles = new QuantileSummaries(setup.draws, options.exactQuantiles ?? false, options.layoutMemo);
  const accumulator = new ScenarioAccumulator(setup, quantiles, options);
  const after = firstBlockAfterPilot(setup.draws, options.exactQuantiles ?? false);
  if (after === 0) return { accumulator, quantiles, rest: owned, pilotDraws: 0 };
  const pilot = drawBlocks(setup.draws).slice(0, after);
  const ownedIndex = new Set(owned.map((b) => b.index));
  const ownedPilot = pilot.filter((b) => ownedIndex.has(b.index));
  const otherPilot = pilot.filter((b) => !ownedIndex.has(b.index));
  let pilotDraws = 0;
  const lastPilotBlock = accumulator.simulate(ownedPilot, (block) => {
    pilotDraws += block.count;
    options.onProgress?.(pilotDraws, setup.draws);
  });
  if (otherPilot.length > 0) endPilotShapedBy(accumulator, quantiles, otherPilot);
  else quantiles.endPilot();
  // The pilot's values (27 MB at 10⁶ draws for the shipped model) go back to the system before the
  // counting begins (measured at 10⁶ draws on two threads: peak RSS 128.7 MB instead of 149.4, at 1.008× the wall time).
  // The last pilot block's objects stay reachable through it, so the code optimised for them stays
  // optimised (collect-garbage.ts).
  if (quantiles.pilotBytes >= collectAfterPilotBytes) collectGarbage(lastPilotBlock);
  return { accumulator, quantiles, rest: owned.filter((b) => b.index >= after), pilotDraws };
}

/**
 * Lays out `quantiles` from its own pilot values and those of `otherPilot`, pilot blocks another part
 * counts: simulated here for their values only, which shape the layouts. In a function of its own so
 * their summaries are unreachable once it returns (the collection after a large pilot frees them too).
 */
function endPilotShapedBy(accumulator: ScenarioAccumulator, quantiles: QuantileSummaries, otherPilot: readonly DrawBlock[]): void {
  const shaping = new QuantileSummaries(accumulator.setup.draws, false);
  accumulator.sibling(shaping).simulate(otherPilot);
  quantiles.endPilot(shaping);
}

/** The first block after the pilot: 0 when summaries are exact (no pilot), else pilotBlocksFor(draws). */
export function firstBlockAfterPilot(draws: number, exactQuantiles: boolean): number {
  return exactQuantiles || draws <= exactQuantileMaxDraws ? 0 : pilotBlocksFor(draws);
}

/**
 * The result of a run whose accumulator counts every block: settles, by a second pass over every
 * block, any order statistic that fell outside every histogram window, then reads the merged state
 * and releases the summaries' memory (the accumulator's quantiles are not to be read again).
 * @throws Error (a bug in the caller) when some block is not counted
 */
export function finishRun(accumulator: ScenarioAccumulator, quantiles: QuantileSummaries, onTargetTrackers?: RunOptions['onTargetTrackers']): ScenarioResult {
  const { setup } = accumulator;
  if (!accumulator.complete()) throw new Error(`internal: the run of ${setup.scenario.scenario} counts ${accumulator.blocks().length} of ${drawBlocks(setup.draws).length} blocks`);
  if (quantiles.needsRefinement()) {
    const refine = new QuantileSummaries(setup.draws, { refineOf: quantiles });
    accumulator.sibling(refine).simulate(drawBlocks(setup.draws));
    refine.finishRefinement();
  }
  onTargetTrackers?.(accumulator.trackers);
  const result = resultOf(setup, accumulator);
  // The result holds plain numbers: the exact summaries' values can serve the next scenario's.
  quantiles.release();
  return result;
}

/** The ScenarioResult of a setup whose accumulator holds the whole run. */
export function resultOf(setup: RunSetup, accumulator: ScenarioAccumulator): ScenarioResult {
  return { scenario: setup.scenario, model: setup.prepared, summaries: accumulator.rows(), targets: accumulator.targets(), skippedTargets: setup.skippedTargets };
}
