// A mergeable quantile summary of fixed memory: fine bins around each quantile, laid out from a pilot.
//
//   pilot (the first blocks' values, exact)
//     per probability p: a window of pilot order statistics ±6 binomial sds around rank p·(m − 1);
//       its bin width w = se/(20·margin), se the quantile's Monte Carlo standard error expected at the run's
//       draw count (from the pilot's own order statistics, scaled by √(m/N)), the margin (1.4–1.9) for the noise of
//       the se estimates (marginOf); windows that overlap merge
//     a window whose pilot values tie (counts, atoms) keeps each distinct pilot value as an exact cell
//   every value: one region — below the first window, a window's bin or atom, a gap, above the last
//   quantile: the order statistics' regions from cumulative integer counts; inside a bin, interpolated
//     by rank (error < w); an order statistic in a gap or between atoms is "unresolved" and settled
//     exactly by a second pass that keeps only that region's values (refine)
// Counts are integers, so summaries of disjoint blocks merge exactly and in any order.
import { nextUp } from '../math/next-double.js';
import { countingColumn, countingEntries, countingKernels, countingMaxGaps, type CountingKernels } from './counting-kernels.js';
import { sortedRuns } from './quantiles.js';
import type { PortableQuantileAccumulator, QuantileAccumulator, QuantileState } from './quantile-accumulator.js';

/** Bin width = expected standard error / (targetFraction · margin): the stated bound is se/20 (marginOf). */
export const histogramTargetFraction = 20;
/** Half-width of a window in binomial standard deviations of the pilot rank (a miss is a ~1e-9 event). */
const windowSds = 6;
/** Half-width of the rank interval the standard error is read from: ±2 sd (≈ a 95% interval). */
const seSds = 2;
/** Most bins in one window (a huge draw count over a small pilot widens bins beyond the bound). */
const maxBinsPerWindow = 1 << 16;
/** Cells of the lookup table from a value to its region. */
const lookupCells = 1024;
/** Cells of the finer table the second pass reads: most values inside a window find their region in one step. */
const fineCells = 4096;

/** One region of a layout: a gap (between windows), a window's bins, or a window's atoms. */
interface Region {
  readonly kind: 'gap' | 'bins' | 'atoms';
  /** [lo, hi): the region's values (the first region starts at −∞, the last ends at +∞). */
  readonly lo: number;
  readonly hi: number;
  /** First counter of the region in `counts`. */
  readonly offset: number;
  /** bins: width and count; atoms: the distinct pilot values, ascending (cells: atom, between, atom, …). */
  readonly width: number;
  readonly bins: number;
  readonly atoms?: Float64Array;
}

/**
 * What defines a layout, as plain numbers: its regions in order (the first from −∞, the last to +∞),
 * each a gap, a window's equal bins, or a window's atoms. Everything else in a HistogramLayout is
 * derived from it, so two layouts with equal specs count every value alike and merge.
 */
export interface HistogramLayoutSpec {
  readonly regions: readonly {
    readonly kind: 'gap' | 'bins' | 'atoms';
    readonly lo: number;
    readonly hi: number;
    /** bins: their width; 0 otherwise. */
    readonly width: number;
    /** bins: their number; atoms: 2 × the atoms; gaps: 1. */
    readonly bins: number;
    readonly atoms?: Float64Array;
  }[];
}

/** The frozen layout of a histogram summary: regions and the value → region lookup. */
export interface HistogramLayout {
  readonly spec: HistogramLayoutSpec;
  readonly regions: readonly Region[];
  readonly counters: number;
  /** Lower edges of regions 1 … (region 0 starts at −∞). */
  readonly edges: Float64Array;
  /** The lookup covers [lookupLo, lookupHi) in lookupCells cells; below it region 0, from its end the last region. */
  readonly lookupLo: number;
  readonly lookupHi: number;
  readonly lookupScale: number;
  /** Region of each lookup entry's lower end (entry 0: below the cells; entry lookupCells + 1: above). */
  readonly lookup: Uint16Array;
  /** The gap counter of a lookup entry that lies wholly in one gap (most values), else −1. */
  readonly cellCounter: Int32Array;
  /**
   * Per lookup entry, in one int32 (one table: it stays in cache while a run cycles through its
   * summaries): the gap counter of an entry wholly in a gap; else the sink counter (index `counters`,
   * never read) with the top bit set, meaning its values need the region search.
   */
  readonly entry: Int32Array;
  /**
   * The regions as columns, for the counting loop: kind (0 gap, 1 bins, 2 atoms, 3 atoms placed by
   * subtraction: one atom, or a₀ an integer and a_k = a₀ + k, as counts have), lo, hi, 1/width, offset, bins.
   */
  readonly kind: Uint8Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly inverseWidth: Float64Array;
  readonly offset: Int32Array;
  readonly bins: Int32Array;
  /**
   * The second pass's table over the same span in fineCells cells (index as for `entry`, scaled by
   * fineScale): the region a cell lies wholly inside when it is bins or atoms on the integers (see
   * `lattice`), or −1 (the cell meets an edge, a gap, or other atoms).
   */
  readonly fine: Int16Array;
  readonly fineScale: number;
  /** Largest bin width over the windows: every resolved quantile is within it of the exact one. */
  readonly maxError: number;
  /**
   * Counts (a layout with atoms on the integers): the counter of each integer integerBase + j of the
   * windows' span, j < integerCounter.length, so the first pass places those values at once (no
   * lookup, no second pass); empty for other layouts (integerTable).
   */
  readonly integerBase: number;
  readonly integerCounter: Int32Array;
  /**
   * For the first pass in WebAssembly (counting-kernels.wat): `entry` with each gap's counter replaced
   * by the gap's number (its place in `gapCounters`), and the sink by the number after the last with
   * the top bit set; empty when the layout has more gaps than the kernels count (countingMaxGaps) or
   * a lookup of another length than theirs (countingEntries).
   */
  readonly gapEntry: Int32Array;
  /** The counter of each gap, by its number. */
  readonly gapCounters: Int32Array;
}

/** An order statistic the histogram cannot place: only its region's values are needed to settle it. */
export interface UnresolvedRank {
  /** 0-based rank over all values. */
  readonly rank: number;
  /** Values in [lo, hi) hold it; `below` values lie under lo. */
  readonly lo: number;
  readonly hi: number;
  readonly below: number;
}

/**
 * The margin a window's bin width keeps below the stated bound, for the noise of the two standard
 * errors it compares: the pilot's, read from a spacing of k_m of its order statistics, and the one
 * the bound is judged by, read the same way from k_N = 4√(N·p(1 − p)) ranks of all N draws. A spacing
 * of k uniform order statistics is Beta(k, m − k + 1), relative sd ≈ 1/√k (David & Nagaraja 2003,
 * Order Statistics, §2.5; a smooth distribution's spacings follow through its quantile function),
 * so the ratio of the two estimates has log-sd σ = √(1/k_m + 1/k_N), and
 *   margin = exp(windowSds · σ):
 * the pilot's se overstates the judged one by more only about as rarely as a window misses (≈ 1e-9).
 * The ratio of the two spacings (Gamma) is F(2k_m, 2k_N); its upper 1e-9 point lies below this
 * margin (e.g. k_m = 158, k_N = 872, p = 0.05 at 10⁶ draws: F 1.632 vs 1.680; scipy.stats.f.ppf).
 * At 10⁶ draws the margin is 1.68 at p = 0.05 and 1.41 at p = 0.5, where a fixed factor 2 stood before.
 */
export function marginOf(pilotSpacing: number, expectedCount: number, p: number): number {
  const judgedSpacing = 2 * seSds * Math.sqrt(expectedCount * p * (1 - p));
  return Math.exp(windowSds * Math.sqrt(1 / Math.max(1, pilotSpacing) + 1 / Math.max(1, judgedSpacing)));
}

/**
 * The layout for summarising about `expectedCount` values at `probabilities`, from the pilot values
 * (m ≥ 64 values, not modified).
 *
 * Standard error of the p-quantile from m sorted values, distribution-free (order statistics of the
 * binomial rank interval; Conover 1999, Practical Nonparametric Statistics §3.2):
 *   se ≈ (x₍c+2s₎ − x₍c−2s₎)/4, c = p(m − 1), s = √(m·p(1 − p)); at N draws se_N = se·√(m/N).
 * Window [x₍c−6s−2₎, x₍c+6s+2₎]; bin width w = se_N/(20·margin) (marginOf: the noise of the se
 * estimates), so an interpolated quantile is within w, below the stated se/20, of the exact one.
 */
export function histogramLayout(pilot: Float64Array, probabilities: readonly number[], expectedCount: number): HistogramLayout {
  return histogramLayoutOf(planHistogramLayout(pilot, probabilities, expectedCount));
}

/** The regions histogramLayout lays out from a pilot (see there), as a spec. */
export function planHistogramLayout(pilot: Float64Array, probabilities: readonly number[], expectedCount: number): HistogramLayoutSpec {
  const m = pilot.length;
  const plan = probabilities.map((p) => {
    const c = p * (m - 1);
    const s = Math.sqrt(m * p * (1 - p));
    const at = (position: number) => Math.min(m - 1, Math.max(0, Math.round(position)));
    const ranks = { lo: at(c - windowSds * s - 2), hi: at(c + windowSds * s + 2), seLo: at(c - seSds * s), seHi: at(c + seSds * s) };
    return { ...ranks, margin: marginOf(ranks.seHi - ranks.seLo, expectedCount, p) };
  });
  // The windows' order statistics and the values inside them, sorted, from one histogram of the
  // pilot (sortedRuns): each window's ranks lie in one run, which holds every value between them.
  const runs = sortedRuns(pilot, plan);
  const runOf = (rank: number) => runs.find((run) => rank >= run.first && rank < run.first + run.values.length)!;
  const value = (rank: number) => {
    const run = runOf(rank);
    return run.values[rank - run.first];
  };
  // 1. Windows with their wanted widths, merged where they overlap (the finer width wins).
  const windows = plan
    .map((r) => {
      const se = (value(r.seHi) - value(r.seLo)) / (2 * seSds);
      return { lo: value(r.lo), hi: value(r.hi), loRank: r.lo, hiRank: r.hi, width: (se * Math.sqrt(m / expectedCount)) / (histogramTargetFraction * r.margin) };
    })
    .sort((a, b) => a.lo - b.lo);
  const merged: { lo: number; hi: number; loRank: number; hiRank: number; width: number }[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.lo <= last.hi) {
      last.hi = Math.max(last.hi, w.hi);
      last.hiRank = Math.max(last.hiRank, w.hiRank);
      last.width = Math.min(last.width, w.width);
    } else merged.push({ ...w });
  }
  // 2. Regions: gap, window, gap, window, …, gap. A window whose pilot values tie is kept as atoms.
  const regions: HistogramLayoutSpec['regions'][number][] = [];
  const gap = (lo: number, hi: number) => {
    regions.push({ kind: 'gap', lo, hi, width: 0, bins: 1 });
  };
  let previousHi = Number.NEGATIVE_INFINITY;
  for (const w of merged) {
    // The pilot's values from the window's lowest to its highest order statistic (its ties at either
    // end included: they are the window's own values), sorted. Atoms: its distinct values, when some tie.
    const atoms = windowAtoms(valuesWithin(runOf(w.loRank).values, w.lo, w.hi), !(w.hi > w.lo));
    gap(previousHi, w.lo);
    if (atoms) {
      // Cells 2k: the atom k exactly; 2k + 1: strictly between atom k and k + 1 (or above the last).
      const hi = nextUp(atoms[atoms.length - 1]);
      regions.push({ kind: 'atoms', lo: w.lo, hi, width: 0, bins: 2 * atoms.length, atoms });
      previousHi = hi;
    } else {
      const bins = Math.min(maxBinsPerWindow, Math.max(1, Math.ceil((w.hi - w.lo) / w.width)));
      const width = (w.hi - w.lo) / bins;
      regions.push({ kind: 'bins', lo: w.lo, hi: w.hi, width, bins });
      previousHi = w.hi;
    }
  }
  gap(previousHi, Number.POSITIVE_INFINITY);
  return { regions };
}

/**
 * The values v of a sorted run with lo ≤ v ≤ hi (a window's values: each window lies in one run, and
 * a run holds every pilot value between two of its own), by binary search.
 */
function valuesWithin(sorted: Float64Array, lo: number, hi: number): Float64Array {
  let start = 0;
  let end = sorted.length;
  while (start < end) {
    const mid = (start + end) >> 1;
    if (sorted[mid] < lo) start = mid + 1;
    else end = mid;
  }
  let stop = sorted.length;
  end = start;
  while (end < stop) {
    const mid = (end + stop) >> 1;
    if (sorted[mid] <= hi) end = mid + 1;
    else stop = mid;
  }
  return sorted.subarray(start, end);
}

/**
 * A window's atoms — its distinct values, ascending (−0 as +0, as a Set keeps them) — when some of its
 * values tie or `always`; else undefined (the window is cut into bins). Read from its sorted values.
 */
function windowAtoms(sorted: Float64Array, always: boolean): Float64Array | undefined {
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct === sorted.length && !always) return undefined;
  const atoms = new Float64Array(distinct);
  for (let i = 0, k = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) atoms[k++] = sorted[i] === 0 ? 0 : sorted[i];
  }
  return atoms;
}

/**
 * The layout of a spec: counters numbered region by region, and the lookup from a value to its
 * region. Deterministic, so every thread and shard that lays out from the same pilot counts alike.
 */
export function histogramLayoutOf(spec: HistogramLayoutSpec): HistogramLayout {
  let counters = 0;
  let maxError = 0;
  const regions: Region[] = spec.regions.map((r) => {
    const region: Region = { ...r, offset: counters };
    counters += r.bins;
    if (r.kind === 'bins') maxError = Math.max(maxError, r.width);
    return region;
  });
  // The lookup from a value to its region: the region at each cell's lower end, then a few steps up;
  // a cell wholly inside one gap counts straight into that gap's counter.
  const edges = Float64Array.from(regions.slice(1), (r) => r.lo);
  const lookupLo = regions.length > 1 ? regions[1].lo : 0;
  const lookupHi = regions[regions.length - 1].lo;
  const span = lookupHi - lookupLo;
  // A span too small for the cells (a window of one atom at 0 ends at the least subnormal) makes the
  // scale infinite and 0 × ∞ a NaN cell: no lookup then, every value takes the region search. The scale
  // is shrunk by 4 ulps so that a value just below lookupHi (an atom one ulp under it: the count 7 of a
  // window ending at nextUp(7)) never rounds into the top entry, which counts straight into the last gap.
  const lookupScale = span > 0 && Number.isFinite(lookupCells / span) ? (lookupCells / span) * (1 - 2 ** -50) : 0;
  // Entry 0 is everything below the windows, entries 1 … lookupCells the cells, the last one everything above.
  const lookup = new Uint16Array(lookupCells + 2);
  const cellCounter = new Int32Array(lookupCells + 2).fill(-1);
  cellCounter[0] = regions[0].offset;
  cellCounter[lookupCells + 1] = regions[regions.length - 1].offset;
  lookup[lookupCells + 1] = regions.length - 1;
  cellRuns(edges, lookupLo, lookupScale, lookupCells, (region, from, to, inside) => {
    lookup.fill(region, from + 1, to + 1);
    // Wholly inside a gap (with a margin for rounding in the cell computation): straight into its counter.
    if (inside && regions[region].kind === 'gap') cellCounter.fill(regions[region].offset, from + 1, to + 1);
  });
  // The finer table: a cell wholly inside a bins region or integer atoms (with a cell's margin each side) names it.
  const kind = Uint8Array.from(regions, (r) => (r.kind === 'gap' ? 0 : r.kind === 'bins' ? 1 : onIntegers(r.atoms!) ? 3 : 2));
  const fineScale = lookupScale > 0 ? fineCells / span : 0;
  const fine = new Int16Array(fineCells + 2).fill(-1);
  if (fineScale > 0) {
    cellRuns(edges, lookupLo, fineScale, fineCells, (region, from, to, inside) => {
      if (inside && kind[region] === 1) fine.fill(region, from + 1, to + 1);
    });
  }
  // Integer atoms lie at a region's very edges (a₀ is its lo, the last atom just below its hi), so
  // every cell they touch names them; the second pass then checks lo ≤ v < hi, and searches otherwise.
  for (let r = 0; r < regions.length && fineScale > 0; r++) {
    if (kind[r] !== 3) continue;
    const first = Math.max(0, Math.floor((regions[r].lo - lookupLo) * fineScale));
    const last = Math.min(fineCells - 1, Math.floor((regions[r].hi - lookupLo) * fineScale));
    for (let cell = first; cell <= last; cell++) fine[cell + 1] = r;
  }
  const layout: HistogramLayout = {
    spec,
    regions,
    counters,
    edges,
    lookupLo,
    lookupHi,
    lookupScale,
    lookup,
    cellCounter,
    // map, not Int32Array.from: `from` walks a typed array through its iterator (measured 10× slower).
    entry: cellCounter.map((c) => (c >= 0 ? c : counters | 0x80000000)),
    kind,
    lo: Float64Array.from(regions, (r) => r.lo),
    hi: Float64Array.from(regions, (r) => r.hi),
    inverseWidth: Float64Array.from(regions, (r) => (r.kind === 'bins' ? 1 / r.width : 0)),
    offset: Int32Array.from(regions, (r) => r.offset),
    bins: Int32Array.from(regions, (r) => r.bins),
    fine,
    fineScale,
    maxError,
    integerBase: 0,
    integerCounter: new Int32Array(0),
    ...gapNumbers(regions, cellCounter),
  };
  return kind.includes(3) ? { ...layout, ...integerTable(layout) } : layout;
}

/**
 * The cells of a table of `cells` cells over [origin, origin + cells/scale) by region (region k holds
 * [edges[k − 1], edges[k]), region 0 from −∞, the last to +∞): `run(region, from, to, inside)` for
 * runs of cells [from, to) whose lower end lies in the region, `inside` when each lies wholly inside
 * it with a cell's margin either side. The rule of each cell, as the table's loop applied it:
 *   start = origin + c/scale, end = origin + (c + 1)/scale, w = end − start;
 *   region: the number of edges ≤ start;  inside: end + w < the next edge and start − w ≥ its lo.
 * Found without visiting every cell (5,120 a layout, in code that runs cold on a run's first
 * layouts): start rises with c, so each region's first cell is a binary search; and where a cell
 * spans over 2²⁰ ulps of the table's values, rounding cannot move w by a cell's width, so `inside`
 * holds on one run of cells from within a cell or two of the region's ends, which are checked one by
 * one. Tables of smaller cells, and regions of a few cells, are checked cell by cell.
 * (test/evaluate/layout-tables.test.ts holds it to the per-cell rule.)
 */
export function cellRuns(edges: Float64Array, origin: number, scale: number, cells: number, run: (region: number, from: number, to: number, inside: boolean) => void): void {
  const startOf = (c: number) => (scale > 0 ? origin + c / scale : origin);
  const insideAt = (c: number, region: number) => {
    const start = startOf(c);
    const end = startOf(c + 1);
    const next = region < edges.length ? edges[region] : Number.POSITIVE_INFINITY;
    const lo = region > 0 ? edges[region - 1] : Number.NEGATIVE_INFINITY;
    return end + (end - start) < next && start - (end - start) >= lo;
  };
  const top = Math.max(Math.abs(origin), Math.abs(startOf(cells)));
  const wide = scale > 0 && Number.isFinite(top) && 1 / scale >= top * 2 ** -30;
  let first = 0;
  for (let region = 0; region <= edges.length && first < cells; region++) {
    // The region's cells: from `first` to the first cell whose start reaches the next edge.
    let end = cells;
    if (region < edges.length) {
      let low = first;
      while (low < end) {
        const mid = (low + end) >> 1;
        if (startOf(mid) >= edges[region]) end = mid;
        else low = mid + 1;
      }
    }
    if (end > first) cellsOfRegion(region, first, end, wide, insideAt, run);
    first = end;
  }
}

/** Cells checked one at a time at a region's ends: within a cell or two of each, `inside` turns. */
const endCells = 4;

/** cellRuns for one region's cells [from, to). */
function cellsOfRegion(
  region: number,
  from: number,
  to: number,
  wide: boolean,
  insideAt: (c: number, region: number) => boolean,
  run: (region: number, from: number, to: number, inside: boolean) => void,
): void {
  if (wide && to - from > 2 * endCells) {
    let low = from;
    while (low < from + endCells && !insideAt(low, region)) low++;
    let high = to - 1;
    while (high >= to - endCells && !insideAt(high, region)) high--;
    if (low < from + endCells && high >= to - endCells) {
      if (low > from) run(region, from, low, false);
      run(region, low, high + 1, true);
      if (high + 1 < to) run(region, high + 1, to, false);
      return;
    }
  }
  // Cell by cell, each run of one state reported once.
  let at = from;
  let state = insideAt(from, region);
  for (let c = from + 1; c < to; c++) {
    const next = insideAt(c, region);
    if (next !== state) {
      run(region, at, c, state);
      at = c;
      state = next;
    }
  }
  run(region, at, to, state);
}

/** Most integers an integer table covers (4 bytes each). */
const maxIntegerTable = 1 << 16;

/**
 * The counter of every integer in [⌈lookupLo⌉, ⌊lookupHi⌋] (the windows' span; at most
 * maxIntegerTable of them), found by counting those integers — ascending, one each — with the
 * layout's own passes: a counter's index grows with the value (regions, bins and atom cells are
 * numbered in order), so the j-th integer is in the counter where the cumulative count passes j.
 * The table therefore places every integer exactly where the two passes would.
 */
function integerTable(layout: HistogramLayout): Pick<HistogramLayout, 'integerBase' | 'integerCounter'> {
  const base = Math.ceil(layout.lookupLo);
  const span = Math.floor(layout.lookupHi) - base + 1;
  if (!(span >= 1 && span <= maxIntegerTable) || !Number.isSafeInteger(base)) return { integerBase: 0, integerCounter: new Int32Array(0) };
  const probes = new Float64Array(span);
  for (let j = 0; j < span; j++) probes[j] = base + j;
  const counts = new Int32Array(layout.counters + 1);
  countInto(layout, counts, probes, span);
  const integerCounter = new Int32Array(span);
  let j = 0;
  for (let c = 0; c < layout.counters; c++) for (let t = 0; t < counts[c]; t++) integerCounter[j++] = c;
  if (j !== span) throw new Error(`internal: an integer table placed ${j} of ${span} integers`);
  return { integerBase: base, integerCounter };
}

/**
 * The lookup's entries by gap number, for the WebAssembly first pass: gap k (the k-th gap region from
 * below) counts into hits[k], which the caller adds to gapCounters[k]; an entry that is not wholly in
 * a gap waits for the second pass (top bit) and hits the sink, number gaps.length, never read.
 */
function gapNumbers(regions: readonly Region[], cellCounter: Int32Array): Pick<HistogramLayout, 'gapEntry' | 'gapCounters'> {
  const gapCounters = Int32Array.from(regions.filter((r) => r.kind === 'gap'), (r) => r.offset);
  if (gapCounters.length > countingMaxGaps || cellCounter.length !== countingEntries) return { gapEntry: new Int32Array(0), gapCounters };
  const numberOf = new Map<number, number>();
  gapCounters.forEach((counter, k) => numberOf.set(counter, k));
  const sink = gapCounters.length | 0x80000000;
  const gapEntry = cellCounter.map((c) => (c >= 0 ? numberOf.get(c)! : sink));
  return { gapEntry, gapCounters };
}

/**
 * Whether a value's cell among the atoms is found by subtraction: one atom (a constant), or
 * consecutive integers (a₀ an integer, a_k = a₀ + k, so v − a₀ is exact).
 */
function onIntegers(atoms: Float64Array): boolean {
  if (atoms.length === 1) return true;
  if (!Number.isInteger(atoms[0])) return false;
  for (let k = 1; k < atoms.length; k++) if (atoms[k] !== atoms[0] + k) return false;
  return true;
}

/**
 * The histogram path of QuantileAccumulator: integer counts over a layout fixed from a pilot
 * (histogramLayout). Memory is the layout's counters (a few thousand per probability), whatever the
 * number of values; summaries with the same layout merge by adding counts. Quantiles are within
 * `layout.maxError` of the exact type-7 quantiles of the same values (below se/20 by construction: marginOf), or
 * reported unresolved (refine settles them exactly).
 */
/**
 * Whether two layouts count every value alike: equal specs (compared by value, so layouts made
 * apart — in two threads, on two machines — from the same pilot merge).
 */
export function sameLayout(a: HistogramLayout, b: HistogramLayout): boolean {
  if (a === b || a.spec === b.spec) return true;
  const x = a.spec.regions;
  const y = b.spec.regions;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const r = x[i];
    const s = y[i];
    if (r.kind !== s.kind || !Object.is(r.lo, s.lo) || !Object.is(r.hi, s.hi) || !Object.is(r.width, s.width) || r.bins !== s.bins) return false;
    if (r.atoms || s.atoms) {
      if (!r.atoms || !s.atoms || r.atoms.length !== s.atoms.length) return false;
      for (let k = 0; k < r.atoms.length; k++) if (!Object.is(r.atoms[k], s.atoms[k])) return false;
    }
  }
  return true;
}

/**
 * The histogram path of QuantileAccumulator: integer counts over a layout fixed from a pilot
 * (histogramLayout). Memory is the layout's counters (a few thousand per probability), whatever the
 * number of values; summaries with the same layout merge by adding counts. Quantiles are within
 * `layout.maxError` of the exact type-7 quantiles of the same values (below se/20 by construction: marginOf), or
 * reported unresolved (refine settles them exactly).
 */
export class HistogramQuantileAccumulator implements PortableQuantileAccumulator {
  readonly layout: HistogramLayout;
  private readonly counts: Int32Array;
  private added = 0;
  nanCount = 0;
  /**
   * Counter increments of the second pass not yet made (their count in the last slot), allocated at
   * the first block counted: after the pilot's values are returned, so not in a run's peak.
   */
  private deferred: Int32Array | undefined;
  /**
   * The last places() found, for which ranks and after how many values: a run asks twice for the same
   * ranks at its end (whether any is unresolved, then the quantiles), and the second walk over every
   * summary's ~14,000 counters took about 5 ms of the serial end of a 10⁶-draw run. The counters
   * places() reads change only as values are added, and then so does `added` (NaN goes to the sink,
   * which it never reads).
   */
  private placed: { readonly added: number; readonly ranks: readonly number[]; readonly places: readonly Place[] } | undefined;

  constructor(layout: HistogramLayout) {
    this.layout = layout;
    // Int32 counters (a run has at most 10⁷ draws): half the memory, so more of them stay in cache.
    this.counts = new Int32Array(layout.counters + 1); // + the sink
  }

  get count(): number {
    return this.added;
  }

  add(values: Float64Array, count: number): void {
    const nan = countInto(this.layout, this.counts, values, count);
    this.nanCount += nan;
    this.added += count - nan;
  }

  /**
   * As add, also adding the values' compensated sum and non-finite count to `sums` (see countInto).
   * The blocks' counting path: the second pass's counter increments wait in `deferred` and are made
   * in bulk (flushDeferred), read back before any count is (state, places).
   */
  addSummed(values: Float64Array, count: number, sums: Float64Array): void {
    this.deferred ??= new Int32Array(deferredIncrements + 1);
    const nan = countInto(this.layout, this.counts, values, count, sums, this.deferred);
    this.nanCount += nan;
    this.added += count - nan;
  }

  /**
   * Makes the deferred increments and lets their list go: counts are read at the end of a run, when
   * results and files are made, and the list's memory is then theirs (the peak stays where it was).
   */
  private settle(): void {
    if (!this.deferred) return;
    flushDeferred(this.counts, this.deferred);
    this.deferred = undefined;
  }

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof HistogramQuantileAccumulator) || !sameLayout(other.layout, this.layout)) {
      throw new Error('internal: histogram quantile summaries merge only with the same layout');
    }
    this.absorb(other.state());
  }

  /**
   * The counters (the sink excluded: it is never read), the count and the NaN count. The counters are
   * a view of this summary's own, not a copy: a worker posts its state with their memory moved, not
   * copied, at the end of a run (3.8 MB a thread at 10⁶ draws, 7.6 at 4·10⁶, were copied while both
   * copies lived). Read or post a state before this summary counts more values.
   */
  state(): QuantileState {
    this.settle();
    return { kind: 'histogram', counts: this.counts.subarray(0, this.layout.counters), count: this.added, nanCount: this.nanCount };
  }

  absorb(state: QuantileState): void {
    if (state.kind !== 'histogram' || state.counts.length !== this.layout.counters) {
      throw new Error(`internal: a histogram summary of ${this.layout.counters} counters cannot absorb ${state.kind === 'histogram' ? `${state.counts.length} counters` : 'exact values'}`);
    }
    addCounts(this.counts, state.counts);
    this.added += state.count;
    this.nanCount += state.nanCount;
  }

  /** The order statistics each probability needs that lie in a gap or between atoms. */
  unresolved(probabilities: readonly number[]): UnresolvedRank[] {
    const ranks = neededRanks(this.added, probabilities);
    return this.places(ranks).flatMap((place, k) => (place.value === undefined ? [{ rank: ranks[k], lo: place.lo, hi: place.hi, below: place.below }] : []));
  }

  /**
   * Type-7 quantiles: each needed order statistic from its bin (interpolated by rank) or atom;
   * `settled` supplies those in unresolved regions (by rank).
   * @throws Error (a bug in the caller) when an unresolved rank is not settled
   */
  quantiles(probabilities: readonly number[], settled: ReadonlyMap<number, number> = new Map()): number[] {
    const n = this.added;
    if (n === 0) return probabilities.map(() => Number.NaN);
    const ranks = neededRanks(n, probabilities);
    const found = new Map<number, number>();
    this.places(ranks).forEach((place, k) => {
      const rank = ranks[k];
      const value = settled.get(rank) ?? place.value;
      if (value === undefined) throw new Error(`internal: order statistic ${rank} lies outside the histogram's windows and was not refined`);
      found.set(rank, value);
    });
    return probabilities.map((p) => {
      const h = (n - 1) * p;
      const j = Math.floor(h);
      const fraction = h - j;
      const lower = found.get(j)!;
      return fraction > 0 && j + 1 < n ? lower + fraction * (found.get(j + 1)! - lower) : lower;
    });
  }

  /**
   * Where each order statistic of `ranks` (ascending) lies, in one walk over the counters: its
   * estimate, or the region holding it and the count below. The walk passes whole counters until the
   * next rank's (a loop over the counts alone: ~14,000 of them a summary, read at the end of a run).
   * The same ranks again, with no value added since, get the same answer without a walk.
   */
  private places(ranks: readonly number[]): readonly Place[] {
    this.settle();
    const placed = this.placed;
    if (placed && placed.added === this.added && placed.ranks.length === ranks.length && placed.ranks.every((rank, k) => rank === ranks[k])) return placed.places;
    const out: Place[] = [];
    const { regions, counters } = this.layout;
    const counts = this.counts;
    let counter = 0;
    let below = 0;
    let r = 0;
    for (const rank of ranks) {
      // The counter holding the rank: the first whose cumulative count passes it (none: a bug). Eight
      // counters at a time while all eight lie below it (one dependent addition per eight), then one by one.
      for (; counter + 8 <= counters; counter += 8) {
        const sum = counts[counter] + counts[counter + 1] + counts[counter + 2] + counts[counter + 3] + counts[counter + 4] + counts[counter + 5] + counts[counter + 6] + counts[counter + 7];
        if (below + sum > rank) break;
        below += sum;
      }
      while (counter < counters && below + counts[counter] <= rank) below += counts[counter++];
      if (counter === counters) throw new Error(`internal: rank ${rank} beyond the ${this.added} values of a histogram summary`);
      while (regions[r].offset + regions[r].bins <= counter) r++;
      const region = regions[r];
      const cell = counter - region.offset;
      const c = counts[counter];
      if (region.kind === 'bins') {
        const lo = region.lo + cell * region.width;
        out.push({ value: lo + (region.width * (rank - below + 0.5)) / c, lo, hi: lo + region.width, below });
      } else if (region.kind === 'atoms') {
        const atoms = region.atoms!;
        const a = cell >> 1;
        if ((cell & 1) === 0) out.push({ value: atoms[a], lo: atoms[a], hi: atoms[a], below });
        else out.push({ lo: nextUp(atoms[a]), hi: a + 1 < atoms.length ? atoms[a + 1] : region.hi, below });
      } else out.push({ lo: region.lo, hi: region.hi, below });
    }
    this.placed = { added: this.added, ranks: [...ranks], places: out };
    return out;
  }
}

/** Where an order statistic lies (HistogramQuantileAccumulator.places): its estimate, or the region [lo, hi] holding it and the count below. */
interface Place {
  readonly value?: number;
  readonly lo: number;
  readonly hi: number;
  readonly below: number;
}

/** Values of a block that need the second pass (those in lookup entries not wholly in a gap). */
let pending = new Float64Array(4096);

/**
 * The cell of `v` in a table of `cells` cells over [lo, lo + cells/scale): 1 + ⌊(v − lo)·scale⌋,
 * 0 below (and for NaN), cells + 1 from the end on. Ternaries, not Math.min/max: measured a third
 * faster in V8 (Node 20) in the counting loop.
 */
function cellOf(v: number, lo: number, scale: number, top: number): number {
  const x = (v - lo) * scale + 1;
  return x > 0 ? (x < top ? x | 0 : top) : 0;
}

/**
 * Counts values[0 … count) into their regions' counters; returns how many were NaN (not counted).
 * With `sums` ([sum, compensation, non-finite count], added to), the same pass also takes the
 * values' Neumaier-compensated sum — in order, exactly as BlockSums.add — and counts the values that
 * are NaN or infinite: a variable's summary reads its column once.
 * Two passes: the first counts every value of a lookup entry wholly inside a gap (most values) and
 * appends the others to `pending` (a store, and an index advanced by 0 or 1: no branch on the
 * value); the second places each pending value by the finer table (most) or the region search.
 * Each loop is a function of its own: V8 compiles a long loop on-stack during its first call, and a
 * second loop in the same function, or code after it, then lacks type feedback and deoptimises.
 */
function countInto(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, sums?: Float64Array, deferred?: Int32Array): number {
  const integers = layout.integerCounter.length > 0;
  // A column of a layout without an integer table: the first pass in WebAssembly, where it runs, a
  // block's length at a time (a pilot's values are longer: counted, summed and checked in the same order).
  const kernels = !integers && layout.gapEntry.length > 0 ? countingKernels() : undefined;
  if (kernels && count > countingColumn) {
    let nan = 0;
    for (let from = 0; from < count; from += countingColumn) {
      nan += countInto(layout, counts, values.subarray(from, Math.min(count, from + countingColumn)), Math.min(countingColumn, count - from), sums, deferred);
    }
    return nan;
  }
  let waiting: Float64Array = pending;
  let next: number;
  if (kernels) {
    next = countInKernels(kernels, layout, counts, values, count, sums);
    waiting = kernels.waiting;
  } else {
    if (pending.length < count) waiting = pending = new Float64Array(count);
    next = sums
      ? integers
        ? countIntegersSummed(layout, counts, values, count, waiting, sums)
        : countGapsSummed(layout, counts, values, count, waiting, sums)
      : integers
        ? countIntegers(layout, counts, values, count, waiting)
        : countGaps(layout, counts, values, count, waiting);
  }
  const nan = nanOfLastPass;
  counts[layout.offset[0]] -= nan;
  if (!deferred || next > deferredIncrements) countPending(layout, counts, waiting, next);
  else {
    if (deferred[deferredIncrements] + next > deferredIncrements) flushDeferred(counts, deferred);
    deferPending(layout, counts, waiting, 0, next, deferred);
  }
  return nan;
}

/**
 * countGaps (or, with `sums`, countGapsSummed) by the WebAssembly pass: the values and the lookup by
 * gap number go into its memory, its hits per gap into the gaps' counters; the values left for the
 * second pass stay in `kernels.waiting`. Returns how many they are; nanOfLastPass as the loops set it.
 */
function countInKernels(kernels: CountingKernels, layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, sums: Float64Array | undefined): number {
  kernels.values.set(count === values.length ? values : values.subarray(0, count));
  kernels.entries.set(layout.gapEntry);
  let next: number;
  if (sums) {
    kernels.sums[0] = sums[0];
    kernels.sums[1] = sums[1];
    next = kernels.countGapsSummed(count, layout.lookupLo, layout.lookupScale);
    sums[0] = kernels.sums[0];
    sums[1] = kernels.sums[1];
    // As countGapsSummed: the non-finite values are counted only when the sum says there are some.
    if (Number.isFinite(sums[0])) nanOfLastPass = 0;
    else countNonFinite(values, count, sums);
  } else {
    next = kernels.countGaps(count, layout.lookupLo, layout.lookupScale);
    nanOfLastPass = kernels.nan[0];
  }
  const { gapCounters } = layout;
  const hits = kernels.hits;
  for (let g = 0; g < gapCounters.length; g++) {
    counts[gapCounters[g]] += hits[g];
    hits[g] = 0;
  }
  hits[gapCounters.length] = 0; // the sink's
  return next;
}

/** NaN values seen by the last first pass (a number, not a returned object: no garbage per call). */
let nanOfLastPass = 0;

/** The first pass: gap values counted, the others appended to `waiting`; returns how many were appended. */
function countGaps(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, waiting: Float64Array): number {
  const { entry, lookupLo, lookupScale } = layout;
  const top = lookupCells + 1;
  let nan = 0;
  let next = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    // Below the windows → entry 0, above → the last; NaN lands in entry 0 and is taken back after.
    nan += (v !== v) as unknown as number;
    const x = (v - lookupLo) * lookupScale + 1;
    const e = entry[x > 0 ? (x < top ? x | 0 : top) : 0];
    counts[e & 0x7fffffff]++;
    waiting[next] = v;
    next += e >>> 31;
  }
  nanOfLastPass = nan;
  return next;
}

/** countGaps with the compensated sum and the non-finite count (see countInto). */
function countGapsSummed(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, waiting: Float64Array, sums: Float64Array): number {
  const { entry, lookupLo, lookupScale } = layout;
  const top = lookupCells + 1;
  let next = 0;
  let sum = sums[0];
  let compensation = sums[1];
  for (let i = 0; i < count; i++) {
    const v = values[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
    const x = (v - lookupLo) * lookupScale + 1;
    const e = entry[x > 0 ? (x < top ? x | 0 : top) : 0];
    counts[e & 0x7fffffff]++;
    waiting[next] = v;
    next += e >>> 31;
  }
  sums[0] = sum;
  sums[1] = compensation;
  // A NaN or an infinity makes the sum NaN or infinite: only then are they counted (a second, rare pass).
  if (Number.isFinite(sum)) nanOfLastPass = 0;
  else countNonFinite(values, count, sums);
  return next;
}

/**
 * countGaps for a layout with an integer table: an integer of the table's span goes straight to its
 * counter; any other value as in countGaps. j = d | 0 equals d only for an int32 d (NaN, ±∞ and
 * fractions fail), and then 0 ≤ j < span picks the table's entry.
 */
function countIntegers(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, waiting: Float64Array): number {
  const { entry, lookupLo, lookupScale, integerBase, integerCounter } = layout;
  const top = lookupCells + 1;
  const span = integerCounter.length;
  let nan = 0;
  let next = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    const d = v - integerBase;
    const j = d | 0;
    if (j === d && j >= 0 && j < span) counts[integerCounter[j]]++;
    else {
      nan += (v !== v) as unknown as number;
      const x = (v - lookupLo) * lookupScale + 1;
      const e = entry[x > 0 ? (x < top ? x | 0 : top) : 0];
      counts[e & 0x7fffffff]++;
      waiting[next] = v;
      next += e >>> 31;
    }
  }
  nanOfLastPass = nan;
  return next;
}

/** countIntegers with the compensated sum and the non-finite count (see countInto and countGapsSummed). */
function countIntegersSummed(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number, waiting: Float64Array, sums: Float64Array): number {
  const { entry, lookupLo, lookupScale, integerBase, integerCounter } = layout;
  const top = lookupCells + 1;
  const span = integerCounter.length;
  let next = 0;
  let sum = sums[0];
  let compensation = sums[1];
  for (let i = 0; i < count; i++) {
    const v = values[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
    const d = v - integerBase;
    const j = d | 0;
    if (j === d && j >= 0 && j < span) counts[integerCounter[j]]++;
    else {
      const x = (v - lookupLo) * lookupScale + 1;
      const e = entry[x > 0 ? (x < top ? x | 0 : top) : 0];
      counts[e & 0x7fffffff]++;
      waiting[next] = v;
      next += e >>> 31;
    }
  }
  sums[0] = sum;
  sums[1] = compensation;
  if (Number.isFinite(sum)) nanOfLastPass = 0;
  else countNonFinite(values, count, sums);
  return next;
}

/** The NaN (into nanOfLastPass) and the NaN or infinite values (added to sums[2]) of a column. */
function countNonFinite(values: Float64Array, count: number, sums: Float64Array): void {
  let nan = 0;
  let bad = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    bad += (v - v !== 0) as unknown as number;
    nan += (v !== v) as unknown as number;
  }
  sums[2] += bad;
  nanOfLastPass = nan;
}

/**
 * Increments a summary's second pass defers, at most (a block's 4096 values; a longer column is
 * counted at once). A block's second pass scatters a few hundred increments over some 14,000
 * counters (10⁶ draws), and a thread cycles through about a hundred summaries a block, so most
 * increments missed the cache; made in bulk, several land on each line fetched. 16 KB a summary,
 * 1.7 MB a thread for the baseline.
 */
const deferredIncrements = 4096;

/**
 * counts[i] += other[i] for every counter of `other`. A function of one loop, apart from absorb: V8
 * compiled absorb's loop on-stack during its first call, before the lines after it had run, and that
 * code then deoptimised at the end of every call (103 times in a 10⁶-draw run on two threads, once
 * for each summary the worker's state brings; see src/evaluate/quantiles.ts on the same pattern).
 */
function addCounts(counts: Int32Array, other: Int32Array): void {
  for (let i = 0; i < other.length; i++) counts[i] += other[i];
}

/** Makes the deferred increments (deferred[0 … n), n in the last slot) and empties the list. */
function flushDeferred(counts: Int32Array, deferred: Int32Array): void {
  const n = deferred[deferredIncrements];
  for (let i = 0; i < n; i++) counts[deferred[i]]++;
  deferred[deferredIncrements] = 0;
}

/**
 * The second pass of countInto over values[from … to): each value's counter by the finer table's
 * region (a bin, or an atom on the integers), appended to `deferred` (room for to − from more);
 * a value the table cannot place takes the region search and is counted at once.
 */
function deferPending(layout: HistogramLayout, counts: Int32Array, values: Float64Array, from: number, to: number, deferred: Int32Array): void {
  const { fine, fineScale, lookupLo, kind, lo, hi, inverseWidth, offset, bins } = layout;
  const top = fineCells + 1;
  let at = deferred[deferredIncrements];
  for (let i = from; i < to; i++) {
    const v = values[i];
    const r = fine[cellOf(v, lookupLo, fineScale, top)];
    if (r < 0) countSearched(layout, counts, v);
    else if (kind[r] === 1) deferred[at++] = offset[r] + Math.min(((v - lo[r]) * inverseWidth[r]) | 0, bins[r] - 1);
    else if (v >= lo[r] && v < hi[r]) deferred[at++] = offset[r] + latticeCell(v - lo[r]);
    else countSearched(layout, counts, v);
  }
  deferred[deferredIncrements] = at;
}

/** Increments deferPending lists for countPending, made at once. */
const immediate = new Int32Array(deferredIncrements + 1);

/** The second pass of countInto with every increment made now (the pilot's values; an oversized column). */
function countPending(layout: HistogramLayout, counts: Int32Array, values: Float64Array, count: number): void {
  for (let from = 0; from < count; from += deferredIncrements) {
    deferPending(layout, counts, values, from, Math.min(count, from + deferredIncrements), immediate);
    flushDeferred(counts, immediate);
  }
}

/** One value by the region search: the coarse lookup's region, a few steps to the right one, then its counter. */
function countSearched(layout: HistogramLayout, counts: Int32Array, v: number): void {
  const { edges, lookup, lookupLo, lookupScale, kind, lo, inverseWidth, offset, bins, regions } = layout;
  let r = lookup[cellOf(v, lookupLo, lookupScale, lookupCells + 1)];
  while (r > 0 && v < edges[r - 1]) r--;
  while (r < edges.length && v >= edges[r]) r++;
  const k = kind[r];
  if (k === 0) counts[offset[r]]++;
  else if (k === 1) counts[offset[r] + Math.min(((v - lo[r]) * inverseWidth[r]) | 0, bins[r] - 1)]++;
  else if (k === 3) counts[offset[r] + latticeCell(v - lo[r])]++;
  else counts[offset[r] + atomCell(regions[r].atoms!, v)]++;
}

/**
 * Cell of v among integer atoms a₀, a₀ + 1, … from d = v − a₀ ≥ 0: atom k (cell 2k) when d = k, cell
 * 2k + 1 strictly between atoms k and k + 1 (atomCell's cells, by subtraction).
 */
function latticeCell(d: number): number {
  const k = d | 0;
  return 2 * k + ((d !== k) as unknown as number);
}

/** Cell of v among atoms a₀ < a₁ < …: 2k when v = a_k, 2k + 1 when a_k < v < a_{k+1} (v ≥ a₀). */
function atomCell(atoms: Float64Array, v: number): number {
  let low = 0;
  let high = atoms.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (atoms[mid] <= v) low = mid;
    else high = mid - 1;
  }
  return v === atoms[low] ? 2 * low : 2 * low + 1;
}

/** Order statistics (0-based) type 7 needs at `probabilities` over n values, ascending, distinct. */
export function neededRanks(n: number, probabilities: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of probabilities) {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    ranks.add(j);
    if (h > j && j + 1 < n) ranks.add(j + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}
