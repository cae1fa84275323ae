// Draws in blocks: the unit of simulation, of random streams and of memory.

/**
 * Draws per block. Each block has its own random streams (blockStreams), is simulated through every
 * year on its own, and is summarised into mergeable state: memory is per block, not per draw count.
 * 4096 draws keep a block's columns (32 KB each) in L2 cache.
 */
export const blockSize = 4096;

/** One block of draws: its index, its first draw and its number of draws (the last block may be short). */
export interface DrawBlock {
  readonly index: number;
  readonly offset: number;
  readonly count: number;
}

/**
 * The blocks of a run of `draws` draws, in index order.
 * @example drawBlocks(5000).map((b) => b.count); // => [4096, 904]
 */
export function drawBlocks(draws: number): DrawBlock[] {
  const blocks: DrawBlock[] = [];
  for (let index = 0, offset = 0; offset < draws; index++, offset += blockSize) {
    blocks.push({ index, offset, count: Math.min(blockSize, draws - offset) });
  }
  return blocks;
}
