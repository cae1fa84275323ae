// Quantile summaries that take draws block by block and merge: one interface, an exact implementation.
import { quantilesOf } from './quantiles.js';

/** A quantile summary fed block by block; summaries of disjoint blocks merge into the summary of all. */
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
 * The exact path: keeps every value (8 bytes a draw) and answers with R's type 7 quantiles of all of
 * them (quantilesOf: selection, not sorting). The order values arrive in does not matter.
 * @example
 * const a = new ExactQuantileAccumulator();
 * a.add(Float64Array.of(4, 1, NaN, 3, 2), 5);
 * a.quantiles([0.5]); // => [2.5] (a.count 4, a.nanCount 1)
 */
export class ExactQuantileAccumulator implements QuantileAccumulator {
  private chunks: Float64Array[] = [];
  private stored = 0;
  nanCount = 0;

  get count(): number {
    return this.stored;
  }

  add(values: Float64Array, count: number): void {
    const copy = new Float64Array(count);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v === v) copy[kept++] = v;
    }
    this.nanCount += count - kept;
    if (kept > 0) this.chunks.push(kept === count ? copy : copy.slice(0, kept));
    this.stored += kept;
  }

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof ExactQuantileAccumulator)) throw new Error('internal: an exact quantile summary merges only with another exact one');
    this.chunks.push(...other.chunks);
    this.stored += other.stored;
    this.nanCount += other.nanCount;
  }

  /** Every value added (not NaN), in one column, in the order added. */
  values(): Float64Array {
    if (this.chunks.length !== 1) {
      const all = new Float64Array(this.stored);
      let at = 0;
      for (const chunk of this.chunks) {
        all.set(chunk, at);
        at += chunk.length;
      }
      this.chunks = [all];
    }
    return this.chunks[0] ?? new Float64Array(0);
  }

  /** NaN for every probability when no value was added. */
  quantiles(probabilities: readonly number[]): number[] {
    if (this.stored === 0) return probabilities.map(() => Number.NaN);
    return Array.from(quantilesOf(this.values(), probabilities));
  }
}
