// The quantile summaries of one run: exact for small runs, histograms laid out from a pilot for large ones.
//
//   run blocks 0 … pilotBlocks−1      every summary exact (keeps its values)
//   endPilot()                        each summary lays out its histogram from its own pilot values
//   run the other blocks (any order)  integer counts
//   unresolved?                       a second pass (refine mode) keeps only the values of the few
//                                     regions that hold an order statistic outside every window
import { ExactQuantileAccumulator, type QuantileAccumulator } from './quantile-accumulator.js';
import { histogramLayout, HistogramQuantileAccumulator, type UnresolvedRank } from './histogram-quantile-accumulator.js';
import { quantileProbabilities } from './quantiles.js';
import { blockSize } from '../simulate/draw-blocks.js';

/** Blocks whose values lay out the histograms: 8 × 4096 = 32,768 draws. */
export const pilotBlocks = 8;
/**
 * Up to this many draws every quantile is exact (type 7 of all draws): memory is then 8 bytes a draw
 * per summary. Above it, histogram summaries within se/20 of the exact quantiles (docs/scale.md).
 */
export const exactQuantileMaxDraws = 65_536;

/** A summary that is exact during the pilot and a histogram after it. */
class PilotedQuantileAccumulator implements QuantileAccumulator {
  private exact?: ExactQuantileAccumulator;
  private histogram?: HistogramQuantileAccumulator;
  private settled = new Map<number, number>();
  private readonly probabilities: readonly number[];

  /** @param expectedCount values the exact phase expects (all draws, or the pilot's) */
  constructor(probabilities: readonly number[], expectedCount: number) {
    this.probabilities = probabilities;
    this.exact = new ExactQuantileAccumulator(expectedCount);
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

  merge(other: QuantileAccumulator): void {
    if (!(other instanceof PilotedQuantileAccumulator)) throw new Error('internal: piloted summaries merge only with each other');
    (this.histogram ?? this.exact)!.merge((other.histogram ?? other.exact)!);
  }

  /** Lays out the histogram from the values so far (the pilot) and counts them into it. */
  endPilot(expectedCount: number): void {
    const exact = this.exact!;
    if (exact.count < 64) return; // too few values to lay out: stays exact (a rarely defined quantity)
    const histogram = new HistogramQuantileAccumulator(histogramLayout(exact.values(), this.probabilities, expectedCount));
    histogram.add(exact.values(), exact.count);
    histogram.nanCount += exact.nanCount;
    this.histogram = histogram;
    this.exact = undefined;
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

/** In a refine pass: keeps the values of one summary's unresolved regions, then settles its ranks. */
class RefiningCollector implements QuantileAccumulator {
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

  merge(): void {
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

/**
 * Makes the quantile summaries of one run, in creation order (trackers and summaries are created in
 * the same order every pass, which is how a refine pass finds each summary again).
 */
export class QuantileSummaries {
  readonly exact: boolean;
  private readonly draws: number;
  private readonly made: PilotedQuantileAccumulator[] = [];
  private readonly refining?: { readonly of: PilotedQuantileAccumulator[]; readonly collectors: RefiningCollector[] };

  /**
   * @param draws the run's draw count
   * @param exact keep every value (type 7 exact) instead of histograms after the pilot
   * @param refineOf the summaries of the pass to refine (this is then a refine pass)
   */
  constructor(draws: number, exact: boolean, refineOf?: QuantileSummaries) {
    this.draws = draws;
    this.exact = exact || draws <= exactQuantileMaxDraws;
    if (refineOf) this.refining = { of: refineOf.made, collectors: [] };
  }

  /** A new summary for `probabilities` (the histogram is laid out for these). */
  create(probabilities: readonly number[] = quantileProbabilities): QuantileAccumulator {
    if (this.refining) {
      const target = this.refining.of[this.refining.collectors.length];
      if (!target) throw new Error('internal: a refine pass created more summaries than the pass it refines');
      const collector = new RefiningCollector(target);
      this.refining.collectors.push(collector);
      return collector;
    }
    const summary = new PilotedQuantileAccumulator(probabilities, this.exact ? this.draws : Math.min(this.draws, pilotBlocks * blockSize));
    this.made.push(summary);
    return summary;
  }

  /** After the pilot blocks: every summary becomes a histogram (unless exact). */
  endPilot(): void {
    if (this.exact || this.refining) return;
    for (const summary of this.made) summary.endPilot(this.draws);
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
