import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { meanOf } from '../../src/evaluate/mean-of.js';
import { quantileProbabilities, quantilesOf } from '../../src/evaluate/quantiles.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

/** The slow, obviously correct reference: full sort, then R type 7 (h = (n − 1)p, linear interpolation). */
function quantilesBySort(values: Float64Array, probabilities: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return probabilities.map((p) => {
    const h = (sorted.length - 1) * p;
    const lower = Math.floor(h);
    const fraction = h - lower;
    if (fraction === 0 || lower + 1 >= sorted.length) return sorted[lower];
    const [a, b] = [sorted[lower], sorted[lower + 1]];
    if (a === b) return a;
    if (a === -Infinity) return a;
    if (b === Infinity) return b;
    return a + fraction * (b - a);
  });
}

const probabilities = [...quantileProbabilities, 0, 1, 0.001, 0.999, 0.3333];

function randomColumn(n: number, seed: number, kind: 'normal' | 'ties' | 'skewed' | 'outlier'): Float64Array {
  const stream = createStream(seed, 'quantiles-test', kind);
  const values = new Float64Array(n);
  if (kind === 'ties') {
    stream.fillPoisson(values, 2);
  } else {
    stream.fillStandardNormal(values);
    if (kind === 'skewed') for (let i = 0; i < n; i++) values[i] = Math.exp(3 * values[i]);
    if (kind === 'outlier' && n > 1) values[n >> 1] = 1e300;
  }
  return values;
}

describe('quantilesOf', () => {
  test('quantilesOf(4, 1, 3, 2) at 0, 0.5, 0.9 is 1, 2.5, 3.7 (R: quantile(c(4,1,3,2), c(0,.5,.9)))', () => {
    const q = quantilesOf(Float64Array.of(4, 1, 3, 2), [0, 0.5, 0.9]);
    expect(q[0]).toBe(1);
    expect(q[1]).toBe(2.5);
    expect(q[2]).toBeCloseTo(3.7, 14);
  });

  for (const n of [1, 2, 3, 10, 511, 512, 1000, 100_000]) {
    for (const kind of ['normal', 'ties', 'skewed', 'outlier'] as const) {
      test(`equals the sort-based reference for n = ${n}, ${kind} data`, () => {
        const values = randomColumn(n, n, kind);
        const before = Float64Array.from(values);
        expect(Array.from(quantilesOf(values, probabilities))).toEqual(quantilesBySort(values, probabilities));
        expect(values).toEqual(before);
      });
    }
  }

  test('equals the sort-based reference on arbitrary arrays with duplicates (fast-check)', () => {
    const element = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, 1, 1, 2, 2));
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 3000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }), (array, ps) => {
        const values = Float64Array.from(array);
        const got = Array.from(quantilesOf(values, ps));
        const want = quantilesBySort(values, ps);
        // -0 and 0 are equal order statistics; compare as numbers.
        expect(got.map((x) => x + 0)).toEqual(want.map((x) => x + 0));
      }),
      { numRuns: 300 },
    );
  });

  test('a column of one value, or all equal values, gives that value at every probability', () => {
    expect(Array.from(quantilesOf(Float64Array.of(7), quantileProbabilities))).toEqual(Array(7).fill(7));
    expect(Array.from(quantilesOf(new Float64Array(10_000).fill(-3.5), quantileProbabilities))).toEqual(Array(7).fill(-3.5));
  });

  test('±Infinity give their limits, never NaN', () => {
    const values = randomColumn(2000, 5, 'normal');
    values[0] = Infinity;
    values[1] = -Infinity;
    const ps = [0, 0.0001, 0.5, 0.9999, 1];
    expect(Array.from(quantilesOf(values, ps))).toEqual(quantilesBySort(values, ps));
    expect(Array.from(quantilesOf(Float64Array.of(-Infinity, 1), [0, 0.5, 1]))).toEqual([-Infinity, -Infinity, 1]);
    expect(Array.from(quantilesOf(Float64Array.of(1, Infinity), [0, 0.5, 1]))).toEqual([1, Infinity, Infinity]);
  });

  test('a range that overflows (−1e308 … 1e308) still gives exact quantiles', () => {
    const values = randomColumn(5000, 6, 'normal');
    values[3] = -1e308;
    values[4] = 1.7e308;
    expect(Array.from(quantilesOf(values, probabilities))).toEqual(quantilesBySort(values, probabilities));
  });

  test('a sample that misrepresents the data (ranks outside the sampled range) still gives exact quantiles', () => {
    const n = 100_000;
    const m = 4096;
    const uniforms = new Float64Array(n);
    createStream(10, 'adversarial').fillUniform(uniforms);
    // The strided sample reads positions ⌊(j + ½)n/m⌋: squeeze them into [0.45, 0.55] so p05 and p95
    // fall below lo and above hi; then make them all equal so the sampled range is empty.
    const squeezed = Float64Array.from(uniforms);
    for (let j = 0; j < m; j++) squeezed[Math.floor(((j + 0.5) * n) / m)] = 0.45 + 0.1 * uniforms[j];
    expect(Array.from(quantilesOf(squeezed, probabilities))).toEqual(quantilesBySort(squeezed, probabilities));
    const flat = Float64Array.from(uniforms);
    for (let j = 0; j < m; j++) flat[Math.floor(((j + 0.5) * n) / m)] = 0.5;
    expect(Array.from(quantilesOf(flat, probabilities))).toEqual(quantilesBySort(flat, probabilities));
  });

  test('sorted, reversed and two-valued columns give exact quantiles', () => {
    const n = 50_001;
    const ascending = Float64Array.from({ length: n }, (_, i) => i);
    const descending = Float64Array.from({ length: n }, (_, i) => n - i);
    const twoValued = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    for (const values of [ascending, descending, twoValued]) {
      expect(Array.from(quantilesOf(values, probabilities))).toEqual(quantilesBySort(values, probabilities));
    }
  });

  test('NaN anywhere in a long column is an error naming its index', () => {
    for (const index of [0, 1, 12, 24, 99_999]) {
      const values = randomColumn(100_000, 3, 'normal');
      values[index] = Number.NaN;
      expect(() => quantilesOf(values, quantileProbabilities)).toThrow(`quantilesOf values must not be NaN, got NaN at index ${index}`);
    }
  });

  test('NaN, an empty column and probabilities outside [0, 1] are errors', () => {
    expect(() => quantilesOf(Float64Array.of(1, Number.NaN, 2), [0.5])).toThrow(/must not be NaN, got NaN at index 1/);
    expect(() => quantilesOf(Float64Array.of(Number.NaN), [0.5])).toThrow(/NaN/);
    expect(() => quantilesOf(new Float64Array(0), [0.5])).toThrow(/at least one value/);
    expect(() => quantilesOf(Float64Array.of(1, 2), [1.5])).toThrow(/in \[0, 1\], got 1.5/);
  });

  test('a short scratch buffer is not a problem, and a long one is reused', () => {
    const values = randomColumn(100_000, 9, 'normal');
    const want = quantilesBySort(values, quantileProbabilities);
    expect(Array.from(quantilesOf(values, quantileProbabilities, new Float64Array(3)))).toEqual(want);
    expect(Array.from(quantilesOf(values, quantileProbabilities, new Float64Array(100_000)))).toEqual(want);
  });
});

describe('quantilesOf on awkward columns', () => {
  test('infinities take part as limits, and NaN is an error naming its index (n = 2000: the bucketed path)', () => {
    const values = randomColumn(2000, 5, 'normal');
    values[7] = Infinity;
    values[8] = -Infinity;
    expect(Array.from(quantilesOf(values, probabilities))).toEqual(quantilesBySort(values, probabilities));
    values[9] = Number.NaN;
    expect(() => quantilesOf(values, [0.5])).toThrow('got NaN at index 9');
  });

  test('a NaN the range sample does not hold is still found (every index from 512 to 600 in turn)', () => {
    const values = randomColumn(600, 6, 'skewed');
    for (let at = 512; at < 600; at++) {
      const copy = Float64Array.from(values);
      copy[at] = Number.NaN;
      expect(() => quantilesOf(copy, [0.5])).toThrow(`got NaN at index ${at}`);
    }
  });
});

describe('meanOf', () => {
  test('meanOf(1e100, 1, −1e100, 1) is 0.5 with compensated summation', () => {
    expect(meanOf(Float64Array.of(1e100, 1, -1e100, 1))).toBe(0.5);
  });
  test('meanOf of 0.1 repeated 10⁶ times is 0.1 to the last digit', () => {
    expect(meanOf(new Float64Array(1_000_000).fill(0.1))).toBe(0.1);
  });
  test('infinities give the plain-sum answer and an empty column is an error', () => {
    expect(meanOf(Float64Array.of(1, Infinity))).toBe(Infinity);
    expect(meanOf(Float64Array.of(-Infinity, Infinity))).toBeNaN();
    expect(() => meanOf(new Float64Array(0))).toThrow(/at least one value/);
  });
});
