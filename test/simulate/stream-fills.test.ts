// The stream's bulk fills against their exact distributions: normals (ziggurat), Poisson (table,
// inversion, PTRS) and gamma (Marsaglia–Tsang). Tolerances from sampling theory (see goodness-of-fit.ts).
import { describe, expect, test } from 'vitest';
import { createStream, createStreamFromState, poissonInversion, poissonInversionBySearch } from '../../src/simulate/random/create-stream.js';
import { inverseNormalCdf } from '../../src/simulate/distributions/inverse-normal-cdf.js';
import { logGamma } from '../../src/simulate/distributions/log-gamma.js';
import { normalCdf } from '../../src/simulate/distributions/normal-cdf.js';
import { poissonSearchFlag, poissonTable } from '../../src/simulate/random/poisson-table.js';
import { regularizedGammaP } from '../../src/simulate/distributions/regularized-gamma.js';
import { zigguratR, zigguratTables } from '../../src/simulate/random/ziggurat.js';
import { chiSquareCritical, chiSquareOfCounts, ksCritical, ksStatistic, moments } from './goodness-of-fit.js';

const poissonPmf = (rate: number) => (k: number) => Math.exp(-rate + k * Math.log(rate) - logGamma(k + 1));

describe('fillStandardNormal (ziggurat)', () => {
  const n = 1_000_000;
  const sample = new Float64Array(n);
  createStream(3, 'normal-test').fillStandardNormal(sample);

  test('passes KS against Φ at α = 0.001, n = 10⁶', () => {
    expect(ksStatistic(sample, normalCdf)).toBeLessThan(ksCritical(n));
  });

  test('passes χ² over 200 equiprobable cells (edges Φ⁻¹(j/200)) at α = 0.001', () => {
    const cells = 200;
    const edges = Array.from({ length: cells - 1 }, (_, j) => inverseNormalCdf((j + 1) / cells));
    const counts = new Float64Array(cells);
    for (const z of sample) {
      let lo = 0;
      let hi = cells - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (z < edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    const expected = n / cells;
    let statistic = 0;
    for (const c of counts) statistic += (c - expected) ** 2 / expected;
    expect(statistic).toBeLessThan(chiSquareCritical(cells - 1));
  });

  test('mean 0, variance 1, and the tail beyond r = 3.654 has mass 2(1 − Φ(r)) within 4.5 SE', () => {
    const m = moments(sample);
    expect(Math.abs(m.mean)).toBeLessThan(4.5 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4.5 * Math.sqrt(2 / n));
    let tail = 0;
    for (const z of sample) if (Math.abs(z) > zigguratR) tail++;
    const p = 2 * normalCdf(-zigguratR);
    expect(Math.abs(tail - n * p)).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p)));
  });

  test('ziggurat tables: 257 decreasing edges from v/f(r) to 0, equal layer areas', () => {
    const { x, f } = zigguratTables;
    expect(x[1]).toBe(zigguratR);
    expect(x[256]).toBe(0);
    for (let i = 0; i < 256; i++) expect(x[i + 1]).toBeLessThan(x[i]);
    // Each layer i ≥ 1 is a rectangle x[i]·(f[i+1] − f[i]) of area v; the top one closes to within 1e-9.
    for (let i = 1; i < 255; i++) expect(x[i] * (f[i + 1] - f[i])).toBeCloseTo(0.004928673233974658, 12);
  });
});

describe('fillPoisson', () => {
  const n = 400_000;
  // One rate ≤ 700: guided table. Per-element rates: inversion below 10, PTRS from 10 (element 0 gets
  // another rate so the array is not all-equal, which would take the one-rate path; it is left out).
  // One rate above 700: PTRS.
  for (const rate of [0.3, 3, 30, 300, 5000]) {
    for (const form of rate > 700 ? (['one rate'] as const) : (['one rate', 'per-element rates'] as const)) {
      test(`Poisson(${rate}), ${form}: mean and variance λ within 4.5 SE, and χ² on the pmf at α = 0.001`, () => {
        const stream = createStream(4, 'poisson', String(rate), form);
        let sample = new Float64Array(n);
        if (form === 'one rate') stream.fillPoisson(sample, rate);
        else {
          const rates = new Float64Array(n + 1).fill(rate);
          rates[0] = 1;
          const drawn = new Float64Array(n + 1);
          stream.fillPoisson(drawn, rates);
          sample = drawn.subarray(1);
        }
        const m = moments(sample);
        // Var(mean) = λ/n; Var(s²) ≈ (μ₄ − σ⁴)/n = (λ + 2λ²)/n.
        expect(Math.abs(m.mean - rate)).toBeLessThan(4.5 * Math.sqrt(rate / n));
        expect(Math.abs(m.variance - rate)).toBeLessThan(4.5 * Math.sqrt((rate + 2 * rate * rate) / n));
        expect(sample.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
        const { statistic, df } = chiSquareOfCounts(sample, poissonPmf(rate));
        expect(statistic).toBeLessThan(chiSquareCritical(df));
      });
    }
  }

  test('per-element rates are honoured element by element (mixed 0.5 and 50)', () => {
    const rates = new Float64Array(200_000);
    for (let i = 0; i < rates.length; i++) rates[i] = i % 2 === 0 ? 0.5 : 50;
    const sample = new Float64Array(rates.length);
    createStream(4, 'mixed').fillPoisson(sample, rates);
    const even = sample.filter((_, i) => i % 2 === 0);
    const odd = sample.filter((_, i) => i % 2 === 1);
    expect(Math.abs(moments(even).mean - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.5 / even.length));
    expect(Math.abs(moments(odd).mean - 50)).toBeLessThan(4.5 * Math.sqrt(50 / odd.length));
  });

  test('per-element rates that are all equal give the same numbers as the one rate', () => {
    const a = new Float64Array(5000);
    const b = new Float64Array(5000);
    createStream(4, 'equal-rates').fillPoisson(a, 2.5);
    createStream(4, 'equal-rates').fillPoisson(b, new Float64Array(5000).fill(2.5));
    expect(b).toEqual(a);
  });

  test('per-element inversion (four terms a round) is the sequential search, draw for draw, the cap of 200 terms included', () => {
    // Rates 0 … 9.99 by 0.01 against uniforms that end the search early, late, at 0 and at the largest
    // (1 − 2⁻⁵³: for 418 of these rates F stays below it and both stop at the cap, 200).
    const uniforms = [0, 2 ** -53, 1e-300, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999999, 1 - 2 ** -40, 1 - 2 ** -52, 1 - 2 ** -53];
    let capped = 0;
    for (let i = 0; i < 1000; i++) {
      const rate = i / 100;
      for (const u of uniforms) {
        const expected = poissonInversionBySearch(u, rate);
        if (expected === 200) capped++;
        expect(poissonInversion(u, rate)).toBe(expected);
      }
    }
    expect(capped).toBeGreaterThan(400);
    // And the stream's fill: element k is the inversion of the k-th uniform of the same stream (rates < 10).
    const n = 20_000;
    const rates = Float64Array.from({ length: n }, (_, k) => ((k * 7919) % 997) / 100);
    const drawn = new Float64Array(n);
    createStream(9, 'per-element').fillPoisson(drawn, rates);
    const uniform = new Float64Array(n);
    createStream(9, 'per-element').fillUniform(uniform);
    for (let k = 0; k < n; k++) if (drawn[k] !== poissonInversionBySearch(uniform[k], rates[k])) expect([k, drawn[k]]).toEqual([k, poissonInversionBySearch(uniform[k], rates[k])]);
  });

  test('rate 0 gives zeros; a negative, NaN or infinite rate, or a rates array of the wrong length, is an error', () => {
    const out = new Float64Array(10);
    createStream(1, 'p').fillPoisson(out, 0);
    expect(Array.from(out)).toEqual(Array(10).fill(0));
    createStream(1, 'p').fillPoisson(out, new Float64Array(10));
    expect(Array.from(out)).toEqual(Array(10).fill(0));
    expect(() => createStream(1, 'p').fillPoisson(out, -1)).toThrow(/rate must be a finite number ≥ 0, got -1/);
    expect(() => createStream(1, 'p').fillPoisson(out, Number.NaN)).toThrow(/got NaN/);
    expect(() => createStream(1, 'p').fillPoisson(out, Infinity)).toThrow(/got Infinity/);
    expect(() => createStream(1, 'p').fillPoisson(out, new Float64Array(3))).toThrow(/one rate per element \(10\), got 3/);
  });

  test('poissonTable(3): cdf matches Σ pmf, ends with the sentinel, and the guide never overshoots', () => {
    const { cdf, guide } = poissonTable(3);
    let sum = 0;
    for (let k = 0; k < cdf.length - 1; k++) {
      sum += poissonPmf(3)(k);
      expect(cdf[k]).toBeCloseTo(sum, 14);
    }
    expect(cdf[cdf.length - 1]).toBe(2);
    let direct = 0;
    for (let j = 0; j < guide.length; j++) {
      const flagged = guide[j] >= poissonSearchFlag;
      const k = flagged ? guide[j] - poissonSearchFlag : guide[j];
      // k is the first cell reaching past j/4096; unflagged, the whole interval [j, j+1)/4096 is in cell k.
      expect(cdf[k] > j / guide.length && (k === 0 || cdf[k - 1] <= j / guide.length)).toBe(true);
      if (!flagged) {
        expect(cdf[k] >= (j + 1) / guide.length).toBe(true);
        direct++;
      }
    }
    expect(direct / guide.length).toBeGreaterThan(0.99);
  });

  test('the inlined table fill gives exactly k = min{k : u < F(k)} for the uniforms of nextFloat', () => {
    const n = 100_000;
    const filled = new Float64Array(n);
    createStreamFromState([5n, 6n, 7n, 8n]).fillPoisson(filled, 3);
    const reference = createStreamFromState([5n, 6n, 7n, 8n]);
    const { cdf } = poissonTable(3);
    let same = 0;
    for (let i = 0; i < n; i++) {
      const u = reference.nextFloat();
      let k = 0;
      while (u >= cdf[k]) k++;
      if (k === filled[i]) same++;
    }
    expect(same).toBe(n);
  });

  test('the inlined ziggurat fill equals one nextStandardNormal at a time', () => {
    const n = 100_000;
    const filled = new Float64Array(n);
    createStreamFromState([5n, 6n, 7n, 8n]).fillStandardNormal(filled);
    const reference = createStreamFromState([5n, 6n, 7n, 8n]);
    let same = 0;
    for (let i = 0; i < n; i++) if (reference.nextStandardNormal() === filled[i]) same++;
    expect(same).toBe(n);
  });
});

describe('fillGamma (Marsaglia–Tsang)', () => {
  for (const shape of [0.5, 1, 4.5]) {
    test(`Gamma(${shape}): KS against P(${shape}, x) at α = 0.001 and mean = variance = shape within 4.5 SE`, () => {
      const n = 400_000;
      const sample = new Float64Array(n);
      createStream(6, 'gamma', String(shape)).fillGamma(sample, shape);
      expect(ksStatistic(sample, (x) => (x <= 0 ? 0 : regularizedGammaP(shape, x)))).toBeLessThan(ksCritical(n));
      const m = moments(sample);
      expect(Math.abs(m.mean - shape)).toBeLessThan(4.5 * Math.sqrt(shape / n));
      // μ₄ − σ⁴ for Gamma(a): 3a² + 6a − a² = 2a² + 6a.
      expect(Math.abs(m.variance - shape)).toBeLessThan(4.5 * Math.sqrt((2 * shape * shape + 6 * shape) / n));
    });
  }

  test('a very small shape (0.01) gives non-negative, finite draws with the right mean', () => {
    const n = 400_000;
    const sample = new Float64Array(n);
    createStream(6, 'gamma-small').fillGamma(sample, 0.01);
    expect(sample.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    expect(Math.abs(moments(sample).mean - 0.01)).toBeLessThan(4.5 * Math.sqrt(0.01 / n));
  });

  test('shape ≤ 0 or not finite is an error', () => {
    expect(() => createStream(1, 'g').fillGamma(new Float64Array(1), 0)).toThrow(/shape must be a finite number > 0, got 0/);
    expect(() => createStream(1, 'g').fillGamma(new Float64Array(1), Infinity)).toThrow(/got Infinity/);
  });
});

describe('fillUniform', () => {
  test('passes KS against U[0, 1) at α = 0.001, n = 10⁶, and never returns 1', () => {
    const n = 1_000_000;
    const sample = new Float64Array(n);
    createStream(8, 'uniform').fillUniform(sample);
    expect(ksStatistic(sample, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(n));
    expect(sample.every((u) => u >= 0 && u < 1)).toBe(true);
  });
});
