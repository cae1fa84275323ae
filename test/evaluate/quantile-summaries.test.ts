// Quantile summaries: exact below the threshold, atoms exact, refinement exact, merge by counts.
import { describe, expect, it } from 'vitest';
import { BlockSums } from '../../src/evaluate/block-sums.js';
import { histogramLayout, HistogramQuantileAccumulator } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { ExactQuantileAccumulator } from '../../src/evaluate/quantile-accumulator.js';
import { exactQuantileMaxDraws, QuantileSummaries } from '../../src/evaluate/quantile-summaries.js';
import { quantileProbabilities, quantilesOf } from '../../src/evaluate/quantiles.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

const pilotSize = 32_768;

function normals(n: number, key: string, mean = 0): Float64Array {
  const out = new Float64Array(n);
  createStream(1, key).fillStandardNormal(out);
  for (let i = 0; i < n; i++) out[i] += mean;
  return out;
}

/** Feeds `parts` to a summary in blocks of 4096 (the pilot first). */
function feed(summary: { add(values: Float64Array, count: number): void }, values: Float64Array): void {
  for (let at = 0; at < values.length; at += 4096) {
    const block = values.subarray(at, Math.min(values.length, at + 4096));
    summary.add(block, block.length);
  }
}

describe('QuantileSummaries', () => {
  it('stays exact up to the documented draw count', () => {
    const values = normals(50_000, 'a');
    const summaries = new QuantileSummaries(values.length, false);
    expect(summaries.exact).toBe(values.length <= exactQuantileMaxDraws);
    const summary = summaries.create();
    feed(summary, values);
    summaries.endPilot();
    expect(summary.quantiles(quantileProbabilities)).toEqual(Array.from(quantilesOf(values, quantileProbabilities)));
  });

  it('keeps a large run\'s pilot values in shared blocks: the same histograms as a buffer per summary, and the blocks let go at the end of the pilot', () => {
    const draws = 1_000_000;
    const pilotValues = 32_768; // pilotBlocksFor(10⁶) = 8 blocks of 4096
    const summaries = new QuantileSummaries(draws, false);
    // More summaries than one block holds (64), the last with too few values to lay out a histogram.
    const made = Array.from({ length: 70 }, () => summaries.create());
    const pilots = made.map((_, k) => normals(pilotValues, `pilot ${k}`, k));
    made.slice(0, 69).forEach((summary, k) => feed(summary, pilots[k]));
    made[69].add(Float64Array.of(3, 1, 2), 3);
    summaries.endPilot();
    expect(summaries.pilotBytes).toBe(70 * pilotValues * 8);
    for (const [k, summary] of made.slice(0, 69).entries()) {
      const rest = normals(20_000, `rest ${k}`, k);
      const alone = new HistogramQuantileAccumulator(histogramLayout(pilots[k], quantileProbabilities, draws));
      alone.add(pilots[k], pilotValues);
      alone.add(rest, rest.length);
      summary.add(rest, rest.length);
      expect(summary.quantiles(quantileProbabilities)).toEqual(alone.quantiles(quantileProbabilities));
    }
    expect(made[69].quantiles([0, 0.5, 1])).toEqual([1, 2, 3]);
  });

  it('counts (ties) are kept as atoms: the histogram gives the exact quantiles', () => {
    const values = new Float64Array(300_000);
    createStream(3, 'counts').fillPoisson(values, 3);
    const summaries = new QuantileSummaries(values.length, false);
    const summary = summaries.create();
    feed(summary, values.subarray(0, pilotSize));
    summaries.endPilot();
    feed(summary, values.subarray(pilotSize));
    expect(summaries.needsRefinement()).toBe(false);
    expect(summary.quantiles(quantileProbabilities)).toEqual(Array.from(quantilesOf(values, quantileProbabilities)));
  });

  it('an order statistic outside every window is settled exactly by a refine pass over the same values', () => {
    // The pilot sees N(0, 1); the rest is N(100, 1): every quantile from p10 up lies above the windows.
    const values = new Float64Array(360_448);
    values.set(normals(pilotSize, 'pilot'));
    values.set(normals(values.length - pilotSize, 'rest', 100), pilotSize);
    const summaries = new QuantileSummaries(values.length, false);
    const summary = summaries.create();
    feed(summary, values.subarray(0, pilotSize));
    summaries.endPilot();
    feed(summary, values.subarray(pilotSize));
    expect(summaries.needsRefinement()).toBe(true);
    expect(() => summary.quantiles([0.5])).toThrow(/outside the histogram's windows/);
    const refine = new QuantileSummaries(values.length, { refineOf: summaries });
    feed(refine.create(), values);
    refine.finishRefinement();
    expect(summaries.needsRefinement()).toBe(false);
    const exact = Array.from(quantilesOf(values, [0.25, 0.5, 0.75, 0.95]));
    expect(summary.quantiles([0.25, 0.5, 0.75, 0.95])).toEqual(exact);
  });
});

/** The slow reference of the counting: each value's region by a linear walk over the spec, then its bin or atom. */
function referenceCounts(layout: ReturnType<typeof histogramLayout>, values: Float64Array): Int32Array {
  const counts = new Int32Array(layout.counters);
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const region = layout.regions.find((r) => v >= r.lo && v < r.hi) ?? layout.regions[layout.regions.length - 1];
    let cell = 0;
    if (region.kind === 'bins') cell = Math.min(Math.floor((v - region.lo) / region.width), region.bins - 1);
    if (region.kind === 'atoms') {
      const atoms = region.atoms!;
      const k = atoms.findLastIndex((a) => a <= v);
      cell = atoms[k] === v ? 2 * k : 2 * k + 1;
    }
    counts[region.offset + cell]++;
  }
  return counts;
}

describe('HistogramQuantileAccumulator', () => {
  it('counts every value where the slow reference (a walk over the regions) puts it, and sums as BlockSums does', () => {
    const shapes: [string, (x: number) => number][] = [
      ['lognormal', (x) => 1000 * Math.exp(0.3 * x)],
      ['normal', (x) => x],
      ['skewed', (x) => Math.exp(2 * x)],
      ['counts', (x) => Math.max(0, Math.round(3 + 2 * x))],
    ];
    for (const [name, shape] of shapes) {
      const pilot = normals(pilotSize, `pilot-${name}`).map(shape);
      const layout = histogramLayout(pilot, quantileProbabilities, 1_000_000);
      expect(layout.integerCounter.length > 0, `${name}: integer table`).toBe(name === 'counts');
      const values = normals(200_000, `values-${name}`).map(shape);
      values[17] = Number.NaN;
      values[99] = 1e300;
      values[100] = -1e300;
      // Beside counts (integers, placed by the layout's integer table): values that are not integers of its span.
      values.set([2.5, -0, 7.000000000000001, 2 ** 31 + 3, -(2 ** 32) + 4, Number.POSITIVE_INFINITY], 200);
      const summary = new HistogramQuantileAccumulator(layout);
      const sums = new Float64Array(3);
      const blockSums = new BlockSums(1);
      for (let at = 0; at < values.length; at += 4096) {
        const block = values.subarray(at, Math.min(values.length, at + 4096));
        summary.addSummed(block, block.length, sums);
        blockSums.add(0, block, block.length);
      }
      const state = summary.state();
      if (state.kind !== 'histogram') throw new Error('a histogram summary');
      expect(Array.from(state.counts), name).toEqual(Array.from(referenceCounts(layout, values)));
      expect([state.count, state.nanCount, sums[2]]).toEqual([values.length - 1, 1, 2]);
      expect(Number.isNaN(sums[0]) && Number.isNaN(blockSums.total())).toBe(true);
    }
  });

  it('merges by counts: two halves give the summary of the whole', () => {
    const pilot = normals(pilotSize, 'p');
    const layout = histogramLayout(pilot, quantileProbabilities, 400_000);
    const values = normals(400_000, 'v');
    const whole = new HistogramQuantileAccumulator(layout);
    feed(whole, values);
    const first = new HistogramQuantileAccumulator(layout);
    const second = new HistogramQuantileAccumulator(layout);
    feed(first, values.subarray(0, 123 * 4096));
    feed(second, values.subarray(123 * 4096));
    first.merge(second);
    expect(first.count).toBe(whole.count);
    expect(first.quantiles(quantileProbabilities)).toEqual(whole.quantiles(quantileProbabilities));
    // And the answer is within the layout's bin width of the exact quantile.
    const exact = quantilesOf(values, quantileProbabilities);
    whole.quantiles(quantileProbabilities).forEach((q, k) => expect(Math.abs(q - exact[k])).toBeLessThanOrEqual(layout.maxError));
  });

  it('answers the same ranks again alike, and anew once more values are added (add, addSummed or absorb)', () => {
    const layout = histogramLayout(normals(pilotSize, 'p'), quantileProbabilities, 400_000);
    const values = normals(400_000, 'v');
    const fresh = (upTo: number) => {
      const summary = new HistogramQuantileAccumulator(layout);
      feed(summary, values.subarray(0, upTo));
      return summary.quantiles(quantileProbabilities);
    };
    const half = 49 * 4096;
    const summary = new HistogramQuantileAccumulator(layout);
    feed(summary, values.subarray(0, half));
    const first = summary.quantiles(quantileProbabilities);
    expect(summary.unresolved(quantileProbabilities)).toEqual([]);
    expect(summary.quantiles(quantileProbabilities)).toEqual(first);
    expect(first).toEqual(fresh(half));
    // Each way of adding values makes the next read see them (a stale answer would equal `first`).
    summary.add(values.subarray(half, half + 4096), 4096);
    expect(summary.quantiles(quantileProbabilities)).toEqual(fresh(half + 4096));
    summary.addSummed(values.subarray(half + 4096, half + 2 * 4096), 4096, new Float64Array(4));
    expect(summary.quantiles(quantileProbabilities)).toEqual(fresh(half + 2 * 4096));
    const rest = new HistogramQuantileAccumulator(layout);
    feed(rest, values.subarray(half + 2 * 4096));
    summary.absorb(rest.state());
    const all = summary.quantiles(quantileProbabilities);
    expect(all).toEqual(fresh(values.length));
    expect(all).not.toEqual(first);
  });

  it('counts NaN apart', () => {
    const layout = histogramLayout(normals(pilotSize, 'p'), [0.5], 100_000);
    const summary = new HistogramQuantileAccumulator(layout);
    summary.add(Float64Array.of(0, Number.NaN, 1), 3);
    expect(summary.count).toBe(2);
    expect(summary.nanCount).toBe(1);
    const exact = new ExactQuantileAccumulator();
    exact.add(Float64Array.of(0, Number.NaN, 1), 3);
    expect([exact.count, exact.nanCount]).toEqual([2, 1]);
  });
});
