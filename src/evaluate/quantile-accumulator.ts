// Mergeable quantile summaries of values that arrive block by block (contract B): one interface, and
// its exact implementation, which keeps every value (the engine adds a histogram one for huge runs).
import { quantilesOf } from './quantiles.js';

export interface QuantileAccumulator {
  /** Adds the first `count` values of a block (NaN excluded and counted apart). */
  add(values: Float64Array, count: number): void;
  /** Folds another accumulator of the same layout into this one (exact for counts). */
  merge(other: QuantileAccumulator): void;
  /** Type-7 quantiles (exact path) or within the documented bound (histogram path). */
  quantiles(probabilities: readonly number[]): number[];
  readonly count: number;
}

/**
 * Exact quantiles over every block: the values are kept (copied per block, NaN left out and
 * counted in `nanCount`), and `quantiles` is quantilesOf over all of them — R's type 7, whatever
 * the blocks were (the order of values does not change a quantile), so one block of n values and
 * n blocks of one value give the same numbers.
 * Memory: 8 bytes per value added.
 * @example const q = new ExactQuantileAccumulator(); q.add(Float64Array.of(4, 1, NaN), 3); q.add(Float64Array.of(3, 2), 2); q.quantiles([0.5]); // => [2.5]
 */
export class ExactQuantileAccumulator implements QuantileAccumulator {
  private blocks: Float64Array[] = [];
  private size = 0;
  private nans = 0;

  get count(): number {
    return this.size;
  }

  /** How many NaN values were left out. */
  get nanCount(): number {
    return this.nans;
  }

  add(values: Float64Array, count: number): void {
    if (!(count >= 0 && count <= values.length)) throw new Error(`internal: add needs 0 ≤ count ≤ ${values.length}, got ${count}`);
    const kept = new Float64Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      kept[n] = v;
      // Branch-free: a NaN is written and then overwritten by the next value.
      n += (v === v) as unknown as number;
    }
    this.nans += count - n;
    if (n > 0) {
      this.blocks.push(n === count ? kept : kept.slice(0, n));
      this.size += n;
    }
  }

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof ExactQuantileAccumulator)) throw new Error('internal: an exact quantile accumulator merges only another exact one');
    this.blocks.push(...other.blocks);
    this.size += other.size;
    this.nans += other.nans;
  }

  /** @returns NaN for every probability when no value was added */
  quantiles(probabilities: readonly number[]): number[] {
    if (this.size === 0) return probabilities.map(() => Number.NaN);
    if (this.blocks.length > 1) {
      // Joined once: later calls reuse the joined column.
      const all = new Float64Array(this.size);
      let offset = 0;
      for (const block of this.blocks) {
        all.set(block, offset);
        offset += block.length;
      }
      this.blocks = [all];
    }
    return Array.from(quantilesOf(this.blocks[0], probabilities));
  }
}
