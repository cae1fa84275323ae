// Which variants of a sweep's grid a shard runs: a contiguous range, as even as whole variants allow.
import type { Shard } from '../pipeline/shard-blocks.js';

/**
 * Variants ⌊V·k/n⌋ … ⌊V·(k + 1)/n⌋ − 1 (0-based, `end` excluded) of a grid of V for shard k of n:
 * every variant in exactly one shard.
 * @example variantRange(1000, { index: 2, count: 8 }); // => { first: 250, end: 375 }
 */
export function variantRange(variants: number, shard: Shard): { first: number; end: number } {
  return { first: Math.floor((variants * shard.index) / shard.count), end: Math.floor((variants * (shard.index + 1)) / shard.count) };
}
