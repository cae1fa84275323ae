// The histogram's first counting pass in WebAssembly (src/evaluate/counting-kernels.wat) against its
// reference, the JavaScript loops of histogram-quantile-accumulator.ts: the same counters, NaN count
// and compensated sums, bit for bit, over layouts of one, three and seven windows and of atoms, for
// values inside, between and beyond the windows, on the lookup's edges, NaN, ±∞ and huge values, at
// every length around a block's.
import { describe, expect, test } from 'vitest';
import { countingColumn, countingKernels, useCountingKernels } from '../../src/evaluate/counting-kernels.js';
import { histogramLayout, HistogramQuantileAccumulator, type HistogramLayout } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { nextDown, nextUp } from '../../src/math/next-double.js';

/** A reproducible uniform on [0, 1) (a 32-bit LCG's top bits: the test's own inputs, not the engine's streams). */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
}

function normals(seed: number, count: number, centre: number, spread: number): Float64Array {
  const u = uniforms(seed);
  return Float64Array.from({ length: count }, () => centre + spread * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

/** Values a layout meets at its edges: every region's lo and hi and their neighbours, the lookup's ends. */
function edgeValues(layout: HistogramLayout): number[] {
  const edges = [layout.lookupLo, layout.lookupHi, ...layout.spec.regions.flatMap((r) => [r.lo, r.hi])].filter(Number.isFinite);
  return edges.flatMap((x) => [x, nextUp(x), nextDown(x)]);
}

const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, -1e300, 0, -0, Number.MIN_VALUE];

/** Counts `columns` into two accumulators on one layout, with the pass in WebAssembly and in JavaScript. */
function countBoth(layout: HistogramLayout, columns: readonly Float64Array[], summed: boolean): void {
  const fast = new HistogramQuantileAccumulator(layout);
  const reference = new HistogramQuantileAccumulator(layout);
  const fastSums = new Float64Array(3);
  const referenceSums = new Float64Array(3);
  for (const column of columns) {
    if (summed) fast.addSummed(column, column.length, fastSums);
    else fast.add(column, column.length);
    const was = useCountingKernels(false);
    try {
      if (summed) reference.addSummed(column, column.length, referenceSums);
      else reference.add(column, column.length);
    } finally {
      useCountingKernels(was);
    }
  }
  const a = fast.state();
  const b = reference.state();
  if (a.kind !== 'histogram' || b.kind !== 'histogram') throw new Error('expected histogram states');
  expect([a.count, a.nanCount]).toEqual([b.count, b.nanCount]);
  for (let c = 0; c < a.counts.length; c++) if (a.counts[c] !== b.counts[c]) expect(`counter ${c}: ${a.counts[c]}`).toBe(`counter ${c}: ${b.counts[c]}`);
  // Sums as bit patterns: the same floating-point operations in the same order.
  expect([...new BigUint64Array(fastSums.buffer)]).toEqual([...new BigUint64Array(referenceSums.buffer)]);
}

describe('the first counting pass in WebAssembly', () => {
  test('is made on this platform (so the comparisons below compare two implementations)', () => {
    expect(countingKernels()).toBeDefined();
  });

  const layouts: [string, HistogramLayout][] = [
    ['one window (a median)', histogramLayout(normals(1, 32_768, 5, 1), [0.5], 1e6)],
    ['three windows', histogramLayout(normals(2, 32_768, -3, 0.01), [0.05, 0.5, 0.95], 1e6)],
    ['seven windows', histogramLayout(normals(3, 32_768, 2500, 400), [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95], 4e6)],
    // A pilot of values on a grid of 1/40 (ties in every window, none on the integers): windows of
    // atoms, whose values wait for the second pass.
    ['atoms', histogramLayout(Float64Array.from(normals(4, 8192, 0, 1), (v) => Math.round(v * 40) / 40 + 0.001), [0.1, 0.5, 0.9], 1e5)],
  ];

  test.each(layouts)('gives the JavaScript loops\' counts and sums: %s', (name, layout) => {
    expect(layout.integerCounter.length).toBe(0);
    expect(layout.gapEntry.length).toBeGreaterThan(0);
    expect(layout.spec.regions.some((r) => r.kind === 'atoms')).toBe(name === 'atoms');
    const span = layout.lookupHi - layout.lookupLo;
    const fresh = (seed: number, n: number) => {
      const u = uniforms(seed);
      // Spread over the windows' span and well beyond it on both sides.
      return Float64Array.from({ length: n }, () => layout.lookupLo + span * (4 * u() - 1.5));
    };
    // Values of every magnitude and both signs, so that the compensated sum takes both of its
    // branches (|sum| ≥ |v| and not) all along.
    const mixed = (seed: number) => {
      const u = uniforms(seed);
      return Float64Array.from({ length: countingColumn }, () => (u() < 0.5 ? -1 : 1) * 10 ** (12 * u() - 4));
    };
    const finite = [
      ...[0, 1, 7, 255, countingColumn - 1, countingColumn].map((n, k) => fresh(10 + k, n)),
      mixed(20),
      Float64Array.from(edgeValues(layout)),
      mixed(21),
      // Longer than a block (a pilot's values): the kernels count it a block at a time.
      fresh(30, countingColumn + 5),
      fresh(31, 3 * countingColumn + 17),
    ];
    countBoth(layout, finite, true);
    countBoth(layout, finite, false);
    // NaN and infinities: counted apart (the sum is then NaN, and the non-finite values are counted).
    const withSpecial = [
      Float64Array.from([...edgeValues(layout), ...special]),
      Float64Array.from({ length: countingColumn }, (_, i) => (i % 3 === 0 ? Number.NaN : layout.lookupLo + (span * i) / countingColumn)),
      // Longer than a block, finite until its second block, where the sum turns NaN.
      Float64Array.from({ length: 2 * countingColumn + 9 }, (_, i) => (i === countingColumn + 3 ? Number.NaN : i === countingColumn + 700 ? Number.POSITIVE_INFINITY : layout.lookupLo + (span * i) / (2 * countingColumn))),
    ];
    countBoth(layout, withSpecial, true);
    countBoth(layout, withSpecial, false);
  });

  test('stays out of a layout with an integer table (counts), which the JavaScript loops count', () => {
    const u = uniforms(7);
    const counts = Float64Array.from({ length: 32_768 }, () => Math.floor(20 * u() * u()));
    const layout = histogramLayout(counts, [0.05, 0.5, 0.95], 1e6);
    expect(layout.integerCounter.length).toBeGreaterThan(0);
    countBoth(layout, [counts.subarray(0, countingColumn), Float64Array.from([...special, 3, 3.5])], true);
  });
});
