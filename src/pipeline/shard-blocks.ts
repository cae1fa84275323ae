// Which blocks of a run a shard counts: contiguous runs of blocks, as even as whole blocks allow.
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';

/** Shard `index` of `count` (0-based), as `--shard index/count` names it. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The blocks shard k of n counts: blocks ⌊B·k/n⌋ … ⌊B·(k + 1)/n⌋ − 1 of the run's B blocks. Every
 * block belongs to exactly one shard; with more shards than blocks some shards count none.
 * @example shardBlocks(20_000, { index: 1, count: 2 }).map((b) => b.index); // => [2, 3, 4] (5 blocks: 0–1 and 2–4)
 */
export function shardBlocks(draws: number, shard: Shard): DrawBlock[] {
  const blocks = drawBlocks(draws);
  const first = Math.floor((blocks.length * shard.index) / shard.count);
  const end = Math.floor((blocks.length * (shard.index + 1)) / shard.count);
  return blocks.slice(first, end);
}
