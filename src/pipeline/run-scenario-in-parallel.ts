// One scenario over several threads: the blocks of draws are shared out, not the model's variables.
//
//   this thread                                 engine pool (engine-pool.ts), threads − 1 workers
//   setup; send it to the workers ────────────▶ revive it
//   pilot blocks, histogram layouts ──────────▶ claim blocks from a shared counter, count them
//   claim blocks from the same counter           ◀── their states
//   absorb every state; refine if need be; result
//
// Every block has its own random streams and every summary merges exactly, so the files are
// byte-identical for any thread count and whichever thread ran which block (tested).
import type { DataSet } from '../data/types.js';
import { fromWorkerError } from '../errors/worker-error.js';
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';
import { keepYoungGenerationSmallAgain } from '../io/young-generation.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { claimBlocks, claimCounter, claimSlots } from './claim-blocks.js';
import { enginePool } from './engine-pool.js';
import { checkedThreads } from './thread-count.js';
import { portableSetup } from './portable-setup.js';
import { finishRun, firstBlockAfterPilot, startPart, type RunOptions, type StartedPart } from './run-scenario.js';
import { runSetup, type RunSetup } from './run-setup.js';
import type { ScenarioResult } from '../model/scenario-result.js';

/**
 * Below this many draws × simulated variable-years one thread is as fast: the workers wait for the
 * pilot (2 to 8 blocks) and a pool's first start loads the engine in each worker (≈ 0.1 s). For the
 * Beijing model (82 variable-years a draw) this is about 120,000 draws. Measured with `npm run bench`.
 */
export const parallelMinimumWork = 10_000_000;

export interface ParallelRunOptions extends Omit<RunOptions, 'observers' | 'keepTargetDraws' | 'onTargetTrackers' | 'blockOrder' | 'layoutMemo' | 'targetsOnly'> {
  /** Threads to use at most (1: this thread only). */
  readonly threads: number;
  /** Use threads even for small runs (tests; the result is the same either way). */
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
 * thread runs the pilot, then every thread claims the other blocks from one counter.
 * @returns the part after its blocks (its accumulator holds their merged state)
 */
export async function runPart(setup: RunSetup, owned: readonly DrawBlock[], options: ParallelRunOptions): Promise<StartedPart> {
  const pool = checkedThreads(options.threads) > 1 ? enginePool() : undefined;
  if (!pool || (!options.force && workOf(setup, owned) < parallelMinimumWork)) {
    const part = startPart(setup, owned, options);
    let done = part.pilotDraws;
    part.accumulator.simulate(part.rest, (block) => {
      done += block.count;
      options.onProgress?.(done, setup.draws);
    });
    return part;
  }

  // 1. The workers revive the setup while this thread runs the pilot.
  const counter = claimCounter();
  const after = firstBlockAfterPilot(setup.draws, options.exactQuantiles ?? false);
  const blocks = Int32Array.from(owned.filter((b) => b.index >= after), (b) => b.index);
  const job = pool.run(options.threads - 1, portableSetup(setup), counter, blocks);
  let part: StartedPart;
  try {
    // The workers' start sets V8's growth factor back (src/io/young-generation.ts): set again after each
    // pilot block, it holds through the layouts and the collection that follow.
    const onProgress = (done: number, total: number) => {
      keepYoungGenerationSmallAgain();
      options.onProgress?.(done, total);
    };
    part = startPart(setup, owned, { ...options, onProgress });
  } catch (error) {
    job.start(null);
    await job.replies.catch(() => undefined);
    throw error;
  }
  // 2. Every thread claims blocks from the counter.
  job.start(part.quantiles.layouts());
  let failure: { block: number; error: unknown } | undefined;
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
  const replies = await job.replies;
  for (const reply of replies) {
    if (reply.type === 'error' && (!failure || reply.block < failure.block)) failure = { block: reply.block, error: fromWorkerError(reply.error) };
  }
  if (failure) throw failure.error;
  for (const reply of replies) if (reply.type === 'state') part.accumulator.absorb(reply.state);
  return part;
}
