// Atoms at the edges of the lookup are counted where they belong: a column whose every draw is the same
// value — zero included (a flow's placeholder in its base year, e.g. models/beijing.yaml's
// aiUnicornExits) — and a count whose highest window atom sits one ulp under the lookup's end (the
// pessimistic scenario's new AI unicorns of 2024: p95 is 7, not 8).
import { describe, expect, it } from 'vitest';
import { histogramLayout, HistogramQuantileAccumulator } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { quantileProbabilities, quantilesOf } from '../../src/evaluate/quantiles.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

describe('HistogramQuantileAccumulator on a constant column', () => {
  it.each([0, 6, 12192.4, -3])('gives %s for every quantile, every value placed', (value) => {
    const pilot = new Float64Array(4096).fill(value);
    const layout = histogramLayout(pilot, quantileProbabilities, 200_000);
    const summary = new HistogramQuantileAccumulator(layout);
    summary.add(new Float64Array(200_000).fill(value), 200_000);
    expect(summary.unresolved(quantileProbabilities)).toEqual([]);
    expect(summary.quantiles(quantileProbabilities)).toEqual(quantileProbabilities.map(() => value));
  });
});

describe('HistogramQuantileAccumulator on counts', () => {
  it('counts the highest atom of the windows in its own cell (p95 of a count landing on it)', () => {
    // Cumulative counts as in the pessimistic run: ranks 187426 … 193606 are 7s, so p95 (rank 189999.05) is 7.
    const frequencies = [16852, 34903, 41089, 37005, 28027, 18448, 11102, 6181, 3349, 1599, 728, 386, 154, 85, 32, 27, 14, 7, 3, 4];
    const values = Float64Array.from(frequencies.flatMap((f, value) => Array<number>(f).fill(value)));
    // the pilot: the first 32,768 of the values in a shuffled order, as a run's first blocks are
    const shuffled = Float64Array.from(values);
    const stream = createStream(7, 'histogram-test', 'shuffle');
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(stream.nextFloat() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const pilot = shuffled.slice(0, 32768);
    const layout = histogramLayout(pilot, quantileProbabilities, values.length);
    const top = layout.regions[layout.regions.length - 2];
    expect(top.kind).toBe('atoms');
    expect(top.atoms![top.atoms!.length - 1]).toBe(7); // the windows end one ulp above 7
    const summary = new HistogramQuantileAccumulator(layout);
    summary.add(values, values.length);
    // The second pass as the engine does it: only the unresolved region's values, ranked from `below`.
    const settled = new Map<number, number>();
    for (const u of summary.unresolved(quantileProbabilities)) {
      const inRegion = Float64Array.from(values.filter((v) => v >= u.lo && v < (u.hi ?? Number.POSITIVE_INFINITY))).sort();
      settled.set(u.rank, inRegion[u.rank - u.below]);
    }
    expect(summary.quantiles(quantileProbabilities, settled)).toEqual(Array.from(quantilesOf(values, quantileProbabilities)));
  });
});

describe('planHistogramLayout atoms', () => {
  // A window's atoms are its distinct pilot values; a window of at most 64 is read without sorting.
  // Reference: sort the window's values and keep each once (a Set, which keeps −0 as +0).
  const pilots: [string, (i: number) => number][] = [
    ['signed zeros and ones', (i) => [-0, 0, 1][i % 3]],
    ['signed zeros alone', (i) => (i % 2 ? -0 : 0)],
    ['64 distinct counts', (i) => (i * 7) % 64],
    ['65 distinct counts', (i) => (i * 7) % 65],
    ['eighths', (i) => Math.round(Math.sin(i) * 40) / 8],
  ];
  it.each(pilots)('%s: every atoms region holds the distinct pilot values of its window', (_name, value) => {
    const pilot = Float64Array.from({ length: 32_768 }, (_, i) => value(i));
    const layout = histogramLayout(pilot, quantileProbabilities, 1_000_000);
    const atomsRegions = layout.spec.regions.filter((r) => r.kind === 'atoms');
    expect(atomsRegions.length).toBeGreaterThan(0);
    for (const region of atomsRegions) {
      const inside = pilot.filter((v) => v >= region.lo && v < region.hi).sort();
      expect(Array.from(region.atoms!).map((a) => Object.is(a, -0))).not.toContain(true);
      expect(Array.from(region.atoms!)).toEqual(Array.from(new Set(inside)));
    }
  });
});

