// Blocks shared out between threads at run time: each takes the next one from a shared counter.
import { blockSize, type DrawBlock } from '../simulate/draw-blocks.js';

/** Slots of the counter (an Int32Array over a SharedArrayBuffer): the next position to claim, and draws done. */
export const claimSlots = { next: 0, done: 1 } as const;

/** A counter for `claimBlocks`, shared by every thread of one part. */
export function claimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * The blocks this thread claims from `blocks` (block indices), one at a time: position
 * Atomics.add(next, 1) until the list is used up. Each block is claimed by exactly one thread;
 * which one does not change the run's numbers. A block's draws are added to `done` once the thread
 * asks for the next block (so `done` counts blocks finished, for progress).
 * @param draws the run's draw count (the last block may be short)
 */
export function* claimBlocks(counter: Int32Array, blocks: Int32Array, draws: number): Generator<DrawBlock> {
  for (;;) {
    const position = Atomics.add(counter, claimSlots.next, 1);
    if (position >= blocks.length) return;
    const index = blocks[position];
    const offset = index * blockSize;
    const block = { index, offset, count: Math.min(blockSize, draws - offset) };
    yield block;
    Atomics.add(counter, claimSlots.done, block.count);
  }
}
