// The quantile summaries of one run: exact for small runs, histograms laid out from a pilot for large ones.
//
//   run blocks 0 … pilot − 1          every summary exact (keeps its values); pilotBlocksFor(draws) blocks
//   endPilot()                        each summary lays out its histogram from its own pilot values
//                                     (plus those of pilot blocks another part counts, when given)
//   run the other blocks (any order)  integer counts; a part given the layouts starts here
//   unresolved?                       a second pass (refine mode) keeps only the values of the few
//                                     regions that hold an order statistic outside every window
// Summaries are made in the same order by every part of a run (threads, shards, refine passes):
// the k-th summary of one part is the k-th of every other, which is how states are matched up.
import { ExactQuantileAccumulator, type PortableQuantileAccumulator, type QuantileAccumulator, type QuantileState } from './quantile-accumulator.js';
import {
  histogramLayoutOf,
  HistogramQuantileAccumulator,
  planHistogramLayout,
  type HistogramLayout,
  type HistogramLayoutSpec,
  type UnresolvedRank,
} from './histogram-quantile-accumulator.js';
import type { LayoutMemo } from './layout-memo.js';
import { quantileProbabilities } from './quantiles.js';
import { blockSize } from '../simulate/draw-blocks.js';

/** Most pilot blocks (8 × 4096 = 32,768 draws, from 10⁶ draws on): the pilot's values are all held at once. */
const maxPilotBlocks = 8;
/** Fewest pilot blocks (8,192 draws). */
const minPilotBlocks = 2;

/**
 * The blocks whose values lay out the histograms of a run of `draws`: 8·(N/10⁶)^(2/3), rounded, within
 * [2, 8]: 2 blocks up to about 175,000 draws, 4 at 300,000, 8 from about 910,000.
 *
 * Why N^(2/3): a pilot of m values costs the layout about a·m (finding windows, order statistics and
 * atoms), and its windows hold a share ∝ 1/√m of every later value, each placed by the slower second
 * counting pass: b·N/√m. The sum is least at m ∝ N^(2/3). The constant is measured: at 10⁶ draws 8
 * blocks beat 4 (whose wider windows cost 7% more CPU); at 10⁵ draws, in a sweep of 8 variants on one
 * thread, 2 blocks spend 705 ms laying out and 584 ms in the second pass, 8 blocks 1,387 and 241
 * (4.29 s against 4.70 s in all). The cap keeps the pilot's memory (8 bytes a draw per summary) at
 * 32,768 draws however large the run.
 * @example pilotBlocksFor(100_000); // => 2
 */
export function pilotBlocksFor(draws: number): number {
  return Math.min(maxPilotBlocks, Math.max(minPilotBlocks, Math.round(maxPilotBlocks * Math.cbrt((draws / 1e6) ** 2))));
}
/**
 * Up to this many draws every quantile is exact (type 7 of all draws): memory is then 8 bytes a draw
 * per summary. Above it, histogram summaries within se/20 of the exact quantiles (docs/scale.md).
 */
export const exactQuantileMaxDraws = 65_536;

/**
 * Values each quantile summary of a run holds at once: every draw when its quantiles are exact (at
 * most exactQuantileMaxDraws draws, or `exactQuantiles`), else the pilot's (at most 8 blocks of
 * 4096): what the size limit on held values counts (docs/security.md).
 * @example valuesHeldPerSummary(20_000, false); // => 20000
 * @example valuesHeldPerSummary(10_000_000, false); // => 32768
 */
export function valuesHeldPerSummary(draws: number, exactQuantiles: boolean): number {
  return exactQuantiles || draws <= exactQuantileMaxDraws ? draws : pilotValuesFor(draws);
}

/** Values of the pilot per summary: pilotBlocksFor(draws) blocks, at most the draws. */
function pilotValuesFor(draws: number): number {
  return Math.min(draws, pilotBlocksFor(draws) * blockSize);
}

/** Fewer pilot values than this lay out no histogram: the summary stays exact (a rarely defined quantity). */
const minimumPilotValues = 64;

/**
 * A summary of a variable's column: a portable quantile summary whose counting pass also takes the
 * column's compensated sum and counts its non-finite values (see ExactQuantileAccumulator.addSummed).
 */
export interface ColumnQuantileAccumulator extends PortableQuantileAccumulator {
  addSummed(values: Float64Array, count: number, sums: Float64Array): void;
}

/**
 * Where a run's pilot values are kept: a few large blocks, each holding the pilot of
 * arenaSummaries summaries, instead of a buffer per summary. At 10⁶ draws the pilot holds about 27 MB
 * (32,768 values × 8 bytes × 108 summaries for the shipped model). glibc maps an allocation above its
 * threshold (128 KB, raised to the largest block freed so far, at most 32 MB) on its own and unmaps it
 * when it is freed; smaller ones come from its heap, which keeps their pages. With a quarter-megabyte
 * buffer per summary the pilot stayed resident for the whole run, even after a forced collection freed
 * the buffers; with blocks of 16 MB (all of one size, so each is at or above the threshold that freeing
 * the last one set) it leaves (measured: peak RSS 128.7 against 149.4 MB at 10⁶ draws on two threads).
 */
class PilotArena {
  private readonly values: number;
  private block = new Float64Array(0);
  private used = 0;
  /** Bytes handed out so far. */
  bytes = 0;

  /** @param values each summary's pilot values */
  constructor(values: number) {
    this.values = values;
  }

  /** The next summary's buffer (`values` values). */
  take(): Float64Array {
    if (this.used + this.values > this.block.length) {
      this.block = new Float64Array(this.values * arenaSummaries);
      this.used = 0;
    }
    this.bytes += this.values * Float64Array.BYTES_PER_ELEMENT;
    return this.block.subarray(this.used, (this.used += this.values));
  }
}

/** Summaries whose pilot values share one block of a PilotArena (16 MB at 10⁶ draws). */
const arenaSummaries = 64;

/** A summary that is exact during the pilot and a histogram after it. */
class PilotedQuantileAccumulator implements ColumnQuantileAccumulator {
  private exact?: ExactQuantileAccumulator;
  private histogram?: HistogramQuantileAccumulator;
  private settled = new Map<number, number>();
  private readonly probabilities: readonly number[];

  /**
   * @param expectedCount values the exact phase expects (all draws, or the pilot's)
   * @param layout start as a histogram of this layout (a part given the layouts), `null` to stay exact
   * @param pilot the arena of the run's pilot values (a piloted summary), which lends its buffer
   */
  constructor(probabilities: readonly number[], expectedCount: number, layout?: HistogramLayout | null, pilot?: PilotArena) {
    this.probabilities = probabilities;
    if (layout) this.histogram = new HistogramQuantileAccumulator(layout);
    else this.exact = new ExactQuantileAccumulator(layout === null ? 0 : expectedCount, pilot?.take());
  }

  get count(): number {
    return (this.histogram ?? this.exact)!.count;
  }

  add(values: Float64Array, count: number): void {
    // Two direct calls, not one through `histogram ?? exact`: a call site that sees both classes goes
    // megamorphic and deoptimises again and again (measured: the run's slowest loop at a third of its speed).
    if (this.histogram !== undefined) this.histogram.add(values, count);
    else this.exact!.add(values, count);
  }

  addSummed(values: Float64Array, count: number, sums: Float64Array): void {
    if (this.histogram !== undefined) this.histogram.addSummed(values, count, sums);
    else this.exact!.addSummed(values, count, sums);
  }

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof PilotedQuantileAccumulator)) throw new Error('internal: piloted summaries merge only with each other');
    this.absorb(other.state());
  }

  state(): QuantileState {
    return (this.histogram ?? this.exact)!.state();
  }

  absorb(state: QuantileState): void {
    (this.histogram ?? this.exact)!.absorb(state);
  }

  /**
   * Lays out the histogram from the values so far (the pilot) and those of `alsoShaping` (pilot values
   * that another part counts), and counts the values so far into it.
   */
  endPilot(expectedCount: number, alsoShaping?: ExactQuantileAccumulator, memo?: LayoutMemo): void {
    const exact = this.exact!;
    // Both parts' values, in that order; no copy when one of them has none (a shard that counts no
    // pilot block, the usual case: a quarter-megabyte copy per summary stayed resident, as PilotArena says).
    const own = exact.values();
    const other = alsoShaping && alsoShaping.count > 0 ? alsoShaping.values() : undefined;
    const shaping = other ? (own.length > 0 ? concat(own, other) : other) : own;
    if (shaping.length < minimumPilotValues) {
      // Too few values to lay out: stays exact, its values moved out of the pilot's arena.
      exact.ownValues();
      return;
    }
    const layout = memo ? memo.layoutOf(shaping, this.probabilities, expectedCount) : histogramLayoutOf(planHistogramLayout(shaping, this.probabilities, expectedCount));
    const histogram = new HistogramQuantileAccumulator(layout);
    histogram.add(exact.values(), exact.count);
    histogram.nanCount += exact.nanCount;
    this.histogram = histogram;
    this.exact = undefined;
  }

  /** Hands an exact phase's memory on to the next summaries (the results are read; see ExactQuantileAccumulator.release). */
  release(): void {
    this.exact?.release();
  }

  /** The layout, or null while exact. */
  layout(): HistogramLayout | null {
    return this.histogram?.layout ?? null;
  }

  /** The exact phase's accumulator (a layout-only pilot part reads its values). */
  exactValues(): ExactQuantileAccumulator | undefined {
    return this.exact;
  }

  unresolved(): UnresolvedRank[] {
    return this.histogram ? this.histogram.unresolved(this.probabilities).filter((u) => !this.settled.has(u.rank)) : [];
  }

  settle(rank: number, value: number): void {
    this.settled.set(rank, value);
  }

  quantiles(probabilities: readonly number[]): number[] {
    return this.histogram ? this.histogram.quantiles(probabilities, this.settled) : this.exact!.quantiles(probabilities);
  }
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** In a refine pass: keeps the values of one summary's unresolved regions, then settles its ranks. */
class RefiningCollector implements ColumnQuantileAccumulator {
  private readonly target: PilotedQuantileAccumulator;
  private readonly wanted: readonly UnresolvedRank[];
  private readonly kept: number[][];
  count = 0;

  constructor(target: PilotedQuantileAccumulator) {
    this.target = target;
    this.wanted = target.unresolved();
    this.kept = this.wanted.map(() => []);
  }

  add(values: Float64Array, count: number): void {
    this.count += count;
    if (this.wanted.length === 0) return;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      for (let k = 0; k < this.wanted.length; k++) if (v >= this.wanted[k].lo && v < this.wanted[k].hi) this.kept[k].push(v);
    }
  }

  addSummed(values: Float64Array, count: number): void {
    this.add(values, count);
  }

  merge(): void {
    throw new Error('internal: refine passes run in one thread');
  }

  state(): QuantileState {
    throw new Error('internal: refine passes run in one thread');
  }

  absorb(): void {
    throw new Error('internal: refine passes run in one thread');
  }

  quantiles(probabilities: readonly number[]): number[] {
    return probabilities.map(() => Number.NaN);
  }

  /** Exact selection of each unresolved rank among its region's values. */
  finish(): void {
    this.wanted.forEach((u, k) => {
      const sorted = Float64Array.from(this.kept[k]).sort();
      const value = sorted[u.rank - u.below];
      if (value === undefined) throw new Error(`internal: refining rank ${u.rank} found ${sorted.length} values in its region`);
      this.target.settle(u.rank, value);
    });
  }
}

/** How a run's summaries start (see QuantileSummaries). */
export type QuantileSummariesMode =
  /** Exact at any draw count (--exact-quantiles; also every run of at most exactQuantileMaxDraws). */
  | { readonly exact: true }
  /** Exact through the pilot, histograms after it (exact anyway up to exactQuantileMaxDraws). */
  | { readonly exact: false }
  /**
   * Histograms of these layouts from the start (null: exact), in creation order: a part of a run whose
   * pilot is run elsewhere. Whole layouts, not specs: a worker then counts at once, without deriving
   * every layout's tables again (measured ≈ 0.1 s of a cold worker for the shipped model).
   */
  | { readonly layouts: readonly (HistogramLayout | null)[] }
  /** A refine pass over the summaries of another pass. */
  | { readonly refineOf: QuantileSummaries };

/**
 * Makes the quantile summaries of one run, in creation order (trackers and summaries are created in
 * the same order every pass, which is how a refine pass finds each summary again).
 */
export class QuantileSummaries {
  readonly exact: boolean;
  private readonly draws: number;
  private readonly made: PilotedQuantileAccumulator[] = [];
  private readonly given?: readonly (HistogramLayout | null)[];
  private readonly refining?: { readonly of: PilotedQuantileAccumulator[]; readonly collectors: RefiningCollector[] };
  /** The pilot's values while it runs (piloted summaries only); dropped by endPilot. */
  private pilot?: PilotArena;
  /** Bytes of pilot values this part held, its own and those of the summaries that shaped its layouts (0 for exact runs and parts given their layouts). */
  pilotBytes = 0;

  private readonly memo?: LayoutMemo;

  /**
   * @param draws the run's draw count
   * @param mode exact, piloted, given layouts, or a refine pass (a boolean: exact or piloted)
   * @param memo where a piloted run finds the layouts of an earlier run with the same pilot values
   */
  constructor(draws: number, mode: QuantileSummariesMode | boolean, memo?: LayoutMemo) {
    this.memo = memo;
    const how: QuantileSummariesMode = typeof mode === 'boolean' ? { exact: mode } : mode;
    this.draws = draws;
    if ('refineOf' in how) {
      this.exact = true;
      this.refining = { of: how.refineOf.made, collectors: [] };
    } else if ('layouts' in how) {
      this.exact = false;
      this.given = how.layouts;
    } else this.exact = how.exact || draws <= exactQuantileMaxDraws;
    if (!this.exact && !this.given && !this.refining) this.pilot = new PilotArena(pilotValuesFor(this.draws));
  }

  /** A new summary for `probabilities` (the histogram is laid out for these). */
  create(probabilities: readonly number[] = quantileProbabilities): ColumnQuantileAccumulator {
    if (this.refining) {
      const target = this.refining.of[this.refining.collectors.length];
      if (!target) throw new Error('internal: a refine pass created more summaries than the pass it refines');
      const collector = new RefiningCollector(target);
      this.refining.collectors.push(collector);
      return collector;
    }
    if (this.given && this.made.length >= this.given.length) throw new Error('internal: more summaries than the layouts given');
    const layout = this.given ? this.given[this.made.length] : undefined;
    const summary = new PilotedQuantileAccumulator(probabilities, this.exact ? this.draws : pilotValuesFor(this.draws), layout, this.pilot);
    this.made.push(summary);
    return summary;
  }

  /**
   * After the pilot blocks: every summary becomes a histogram (unless exact). `alsoShaping`, the
   * summaries of pilot blocks that another part counts (made in the same order), shape the layouts too.
   */
  endPilot(alsoShaping?: QuantileSummaries): void {
    if (this.exact || this.refining || this.given) return;
    this.made.forEach((summary, k) => summary.endPilot(this.draws, alsoShaping?.made[k]?.exactValues(), this.memo));
    // Every summary has counted its pilot values or moved them out: the arena is garbage (and so are
    // the shaping summaries', once their caller lets them go).
    this.pilotBytes = (this.pilot?.bytes ?? 0) + (alsoShaping?.pilot?.bytes ?? 0);
    this.pilot = undefined;
  }

  /** Each summary's layout after the pilot (null: exact), for the parts that run without a pilot. */
  layouts(): (HistogramLayout | null)[] {
    return this.made.map((s) => s.layout());
  }

  /** Each summary's layout spec after the pilot (null: exact). */
  layoutSpecs(): (HistogramLayoutSpec | null)[] {
    return this.made.map((s) => s.layout()?.spec ?? null);
  }

  /** After the results are read: every exact summary's memory goes to the next summaries made (any later use throws). */
  release(): void {
    for (const summary of this.made) summary.release();
  }

  /** Whether some order statistic lies outside every window (then run a refine pass). */
  needsRefinement(): boolean {
    return this.made.some((s) => s.unresolved().length > 0);
  }

  /** After a refine pass: settles the summaries of the pass it refined. */
  finishRefinement(): void {
    for (const collector of this.refining?.collectors ?? []) collector.finish();
  }
}
