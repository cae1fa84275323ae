// Exact sample quantiles of a column by selection, not sorting: one definition (R type 7) everywhere.
//
//   1 scan      min, max; NaN throws
//   2 ranks     the order statistics each probability needs: ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)p
//   3 histogram count the values in B equal-width buckets over [min, max]
//   4 gather    copy only the values of the buckets that hold a needed rank into scratch
//   5 select    Floyd–Rivest within each of those buckets (small: a few values each)
//   6 interpolate  x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
// Degenerate inputs (±Infinity, a range that overflows, tiny n) skip 3–4 and select in a full copy.
import { quantileSelect } from './quantile-select.js';

/** The probabilities of the projections table: p05, p10, p25, p50, p75, p90, p95. */
export const quantileProbabilities = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** Below this many values, selecting in a copy is as fast as bucketing. */
const bucketMinValues = 512;
/** Buckets per value (about 8 values per bucket) and the bucket-count limits (the counts stay in L2 cache). */
const valuesPerBucket = 8;
const bucketsMin = 64;
const bucketsMax = 1 << 17;

/** Order statistics (0-based ranks, sorted, distinct) needed for `probabilities` over n values. */
function neededRanks(n: number, probabilities: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantilesOf probabilities must be in [0, 1], got ${p}`);
    const h = (n - 1) * p;
    const lower = Math.floor(h);
    ranks.add(lower);
    if (h > lower && lower + 1 < n) ranks.add(lower + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}

/** Type 7 interpolation between adjacent order statistics; with infinities, the limit (never ∞ − ∞ = NaN). */
function interpolate(lower: number, upper: number, fraction: number): number {
  if (fraction === 0 || lower === upper) return lower;
  if (lower === Number.NEGATIVE_INFINITY) return lower;
  if (upper === Number.POSITIVE_INFINITY) return upper;
  return lower + fraction * (upper - lower);
}

/** Selects every rank of `ranks` in work[0..n): ascending ranks narrow the range left to right. */
function selectRanksInCopy(work: Float64Array, n: number, ranks: readonly number[], found: Map<number, number>): void {
  let left = 0;
  for (const rank of ranks) {
    quantileSelect(work, rank, left, n - 1);
    found.set(rank, work[rank]);
    left = rank + 1;
  }
}

function scratchOfLength(scratch: Float64Array | undefined, length: number): Float64Array {
  return scratch !== undefined && scratch.length >= length ? scratch : new Float64Array(length);
}

/**
 * Sample quantiles of `values` at `probabilities`, exact, in O(n) without sorting.
 *
 * Definition (Hyndman & Fan 1996 type 7; R's default, numpy's `linear`): with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ the
 * sorted values, h = (n − 1)·p and j = ⌊h⌋, Q(p) = x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎).
 * Where an infinite order statistic takes part, Q is the limit (−∞ or +∞), never NaN.
 *
 * Method: a histogram over [min, max] finds the bucket holding each needed order statistic; only
 * those buckets' values are copied to `scratch` and Floyd–Rivest selection runs inside each.
 * About 10 ms per 10⁶ values (PERFORMANCE.md), against ~100 ms for Float64Array.prototype.sort.
 *
 * @param values the column (not modified); NaN is an error.
 * @param probabilities each in [0, 1], any order; results are in the same order.
 * @param scratch optional work buffer, reused when its length is at least n (else one is allocated).
 * @returns one quantile per probability.
 * @throws Error when `values` is empty, holds NaN, or a probability is outside [0, 1].
 * @see Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American Statistician 50(4), 361–365.
 * @example quantilesOf(Float64Array.of(4, 1, 3, 2), [0, 0.5, 0.9]); // => Float64Array [1, 2.5, 3.7]
 */
export function quantilesOf(values: Float64Array, probabilities: readonly number[], scratch?: Float64Array): Float64Array {
  const n = values.length;
  if (n === 0) throw new Error('quantilesOf needs at least one value, got an empty column');
  // 1. Scan: min, max and NaN (NaN fails both comparisons, so it is tested only then).
  let min = values[0];
  let max = min;
  if (Number.isNaN(min)) throw new Error('quantilesOf values must not be NaN, got NaN at index 0');
  for (let i = 1; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
    else if (v !== v) throw new Error(`quantilesOf values must not be NaN, got NaN at index ${i}`);
  }
  // 2. Ranks needed.
  const ranks = neededRanks(n, probabilities);
  const result = new Float64Array(probabilities.length);
  if (min === max) return result.fill(min);
  const found = new Map<number, number>();
  const range = max - min;
  if (n < bucketMinValues || !Number.isFinite(range) || !Number.isFinite(n / range)) {
    const work = scratchOfLength(scratch, n);
    work.set(values);
    selectRanksInCopy(work, n, ranks, found);
  } else {
    selectRanksByBuckets(values, min, range, ranks, found, scratch);
  }
  // 6. Interpolate.
  for (let q = 0; q < probabilities.length; q++) {
    const h = (n - 1) * probabilities[q];
    const lower = Math.floor(h);
    const fraction = h - lower;
    result[q] = fraction > 0 && lower + 1 < n ? interpolate(found.get(lower)!, found.get(lower + 1)!, fraction) : found.get(lower)!;
  }
  return result;
}

/** Steps 3–5: histogram, gather the needed buckets, select within them. */
function selectRanksByBuckets(
  values: Float64Array,
  min: number,
  range: number,
  ranks: readonly number[],
  found: Map<number, number>,
  scratch: Float64Array | undefined,
): void {
  const n = values.length;
  let buckets = bucketsMin;
  while (buckets < bucketsMax && buckets * valuesPerBucket < n) buckets *= 2;
  // Index ⌊(v − min)·scale⌋ is monotone in v, and at most `buckets` (the max may round up to it):
  // bucket `buckets` is a real, last bucket, so there is no clamping in the loops.
  const scale = buckets / range;
  const bucketCount = buckets + 1;
  // 3. Histogram.
  const counts = new Int32Array(bucketCount);
  for (let i = 0; i < n; i++) counts[((values[i] - min) * scale) | 0]++;
  // Which bucket holds each rank; where its values go in scratch (cursor = −1: not needed).
  const cursor = new Int32Array(bucketCount).fill(-1);
  const bucketOfRank: number[] = [];
  const startOfBucket = new Map<number, { before: number; offset: number; size: number }>();
  let before = 0;
  let needed = 0;
  let r = 0;
  for (let b = 0; b < bucketCount && r < ranks.length; b++) {
    const size = counts[b];
    while (r < ranks.length && ranks[r] < before + size) {
      if (cursor[b] < 0) {
        cursor[b] = needed;
        startOfBucket.set(b, { before, offset: needed, size });
        needed += size;
      }
      bucketOfRank.push(b);
      r++;
    }
    before += size;
  }
  // 4. Gather the needed buckets' values.
  const work = scratchOfLength(scratch, needed);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const b = ((v - min) * scale) | 0;
    const at = cursor[b];
    if (at >= 0) {
      work[at] = v;
      cursor[b] = at + 1;
    }
  }
  // 5. Select each rank within its bucket; ranks in one bucket narrow the range left to right.
  let previousBucket = -1;
  let left = 0;
  for (let k = 0; k < ranks.length; k++) {
    const b = bucketOfRank[k];
    const { before: first, offset, size } = startOfBucket.get(b)!;
    if (b !== previousBucket) left = offset;
    const at = offset + (ranks[k] - first);
    quantileSelect(work, at, left, offset + size - 1);
    found.set(ranks[k], work[at]);
    left = at + 1;
    previousBucket = b;
  }
}
