// One shard of a run (`forecast run --shard k/n`): the state of the shard's blocks, for `forecast merge`.
import type { AccumulatorExtras, ScenarioState } from './scenario-accumulator.js';
import { runPart, type ParallelRunOptions } from './run-scenario-in-parallel.js';
import { startPart } from './run-scenario.js';
import type { RunSetup } from './run-setup.js';
import { shardBlocks, type Shard } from './shard-blocks.js';

/**
 * Counts shard k of n's blocks (shardBlocks) over up to `threads` threads, the pilot included for
 * its layouts when the shard does not own it, and returns their merged state. Observers (sampled
 * paths) ride along in this thread only, so a shard with observers runs in one thread.
 * @example (await runShard(setup, { index: 0, count: 2 }, { threads: 1 })).blocks; // => the first half of the blocks
 */
export async function runShard(setup: RunSetup, shard: Shard, options: ParallelRunOptions & Pick<AccumulatorExtras, 'observers'>): Promise<ScenarioState> {
  const owned = shardBlocks(setup.draws, shard);
  // Progress of the shard's own draws.
  const ownedDraws = owned.reduce((sum, b) => sum + b.count, 0);
  const onProgress = options.onProgress && ((done: number) => options.onProgress!(done, ownedDraws));
  if (!options.observers) return (await runPart(setup, owned, { ...options, onProgress })).accumulator.state();
  const part = startPart(setup, owned, { ...options, onProgress });
  let done = part.pilotDraws;
  part.accumulator.simulate(part.rest, (block) => {
    done += block.count;
    onProgress?.(done);
  });
  return part.accumulator.state();
}
