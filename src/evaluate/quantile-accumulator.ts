// Mergeable quantile summaries of values that arrive block by block (contract B): one interface, and
// its exact implementation, which keeps every value (histogram-quantile-accumulator.ts is the other).
import { quantileProbabilities, quantilesOf } from './quantiles.js';

/** Work space of the selections, shared by every exact summary (used within a call only). */
let scratch = new Float64Array(0);
function selectionScratch(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(n);
  return scratch;
}

/**
 * Buffers of released exact summaries, by length, for the next summaries of that length: the
 * scenarios of a project run one after the other, each with the same summaries of the same draws,
 * so the second scenario on reuses the first's memory instead of asking the system for ~100 fresh,
 * zeroed buffers (and the collector for their release). At most pooledBytesMax are kept.
 */
const pooled = new Map<number, Float64Array[]>();
const pooledBytesMax = 64 * 1024 * 1024;
let pooledBytes = 0;

/** A buffer of `length` values (from the pool when one is free; its contents are then stale). */
function bufferOf(length: number): Float64Array {
  const free = pooled.get(length)?.pop();
  if (!free) return new Float64Array(length);
  pooledBytes -= free.byteLength;
  return free;
}

/** Whether a buffer is all of its memory, not a view into a larger block (a pilot's arena). */
function ownsItsMemory(buffer: Float64Array): boolean {
  return buffer.byteLength === buffer.buffer.byteLength;
}

/**
 * Gives a buffer no longer read or written back to the pool (dropped when the pool is full, or when it
 * is a view into a larger block: pooling it would keep the whole block alive).
 */
function releaseBuffer(buffer: Float64Array): void {
  if (buffer.length === 0 || !ownsItsMemory(buffer) || pooledBytes + buffer.byteLength > pooledBytesMax) return;
  const free = pooled.get(buffer.length) ?? [];
  free.push(buffer);
  pooled.set(buffer.length, free);
  pooledBytes += buffer.byteLength;
}

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
 * What a summary of some blocks holds, as plain data that can cross a thread or a file (a shard's
 * part): the exact path's values, or the histogram path's integer counts (its layout is known to
 * the receiver, which lays it out from the same pilot).
 */
export type QuantileState =
  | { readonly kind: 'exact'; readonly values: Float64Array; readonly nanCount: number }
  | { readonly kind: 'histogram'; readonly counts: Int32Array; readonly count: number; readonly nanCount: number };

/**
 * A QuantileAccumulator whose state leaves its thread: `state()` for the blocks it was given, and
 * `absorb(state)` to fold in the state of another accumulator of the same layout (a worker's
 * blocks, another shard's). Absorbing is merging: exact for counts, order-free for values.
 */
export interface PortableQuantileAccumulator extends QuantileAccumulator {
  state(): QuantileState;
  /** @throws Error (a bug in the caller) when the state is of another path or layout size */
  absorb(state: QuantileState): void;
}

/**
 * The exact path: keeps every value (8 bytes a draw) and answers with R's type 7 quantiles of all of
 * them (quantilesOf: selection, not sorting). The order values arrive in does not matter.
 * @example
 * const a = new ExactQuantileAccumulator();
 * a.add(Float64Array.of(4, 1, NaN, 3, 2), 5);
 * a.quantiles([0.5]); // => [2.5] (a.count 4, a.nanCount 1)
 */
export class ExactQuantileAccumulator implements PortableQuantileAccumulator {
  /** The values so far in buffer[0 … stored), the buffer grown by doubling. */
  private buffer: Float64Array;
  private stored = 0;
  private nans = 0;
  private released = false;
  /** Quantiles already found for the values as they are (cleared by add and merge). */
  private known = new Map<number, number>();

  /**
   * @param expectedCount values expected (the buffer's first size; it grows past it if need be)
   * @param buffer where to keep them (expectedCount values; e.g. a slice of a pilot's arena); default a buffer of its own
   */
  constructor(expectedCount = 0, buffer?: Float64Array) {
    if (buffer && buffer.length !== expectedCount) throw new Error(`internal: a buffer of ${buffer.length} values given for ${expectedCount}`);
    this.buffer = buffer ?? bufferOf(expectedCount);
  }

  /** Moves the values into a buffer of their own (so a shared block the buffer was lent from can be freed). */
  ownValues(): void {
    this.assertLive();
    if (ownsItsMemory(this.buffer)) return;
    this.buffer = this.buffer.slice(0, this.stored);
  }

  /**
   * Hands the values' memory on to the next exact summaries (once the results are read): this summary
   * then holds no values, and any later use is a bug that throws.
   */
  release(): void {
    releaseBuffer(this.buffer);
    this.buffer = new Float64Array(0);
    this.stored = 0;
    this.released = true;
    this.known.clear();
  }

  get count(): number {
    return this.stored;
  }

  /** How many NaN values were left out. */
  get nanCount(): number {
    return this.nans;
  }

  private assertLive(): void {
    if (this.released) throw new Error('internal: an exact quantile summary used after its release');
  }

  private reserve(extra: number): void {
    if (this.stored + extra <= this.buffer.length) return;
    this.assertLive();
    const grown = new Float64Array(Math.max(this.stored + extra, 2 * this.buffer.length, 1024));
    grown.set(this.buffer.subarray(0, this.stored));
    this.buffer = grown;
  }

  add(values: Float64Array, count: number): void {
    if (!(count >= 0 && count <= values.length)) throw new Error(`internal: add needs 0 ≤ count ≤ ${values.length}, got ${count}`);
    this.reserve(count);
    if (this.known.size > 0) this.known.clear();
    const buffer = this.buffer;
    let at = this.stored;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      buffer[at] = v;
      at += (v === v) as unknown as number; // NaN is overwritten by the next value: excluded, counted apart
    }
    this.nans += count - (at - this.stored);
    this.stored = at;
  }

  /**
   * As add, also adding the values' Neumaier-compensated sum (in order, as BlockSums.add) and their
   * count of NaN or infinite values to `sums` = [sum, compensation, non-finite count].
   */
  addSummed(values: Float64Array, count: number, sums: Float64Array): void {
    if (!(count >= 0 && count <= values.length)) throw new Error(`internal: add needs 0 ≤ count ≤ ${values.length}, got ${count}`);
    this.reserve(count);
    if (this.known.size > 0) this.known.clear();
    const buffer = this.buffer;
    let at = this.stored;
    let sum = sums[0];
    let compensation = sums[1];
    let bad = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      const t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
      else compensation += v - t + sum;
      sum = t;
      bad += (v - v !== 0) as unknown as number;
      buffer[at] = v;
      at += (v === v) as unknown as number;
    }
    sums[0] = sum;
    sums[1] = compensation;
    sums[2] += bad;
    this.nans += count - (at - this.stored);
    this.stored = at;
  }

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof ExactQuantileAccumulator)) throw new Error('internal: an exact quantile summary merges only with another exact one');
    this.reserve(other.stored);
    this.known.clear();
    this.buffer.set(other.buffer.subarray(0, other.stored), this.stored);
    this.stored += other.stored;
    this.nans += other.nans;
  }

  state(): QuantileState {
    this.assertLive();
    return { kind: 'exact', values: this.buffer.slice(0, this.stored), nanCount: this.nans };
  }

  absorb(state: QuantileState): void {
    if (state.kind !== 'exact') throw new Error('internal: an exact quantile summary absorbs only exact states');
    this.reserve(state.values.length);
    this.known.clear();
    this.buffer.set(state.values, this.stored);
    this.stored += state.values.length;
    this.nans += state.nanCount;
  }

  /** Every value added (not NaN), in the order added (a view: do not modify). */
  values(): Float64Array {
    this.assertLive();
    return this.buffer.subarray(0, this.stored);
  }

  /**
   * NaN for every probability when no value was added. Answers are kept until the next add, and a
   * question also answers the projection table's probabilities (one selection serves the summary,
   * the targets' p05/p50/p95 and the medians).
   */
  quantiles(probabilities: readonly number[]): number[] {
    this.assertLive();
    if (this.stored === 0) return probabilities.map(() => Number.NaN);
    const missing = probabilities.filter((p) => !this.known.has(p));
    if (missing.length > 0) {
      const asked = [...new Set([...missing, ...quantileProbabilities.filter((p) => !this.known.has(p))])];
      const found = quantilesOf(this.values(), asked, selectionScratch(this.stored));
      asked.forEach((p, k) => this.known.set(p, found[k]));
    }
    return probabilities.map((p) => this.known.get(p)!);
  }
}
