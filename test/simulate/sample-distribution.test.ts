// Every distribution's draws against its exact CDF (Kolmogorov–Smirnov) and its moments, with
// tolerances from sampling theory: KS at α = 0.001 (1.9495/√n), moments within 4.5 standard errors.
// Seeds are fixed, so the tests are deterministic; the tolerances say a correct sampler passes them
// for all but ~1 in 1000 seeds, and a biased one fails.
import { describe, expect, test } from 'vitest';
import { createStream } from '../../src/simulate/random/create-stream.js';
import { distributionCdf } from '../../src/simulate/distributions/distribution-cdf.js';
import type { Distribution } from '../../src/model/distribution.js';
import { distributionMean, distributionQuantile, sampleDistribution } from '../../src/simulate/distributions/sample-distribution.js';
import { ksCritical, ksStatistic, moments } from './goodness-of-fit.js';

/** Each distribution with its exact variance (closed forms; JKB 1994–95, BDA3 appendix A). */
const cases: { dist: Distribution; variance: number }[] = [
  { dist: { dist: 'normal', mean: 0.1, sd: 0.03 }, variance: 0.03 ** 2 },
  { dist: { dist: 'lognormal', meanlog: 1, sdlog: 0.5 }, variance: (Math.exp(0.25) - 1) * Math.exp(2 + 0.25) },
  { dist: { dist: 'uniform', min: 8000, max: 20000 }, variance: 12000 ** 2 / 12 },
  // (a² + b² + c² − ab − ac − bc)/18
  { dist: { dist: 'triangular', min: 2.5, mode: 3.3, max: 4 }, variance: (2.5 ** 2 + 4 ** 2 + 3.3 ** 2 - 2.5 * 4 - 2.5 * 3.3 - 4 * 3.3) / 18 },
  { dist: { dist: 'triangular', min: 0, mode: 0, max: 1 }, variance: 1 / 18 },
  // Beta(α, β) on [a, b]: αβ/((α+β)²(α+β+1))·(b−a)², α = 1.8, β = 4.2
  { dist: { dist: 'pert', min: 0, mode: 0.2, max: 1 }, variance: (1.8 * 4.2) / (36 * 7) },
  { dist: { dist: 'pert', min: 10, mode: 20, max: 20 }, variance: ((5 * 1) / (36 * 7)) * 100 },
  // s²·ν/(ν − 2)
  { dist: { dist: 'studentT', location: 0.08, scale: 0.02, df: 7 }, variance: (0.02 ** 2 * 7) / 5 },
  // E[X²] − E[X]² with E[X²] = s²ν/(ν − 2)
  { dist: { dist: 'scaledInvChi', scale: 0.03, df: 7 }, variance: (0.03 ** 2 * 7) / 5 - distributionMean({ dist: 'scaledInvChi', scale: 0.03, df: 7 }) ** 2 },
  { dist: { dist: 'gamma', shape: 4.5, rate: 2 }, variance: 4.5 / 4 },
  { dist: { dist: 'gamma', shape: 0.5, rate: 10 }, variance: 0.5 / 100 },
];

describe('sampleDistribution', () => {
  for (const { dist, variance } of cases) {
    const label = JSON.stringify(dist);
    test(`sampleDistribution(${label}) passes KS at α = 0.001 against distributionCdf, n = 2·10⁵`, () => {
      const n = 200_000;
      const sample = new Float64Array(n);
      sampleDistribution(dist, createStream(11, 'ks', label), sample);
      expect(ksStatistic(sample, (x) => distributionCdf(dist, x))).toBeLessThan(ksCritical(n));
    });
    test(`sampleDistribution(${label}) has mean and variance within 4.5 standard errors, n = 10⁶`, () => {
      const n = 1_000_000;
      const sample = new Float64Array(n);
      sampleDistribution(dist, createStream(12, 'moments', label), sample);
      const m = moments(sample);
      expect(Math.abs(m.mean - distributionMean(dist))).toBeLessThan(4.5 * Math.sqrt(variance / n));
      expect(Math.abs(m.variance - variance)).toBeLessThan(4.5 * m.varianceSe);
    });
  }

  test('sampleDistribution(constant) fills the value; zero-spread families give their point', () => {
    const out = new Float64Array(5);
    sampleDistribution({ dist: 'constant', value: 2.5 }, createStream(1, 'c'), out);
    expect(Array.from(out)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5]);
    sampleDistribution({ dist: 'normal', mean: 3, sd: 0 }, createStream(1, 'c'), out);
    expect(Array.from(out)).toEqual([3, 3, 3, 3, 3]);
    sampleDistribution({ dist: 'pert', min: 4, mode: 4, max: 4 }, createStream(1, 'c'), out);
    expect(Array.from(out)).toEqual([4, 4, 4, 4, 4]);
    sampleDistribution({ dist: 'triangular', min: 4, mode: 4, max: 4 }, createStream(1, 'c'), out);
    expect(Array.from(out)).toEqual([4, 4, 4, 4, 4]);
  });

  test('the same stream keys give the same column for every distribution', () => {
    for (const { dist } of cases) {
      const a = new Float64Array(1000);
      const b = new Float64Array(1000);
      sampleDistribution(dist, createStream(5, 'x', 'y'), a);
      sampleDistribution(dist, createStream(5, 'x', 'y'), b);
      expect(b).toEqual(a);
    }
  });

  test('invalid parameters are errors that name the rule and the value', () => {
    const out = new Float64Array(2);
    const stream = createStream(1, 'bad');
    expect(() => sampleDistribution({ dist: 'normal', mean: 0, sd: -1 }, stream, out)).toThrow('normal distribution sd must be ≥ 0, got -1');
    expect(() => sampleDistribution({ dist: 'uniform', min: 2, max: 1 }, stream, out)).toThrow(/min must be ≤ max/);
    expect(() => sampleDistribution({ dist: 'pert', min: 0, mode: 2, max: 1 }, stream, out)).toThrow(/min ≤ mode ≤ max/);
    expect(() => sampleDistribution({ dist: 'gamma', shape: 0, rate: 1 }, stream, out)).toThrow(/shape must be > 0/);
    expect(() => sampleDistribution({ dist: 'studentT', location: 0, scale: 1, df: Number.NaN }, stream, out)).toThrow(/df must be a finite number/);
  });
});

describe('distributionMean and distributionQuantile', () => {
  test('distributionMean in closed form', () => {
    expect(distributionMean({ dist: 'pert', min: 0, mode: 3, max: 6 })).toBe(3);
    expect(distributionMean({ dist: 'triangular', min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distributionMean({ dist: 'gamma', shape: 3, rate: 2 })).toBe(1.5);
    expect(distributionMean({ dist: 'lognormal', meanlog: 0, sdlog: 0 })).toBe(1);
    expect(distributionMean({ dist: 'studentT', location: 2, scale: 1, df: 1 })).toBeNaN();
    // scaledInvChi(1, 3): √(3/2)·Γ(1)/Γ(3/2) = √(3/2)·2/√π = √6/√π ≈ 1.3819765978853418
    expect(distributionMean({ dist: 'scaledInvChi', scale: 1, df: 3 })).toBeCloseTo(Math.sqrt(6 / Math.PI), 13);
  });

  test('distributionQuantile inverts distributionCdf for every family', () => {
    for (const { dist } of cases) {
      for (const p of [0.001, 0.05, 0.5, 0.95, 0.999]) {
        expect(distributionCdf(dist, distributionQuantile(dist, p))).toBeCloseTo(p, 10);
      }
    }
  });
});
