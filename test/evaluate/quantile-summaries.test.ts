// Quantile summaries: exact below the threshold, atoms exact, refinement exact, merge by counts.
import { describe, expect, it } from 'vitest';
import { histogramLayout, HistogramQuantileAccumulator } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { ExactQuantileAccumulator } from '../../src/evaluate/quantile-accumulator.js';
import { exactQuantileMaxDraws, QuantileSummaries } from '../../src/evaluate/quantile-summaries.js';
import { quantileProbabilities, quantilesOf } from '../../src/evaluate/quantiles.js';
import { createStream } from '../../src/simulate/create-stream.js';

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

describe('HistogramQuantileAccumulator', () => {
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
