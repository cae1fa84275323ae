// One scenario over several threads: the blocks of draws are shared out, not the model's variables.
//
//   this thread                                 engine pool (engine-pool.ts), threads − 1 workers
//   setup; send it to the workers ────────────▶ revive it
//   pilot blocks
//   pilot values of each worker's share ──────▶ lay out the summaries of their shares they claim
//   lay out its share, claim the workers'        ◀── their layouts (shared-layouts.ts)
//   every layout ─────────────────────────────▶ claim blocks from a shared counter, count them
//   claim blocks from the same counter           ◀── their states
//   absorb every state; refine if need be; result
// (A shard that counts only some pilot blocks lays out every summary in this thread.)
//
// Every block has its own random streams and every summary merges exactly, so the files are
// byte-identical for any thread count and whichever thread ran which block (tested).
import type { DataSet } from '../data/types.js';
import { fromWorkerError } from '../errors/worker-error.js';
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';
import type { QuantileSummaries } from '../evaluate/quantile-summaries.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { claimBlocks, claimCounter, claimSlots } from './claim-blocks.js';
import { enginePool, type PoolJob } from './engine-pool.js';
import { portableSetup } from './portable-setup.js';
import { finishRun, firstBlockAfterPilot, runPilot, startPart, type RunOptions, type StartedPart } from './run-scenario.js';
import { runSetup, type RunSetup } from './run-setup.js';
import { layOutClaimed, plannerOf, readySlot, shareValues } from './shared-layouts.js';
import type { HistogramLayoutSpec } from '../evaluate/histogram-quantile-accumulator.js';
import type { ScenarioResult } from '../model/scenario-result.js';

/**
 * Below this many draws × simulated variable-years one thread is as fast: the workers wait for the
 * pilot (8 blocks) and a pool's first start loads the engine in each worker (≈ 0.1 s). For the
 * Beijing model (≈ 70 variable-years a draw) this is about 140,000 draws. Measured with `npm run bench`.
 */
export const parallelMinimumWork = 10_000_000;

export interface ParallelRunOptions extends Omit<RunOptions, 'observers' | 'keepTargetDraws' | 'onTargetTrackers' | 'blockOrder'> {
  /** Threads to use at most (1: this thread only). */
  readonly threads: number;
  /**
   * Use threads even for small runs, and wait for every worker to be ready to lay out its share of
   * the histograms (tests; the result is the same either way).
   */
  readonly force?: boolean;
}

/**
 * Runs a scenario like runScenario, with its blocks shared out over up to `threads` threads when the
 * run is large enough to pay for them (parallelMinimumWork).
 * @returns exactly what runScenario returns (same numbers, same order)
 * @throws what runScenario throws (InputError and ModelError keep their class across the thread)
 * @example await runScenarioInParallel(model, data, scenario, { draws: 1_000_000, threads: 2 }); // => ScenarioResult
 */
export async function runScenarioInParallel(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: ParallelRunOptions): Promise<ScenarioResult> {
  const setup = runSetup(model, data, scenario, options);
  const part = await runPart(setup, drawBlocks(setup.draws), options);
  return finishRun(part.accumulator, part.quantiles);
}

/** Draws × variable-years simulated for `blocks`. */
function workOf(setup: RunSetup, blocks: readonly DrawBlock[]): number {
  const variableYears = setup.prepared.variables.reduce((sum, v) => sum + Math.max(0, setup.prepared.horizon - v.firstYear + 1), 0);
  return blocks.reduce((sum, b) => sum + b.count, 0) * variableYears;
}

/**
 * Counts the `owned` blocks of a run (all of them, or a shard's) over up to `threads` threads: this
 * thread runs the pilot, the threads lay out the histograms together (when this part counts the
 * whole pilot), then every thread claims the other blocks from one counter.
 * @returns the part after its blocks (its accumulator holds their merged state)
 */
export async function runPart(setup: RunSetup, owned: readonly DrawBlock[], options: ParallelRunOptions): Promise<StartedPart> {
  const pool = options.threads > 1 ? enginePool() : undefined;
  if (!pool || (!options.force && workOf(setup, owned) < parallelMinimumWork)) {
    const part = startPart(setup, owned, options);
    let done = part.pilotDraws;
    part.accumulator.simulate(part.rest, (block) => {
      done += block.count;
      options.onProgress?.(done, setup.draws);
    });
    return part;
  }

  // 1. The workers revive the setup while this thread runs the pilot; they lay out their shares of the histograms.
  const counter = claimCounter(options.threads - 1);
  const after = firstBlockAfterPilot(setup.draws, options.exactQuantiles ?? false);
  const blocks = Int32Array.from(owned.filter((b) => b.index >= after), (b) => b.index);
  const shareLayouts = after > 0 && owned.filter((b) => b.index < after).length === after;
  const job = pool.run(options.threads - 1, portableSetup(setup), counter, blocks, shareLayouts);
  const workers = Array.from({ length: job.workers }, (_, k) => k);
  let part: StartedPart;
  try {
    if (shareLayouts) {
      part = runPilot(setup, owned, options);
      part.quantiles.endPilotWith(await layOutTogether(part.quantiles, job, counter, options.force ?? false));
    } else {
      part = startPart(setup, owned, options);
      job.start(part.quantiles.layoutSpecs());
    }
  } catch (error) {
    job.start(null);
    await Promise.all(workers.map((k) => job.end(k).catch(() => undefined)));
    throw error;
  }
  // 2. Every thread claims blocks from the counter.
  let failure: Failure | undefined;
  try {
    part.accumulator.simulate(claimBlocks(counter, blocks, setup.draws), () => options.onProgress?.(part.pilotDraws + Atomics.load(counter, claimSlots.done), setup.draws));
  } catch (error) {
    // Nothing more to claim: the workers finish the block in hand and reply.
    Atomics.store(counter, claimSlots.next, blocks.length);
    failure = { block: part.accumulator.failedBlock(), error };
  }
  // 3. Their states fold into this thread's, in worker order (the order does not change the numbers).
  // Should some block fail, the error reported is the one of the lowest block, whichever thread met
  // it: blocks are claimed in index order and every thread finishes the block it holds, so every
  // block below a failing one was simulated — the message is the same for any thread count.
  const replies = await Promise.all(workers.map((k) => job.end(k)));
  for (const reply of replies) {
    if (reply.type === 'error' && (!failure || reply.block < failure.block)) failure = { block: reply.block, error: fromWorkerError(reply.error) };
  }
  if (failure) throw failure.error;
  for (const reply of replies) if (reply.type === 'state') part.accumulator.absorb(reply.state);
  return part;
}

/** An error met while simulating `block` (−1: before any block). */
interface Failure {
  readonly block: number;
  readonly error: unknown;
}

/**
 * Lays out every summary after the pilot, the threads together (shared-layouts.ts): each ready
 * worker gets the pilot values of its share; this thread lays out its own share, then claims what
 * is left of the workers' shares; the layouts of the workers that made some are waited for.
 * Sends the layouts to every worker (they start counting). `waitForWorkers`: first wait until every
 * worker is ready (tests, so that the workers' side is exercised).
 * @returns every summary's layout (null: stays exact)
 */
async function layOutTogether(quantiles: QuantileSummaries, job: PoolJob, counter: Int32Array, waitForWorkers: boolean): Promise<(HistogramLayoutSpec | null)[]> {
  const threads = job.workers + 1;
  const workers = Array.from({ length: job.workers }, (_, k) => k);
  if (waitForWorkers) for (const k of workers) Atomics.wait(counter, readySlot(k + 1), 0, 60_000);
  const ready = workers.filter((k) => Atomics.load(counter, readySlot(k + 1)) === 1);
  for (const k of ready) job.shape(k, shareValues(quantiles, k + 1, threads));
  const layouts = Array.from({ length: quantiles.size }, (_, k) => (plannerOf(k, threads) === 0 ? quantiles.planLayout(k, []) : undefined));
  const madeThere = workers.filter((k) => {
    const here = layOutClaimed(quantiles, counter, k + 1, threads);
    merge(layouts, here.layouts);
    return ready.includes(k) && here.made < here.share;
  });
  let failure: Failure | undefined;
  for (const k of madeThere) {
    const reply = await job.next(k);
    if (reply.type === 'plans') merge(layouts, reply.layouts);
    else if (reply.type === 'error') failure ??= { block: reply.block, error: fromWorkerError(reply.error) };
    else throw new Error(`internal: an engine worker replied ${reply.type} to the pilot values of its share`);
  }
  if (failure) throw failure.error;
  const complete = layouts.map((layout, k) => {
    if (layout === undefined) throw new Error(`internal: no thread laid out summary ${k}`);
    return layout;
  });
  job.start(complete);
  return complete;
}

/** Puts the layouts made elsewhere (the defined entries of `made`) into `layouts`. */
function merge(layouts: (HistogramLayoutSpec | null | undefined)[], made: readonly (HistogramLayoutSpec | null | undefined)[]): void {
  made.forEach((layout, k) => {
    if (layout !== undefined) layouts[k] = layout;
  });
}
