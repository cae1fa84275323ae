// Exact sample quantiles of a column by selection, not sorting: one definition (R type 7) everywhere.
//
//   1 ranks     the order statistics each probability needs: ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)p
//   2 range     a strided sample of ≤ 4096 values gives [lo, hi] that holds the needed ranks with a
//               wide margin (falls back to [min, max] by a scan when the sample cannot)
//   3 histogram count the values per region: below lo | 4096 equal-width buckets over [lo, hi) | from hi on,
//               keeping each value's region (2 bytes) and counting NaN (an error)
//   4 gather    copy only the values of the regions that hold a needed rank into scratch (reading the kept regions)
//   5 select    multiple quickselect, three-way partition, within each of those regions (a few hundred values each)
//   6 interpolate  x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
// The region of a value is monotone in the value, so the k-th smallest value is found in the region
// whose cumulative count passes k, whatever the range: a bad range costs time, never correctness.
// sortedRuns (what a histogram layout reads from its pilot) shares steps 2–4 and then sorts each
// gathered region instead of selecting in it: whole runs of consecutive order statistics.
import { quantileSelect } from './quantile-select.js';

/** The probabilities of the projections table: p05, p10, p25, p50, p75, p90, p95. */
export const quantileProbabilities = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** Below this many values, selecting in a copy is as fast as bucketing. */
const bucketMinValues = 512;
/** Buckets between lo and hi: 4096 counts (16 KB) stay in L1 cache; at 10⁶ values a needed bucket holds a few hundred. */
const bucketsMax = 4096;
/** At least this many values per bucket for smaller columns. */
const valuesPerBucket = 64;
/** Sample size for the range: its order statistics place the needed ranks to about ±1/√4096 of n. */
const sampleSize = 4096;
/**
 * Smaller columns sample one value in 16 (at least 256, at most a quarter): selecting in the sample
 * costs about what a pass over the column does, so a quarter of 20,000 values cost a third of the
 * whole; a smaller sample only widens [lo, hi] a little (at 20,000 values it holds 1.7%–98.3% of
 * them instead of 3.2%–96.8% for p05–p95).
 */
const sampleFraction = 16;
/**
 * Margin around the needed ranks, in sample standard deviations √(m·p(1−p)), plus two positions: the
 * range misses a needed rank with probability ~1e-6, and then the rank lies in the region below lo or
 * from hi on, which is still selected exactly (only more slowly).
 */
const marginSds = 5;

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
export function interpolate(lower: number, upper: number, fraction: number): number {
  if (fraction === 0 || lower === upper) return lower;
  if (lower === Number.NEGATIVE_INFINITY) return lower;
  if (upper === Number.POSITIVE_INFINITY) return upper;
  return lower + fraction * (upper - lower);
}

// The two passes over the data live in small functions of one loop each: V8 compiles a long loop
// on-stack (OSR) during its first call, and code after the loop that has not run yet then lacks type
// feedback and deoptimises on every call (measured: 2× slower when these loops were inline).

/**
 * The region of a value: 0 below lo, 1 + ⌊(v − lo)·scale⌋ inside, buckets + 1 from hi on, computed as
 * ⌊min(max((v − lo)·scale + 1, 0), buckets + 1)⌋. Every step rounds monotonically, so the region is
 * monotone in v; NaN lands in region 0 (and is counted apart, which is how it is found).
 * Branch-free clamping is measured 1.4× faster than nested ifs in V8 (Node 20).
 */
function regionOf(v: number, lo: number, scale: number, top: number): number {
  return Math.min(Math.max((v - lo) * scale + 1, 0), top) | 0;
}

/**
 * Step 3: counts[region]++ for every value, each value's region kept in `regions`.
 * @returns how many values are NaN (region 0; the caller reports the first)
 */
function countRegions(values: Float64Array, lo: number, scale: number, buckets: number, counts: Int32Array, regions: Uint16Array): number {
  const top = buckets + 1;
  const n = values.length;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const region = regionOf(v, lo, scale, top);
    regions[i] = region;
    counts[region]++;
    nans += (v !== v) as unknown as number;
  }
  return nans;
}

/**
 * Step 4: copies the values of the needed regions (cursor ≥ 0) to work[cursor++], except values equal
 * to the region's first value (its reference), which are only counted: ties cost no writes. Reads the
 * regions kept by step 3 rather than recomputing them: 2 bytes a value instead of 8 and no arithmetic
 * (measured 20% off the whole summary).
 */
function gatherRegions(
  values: Float64Array,
  regions: Uint16Array,
  cursor: Int32Array,
  reference: Float64Array,
  equalCount: Int32Array,
  work: Float64Array,
): void {
  const n = values.length;
  for (let j = 0; j < n; j++) {
    const region = regions[j];
    const at = cursor[region];
    if (at >= 0) {
      const v = values[j];
      const r = reference[region];
      if (v === r) equalCount[region]++;
      else if (r !== r) {
        reference[region] = v;
        equalCount[region]++;
      } else {
        work[at] = v;
        cursor[region] = at + 1;
      }
    }
  }
}

/** The index of the first NaN in `values`, or −1. */
function firstNaN(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return i;
  return -1;
}

/** Moves the values of work[from..to) below `pivot` to the front; returns how many there are. */
function partitionBelow(work: Float64Array, from: number, to: number, pivot: number): number {
  let next = from;
  for (let i = from; i < to; i++) {
    const v = work[i];
    if (v < pivot) {
      work[i] = work[next];
      work[next] = v;
      next++;
    }
  }
  return next - from;
}

/** The region of each value, kept between the passes (2 bytes a value; buckets + 2 ≤ 4098 < 2¹⁶). */
let regionsBuffer = new Uint16Array(0);
function regionsOfLength(n: number): Uint16Array {
  if (regionsBuffer.length < n) regionsBuffer = new Uint16Array(n);
  return regionsBuffer.subarray(0, n);
}

/**
 * The values of sortedRuns' runs, kept between calls (a layout's runs are read before the next is
 * made): a new buffer a pilot, 55 KB each at 10⁶ draws, was garbage outside V8's heap that lasted
 * until the next scavenge, and lifted a run's peak (measured: 117.8 against 115.0 MiB, 15 pairs).
 */
let runsBuffer = new Float64Array(0);
function runsOfLength(n: number): Float64Array {
  if (runsBuffer.length < n) runsBuffer = new Float64Array(n);
  return runsBuffer.subarray(0, n);
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
 * Method: a histogram over a range taken from a sample finds the region holding each needed order
 * statistic; only those regions' values are copied to `scratch` and a multiple quickselect with a
 * three-way partition (ties settle in one pass) runs inside each (see the steps at the top of this
 * file). Two passes over the data: 8–15 ms per 10⁶ values for 7 probabilities, 5–15× faster than
 * Float64Array.prototype.sort (bench/rng-bench.ts).
 *
 * @param values the column (not modified); NaN is an error.
 * @param probabilities each in [0, 1], any order; results are in the same order.
 * @param scratch optional work buffer, used when long enough (n suffices always; else one is allocated).
 * @returns one quantile per probability.
 * @throws Error when `values` is empty, holds NaN, or a probability is outside [0, 1].
 * @see Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American Statistician 50(4), 361–365.
 * @example quantilesOf(Float64Array.of(4, 1, 3, 2), [0, 0.25, 0.5]); // => Float64Array [1, 1.75, 2.5]
 */
export function quantilesOf(values: Float64Array, probabilities: readonly number[], scratch?: Float64Array): Float64Array {
  const n = values.length;
  if (n === 0) throw new Error('quantilesOf needs at least one value, got an empty column');
  // 1. Ranks needed; 2–5. select them.
  const found = selectOrderStatistics(values, neededRanks(n, probabilities), scratch);
  // 6. Interpolate.
  const quantiles = new Float64Array(probabilities.length);
  for (let q = 0; q < probabilities.length; q++) {
    const h = (n - 1) * probabilities[q];
    const lower = Math.floor(h);
    const fraction = h - lower;
    quantiles[q] = fraction > 0 && lower + 1 < n ? interpolate(found.get(lower)!, found.get(lower + 1)!, fraction) : found.get(lower)!;
  }
  return quantiles;
}

/** Order statistics x₍first₎, x₍first+1₎, … of a column, ascending (see sortedRuns). */
export interface SortedRun {
  /** The 0-based rank of values[0]. */
  readonly first: number;
  readonly values: Float64Array;
}

/**
 * The order statistics of every rank range [lo, hi] (0-based, lo ≤ hi < n) of a column, in sorted
 * runs: each range lies wholly in one run, and a run is every value of a span of the histogram's
 * regions (steps 2–3 of quantilesOf), ascending (−0 and +0, which compare equal, in either order);
 * so a run also holds every value tied with the ends of its ranges, and every value between two of
 * its values. What a histogram layout reads from its pilot: the order statistics of its windows and
 * the values inside them, from one histogram, one gather and short sorts of only those regions'
 * values (no selection, no sort of the column: 0.51 ms a pilot over the 108 of a 10⁶-draw baseline
 * run, 32,768 values and seven windows each, where selecting the order statistics, then the windows'
 * values, then sorting those took 1.16). Exact whatever the histogram's range: a range it misses
 * costs time (a larger region sorted), not correctness. A constant column gives one run of the ranks
 * asked for; one that cannot be bucketed (few values, infinite ends) is sorted whole.
 * @param values the column (not modified); NaN is an error.
 * @returns the runs, ascending by rank and disjoint: views of a buffer the next call reuses
 * @throws Error when `values` is empty, holds NaN, or a range is not within it.
 * @example sortedRuns(Float64Array.of(4, 1, 3, 2), [{ lo: 1, hi: 2 }]); // => [{ first: 0, values: Float64Array [1, 2, 3, 4] }]
 */
export function sortedRuns(values: Float64Array, ranges: readonly { readonly lo: number; readonly hi: number }[]): SortedRun[] {
  const n = values.length;
  if (n === 0) throw new Error('sortedRuns needs at least one value, got an empty column');
  for (const { lo, hi } of ranges) {
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo <= hi && hi < n)) {
      throw new Error(`sortedRuns ranges must be whole ranks lo ≤ hi below ${n}, got [${lo}, ${hi}]`);
    }
  }
  if (ranges.length === 0) return [];
  const ascending = [...ranges].sort((a, b) => a.lo - b.lo);
  const ends = [ascending[0].lo, Math.max(...ascending.map((r) => r.hi))];
  if (n >= bucketMinValues) {
    const range = sampledRange(values, ends);
    const runs = range && runsByRegions(values, range.lo, range.hi, ascending);
    if (runs) return runs;
    const { min, max } = minMaxOf(values);
    // One value (a constant column): the run of the ranks asked for, each that value.
    if (min === max) return [{ first: ends[0], values: new Float64Array(ends[1] - ends[0] + 1).fill(min) }];
    const whole = runsByRegions(values, min, max, ascending);
    if (whole) return whole;
  }
  const sorted = Float64Array.from(values).sort();
  if (sorted[n - 1] !== sorted[n - 1]) throw nanError(firstNaN(values));
  return [{ first: 0, values: sorted }];
}

/**
 * sortedRuns over the regions below lo | buckets of [lo, hi) | from hi on (ranges ascending by lo):
 * each range's regions, from the one holding its lo-th value to the one holding its hi-th, merged
 * where spans share a region; their values gathered in one pass and each region sorted. Undefined
 * (having done nothing) when [lo, hi] cannot be bucketed.
 */
function runsByRegions(values: Float64Array, lo: number, hi: number, ranges: readonly { readonly lo: number; readonly hi: number }[]): SortedRun[] | undefined {
  const histogram = regionHistogram(values, lo, hi);
  if (!histogram) return undefined;
  const { counts, regions } = histogram;
  const regionCount = counts.length;
  // before[region]: values in the regions below it (the rank of its smallest value).
  const before = new Int32Array(regionCount + 1);
  for (let region = 0; region < regionCount; region++) before[region + 1] = before[region] + counts[region];
  const regionOfRank = (rank: number, from: number): number => {
    let region = from;
    while (before[region + 1] <= rank) region++;
    return region;
  };
  // Spans of regions [from, to], merged where they share a region.
  const spans: { from: number; to: number }[] = [];
  let searchFrom = 0;
  for (const range of ranges) {
    const from = regionOfRank(range.lo, searchFrom);
    const to = regionOfRank(range.hi, from);
    searchFrom = from;
    const last = spans[spans.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else spans.push({ from, to });
  }
  // Gather: a needed region's values to work[cursor[region]++]; the others to the slot past the end, step 0.
  let total = 0;
  for (const { from, to } of spans) total += before[to + 1] - before[from];
  const cursor = new Int32Array(regionCount).fill(total);
  const step = new Int32Array(regionCount);
  for (let at = 0, k = 0; k < spans.length; k++) {
    for (let region = spans[k].from; region <= spans[k].to; region++) {
      cursor[region] = at;
      step[region] = 1;
      at += counts[region];
    }
  }
  const work = runsOfLength(total + 1);
  gatherByRegion(values, regions, cursor, step, work);
  // Regions are ascending and disjoint in value, so sorting each region sorts its span: many short
  // sorts instead of one long one, and none for a region of one value (counts' ties).
  const runs: SortedRun[] = [];
  for (let at = 0, k = 0; k < spans.length; k++) {
    const start = at;
    for (let region = spans[k].from; region <= spans[k].to; region++) {
      const end = at + counts[region];
      if (!allEqual(work, at, end)) work.subarray(at, end).sort();
      at = end;
    }
    runs.push({ first: before[spans[k].from], values: work.subarray(start, at) });
  }
  return runs;
}

/** Whether work[from..to) holds one value (−0 and +0 count as one: they compare equal). */
function allEqual(work: Float64Array, from: number, to: number): boolean {
  const first = work[from];
  for (let i = from + 1; i < to; i++) if (work[i] !== first) return false;
  return true;
}

/**
 * The gather of runsByRegions: value j to work[cursor[regions[j]]], that cursor advanced by its
 * region's step (0 for a region not needed, whose cursor is a slot that is overwritten). No branch on
 * the value's region, which would mispredict about as often as needed regions alternate with others.
 */
function gatherByRegion(values: Float64Array, regions: Uint16Array, cursor: Int32Array, step: Int32Array, work: Float64Array): void {
  for (let j = 0; j < values.length; j++) {
    const region = regions[j];
    const at = cursor[region];
    work[at] = values[j];
    cursor[region] = at + step[region];
  }
}

/**
 * Steps 2–5 for ranks (ascending, distinct, below n ≥ 1): by regions over a sampled range, else over
 * [min, max], else (few values, or a range too narrow to bucket) by quickselect in a full copy.
 */
function selectOrderStatistics(values: Float64Array, ranks: readonly number[], scratch: Float64Array | undefined): Map<number, number> {
  const n = values.length;
  const found = new Map<number, number>();
  const range = n >= bucketMinValues ? sampledRange(values, ranks) : undefined;
  if (range && selectRanksByRegions(values, range.lo, range.hi, ranks, found, scratch)) return found;
  const { min, max } = minMaxOf(values);
  if (min === max) {
    for (const rank of ranks) found.set(rank, min);
    return found;
  }
  if (n >= bucketMinValues && selectRanksByRegions(values, min, max, ranks, found, scratch)) return found;
  const work = scratchOfLength(scratch, n);
  work.set(values.subarray(0, n));
  quantileSelect(work, 0, n - 1, ranks, found);
  return found;
}

function nanError(index: number): Error {
  return new Error(`quantilesOf values must not be NaN, got NaN at index ${index}`);
}

/** Smallest and largest value; NaN throws (NaN fails both comparisons, so it is tested only then). */
function minMaxOf(values: Float64Array): { min: number; max: number } {
  let min = values[0];
  let max = min;
  if (Number.isNaN(min)) throw nanError(0);
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
    else if (v !== v) throw nanError(i);
  }
  return { min, max };
}

/**
 * Step 2: [lo, hi] from a strided sample of m values: the sample order statistics marginSds standard
 * deviations below the lowest needed rank and above the highest. Undefined when the sample holds NaN.
 */
function sampledRange(values: Float64Array, ranks: readonly number[]): { lo: number; hi: number } | undefined {
  const n = values.length;
  const m = Math.min(sampleSize, Math.max(Math.floor(n / sampleFraction), Math.min(256, n >> 2)));
  const sample = new Float64Array(m);
  const stride = n / m;
  for (let j = 0; j < m; j++) {
    const v = values[Math.floor((j + 0.5) * stride)];
    if (v !== v) return undefined;
    sample[j] = v;
  }
  const position = (rank: number, side: -1 | 1) => {
    const p = rank / (n - 1);
    const centre = p * (m - 1);
    const margin = marginSds * Math.sqrt(m * p * (1 - p)) + 2;
    return Math.min(m - 1, Math.max(0, Math.round(centre + side * margin)));
  };
  const loIndex = position(ranks[0], -1);
  const hiIndex = position(ranks[ranks.length - 1], 1);
  const found = new Map<number, number>();
  quantileSelect(sample, 0, m - 1, loIndex === hiIndex ? [loIndex] : [loIndex, hiIndex], found);
  return { lo: found.get(loIndex)!, hi: found.get(hiIndex)! };
}

/**
 * Step 3: the values per region — 0 below lo, 1 + ⌊(v − lo)·scale⌋ for the buckets of [lo, hi),
 * buckets + 1 from hi on (monotone in v) — and each value's region (`regions`, this module's shared
 * buffer, valid until the next call). Undefined when [lo, hi] cannot be bucketed: not finite, empty,
 * or too narrow for its scale. NaN throws.
 */
function regionHistogram(values: Float64Array, lo: number, hi: number): { counts: Int32Array; regions: Uint16Array } | undefined {
  const n = values.length;
  const buckets = Math.max(1, Math.min(bucketsMax, Math.floor(n / valuesPerBucket)));
  const scale = buckets / (hi - lo);
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(scale)) return undefined;
  const counts = new Int32Array(buckets + 2);
  const regions = regionsOfLength(n);
  if (countRegions(values, lo, scale, buckets, counts, regions) > 0) throw nanError(firstNaN(values));
  return { counts, regions };
}

/**
 * Steps 3–5 over the regions below lo | buckets of [lo, hi) | from hi on. Returns false (having done
 * nothing) when [lo, hi] cannot be bucketed: not finite, empty, or too narrow for its scale.
 */
function selectRanksByRegions(
  values: Float64Array,
  lo: number,
  hi: number,
  ranks: readonly number[],
  found: Map<number, number>,
  scratch: Float64Array | undefined,
): boolean {
  // 3. Histogram (and the NaN check).
  const histogram = regionHistogram(values, lo, hi);
  if (!histogram) return false;
  const { counts, regions } = histogram;
  const regionCount = counts.length;
  // Which region holds each rank; where its values go in scratch (cursor −1: not needed).
  const cursor = new Int32Array(regionCount).fill(-1);
  const regionOfRank: number[] = [];
  const regionStart = new Map<number, { before: number; offset: number }>();
  let before = 0;
  let needed = 0;
  let r = 0;
  for (let region = 0; region < regionCount && r < ranks.length; region++) {
    const size = counts[region];
    while (r < ranks.length && ranks[r] < before + size) {
      if (cursor[region] < 0) {
        cursor[region] = needed;
        regionStart.set(region, { before, offset: needed });
        needed += size;
      }
      regionOfRank.push(region);
      r++;
    }
    before += size;
  }
  // 4. Gather the needed regions' values. Values equal to the region's first value are only counted,
  //    not copied: a region of ties (counts such as Poisson draws) then costs no writes at all.
  const work = scratchOfLength(scratch, needed);
  const reference = new Float64Array(regionCount).fill(Number.NaN);
  const equalCount = new Int32Array(regionCount);
  gatherRegions(values, regions, cursor, reference, equalCount, work);
  // 5. Select the ranks of each region: its values are `equal` copies of the reference plus the
  //    copied ones, split around the reference into below | (the copies) | above.
  for (let k = 0; k < ranks.length; ) {
    const region = regionOfRank[k];
    const { before: first, offset } = regionStart.get(region)!;
    const copied = cursor[region] - offset;
    const equal = equalCount[region];
    const tie = reference[region];
    const below = partitionBelow(work, offset, offset + copied, tie);
    const lowerPositions: number[] = [];
    const upperPositions: number[] = [];
    const start = k;
    for (; k < ranks.length && regionOfRank[k] === region; k++) {
      const local = ranks[k] - first;
      if (local < below) lowerPositions.push(offset + local);
      else if (local >= below + equal) upperPositions.push(offset + local - equal);
    }
    const byPosition = new Map<number, number>();
    quantileSelect(work, offset, offset + below - 1, lowerPositions, byPosition);
    quantileSelect(work, offset + below, offset + copied - 1, upperPositions, byPosition);
    for (let j = start; j < k; j++) {
      const local = ranks[j] - first;
      if (local < below) found.set(ranks[j], byPosition.get(offset + local)!);
      else if (local < below + equal) found.set(ranks[j], tie);
      else found.set(ranks[j], byPosition.get(offset + local - equal)!);
    }
  }
  return true;
}
