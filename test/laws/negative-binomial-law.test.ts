import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { fillGammaPerDraw } from '../../src/laws/fill-gamma-per-draw.js';
import { negativeBinomialDefaultDispersion, negativeBinomialLaw } from '../../src/laws/negative-binomial-law.js';
import { createStream } from '../../src/simulate/random/create-stream.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, simulateLaw } from '../calibrate/fixtures.js';

type Gamma = Extract<Distribution, { dist: 'gamma' }>;
type Lognormal = Extract<Distribution, { dist: 'lognormal' }>;

const moments = (x: Float64Array) => {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return { mean, variance: x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1) };
};

describe('negativeBinomialLaw.calibrate', () => {
  it('negativeBinomialLaw.calibrate(counts 2, 8, 5, 9) gives k̂ = 9 by moments and an overdispersed mean posterior', () => {
    // By hand: x̄ = 24/4 = 6, s² = (16 + 4 + 1 + 9)/3 = 10, k̂ = 6²/(10 − 6) = 9;
    // c = 1 + 6/9 = 5/3, mean ~ Gamma((0.5 + 24)/c, 4/c) = Gamma(14.7, 2.4).
    const calibration = negativeBinomialLaw.calibrate(calibrationInput({ observations: levels(2020, [2, 8, 5, 9]) }));
    const dispersion = calibration.params.dispersion as Lognormal;
    expect(dispersion.dist).toBe('lognormal');
    expect(dispersion.meanlog).toBeCloseTo(Math.log(9), 12);
    expect(dispersion.sdlog).toBe(1.5); // four counts: the cap
    const mean = calibration.params.mean as Gamma;
    expect(mean.shape).toBeCloseTo(14.7, 12);
    expect(mean.rate).toBeCloseTo(2.4, 12);
  });

  it('negativeBinomialLaw.calibrate(one count of 6) uses the documented default dispersion and says so', () => {
    // c = 1 + 6/5 (the default's median k = 5): mean ~ Gamma(6.5/2.2, 1/2.2).
    const calibration = negativeBinomialLaw.calibrate(calibrationInput({ observations: levels(2023, [6]) }));
    expect(calibration.params.dispersion).toBe(negativeBinomialDefaultDispersion);
    const mean = calibration.params.mean as Gamma;
    expect(mean.shape).toBeCloseTo(6.5 / 2.2, 12);
    expect(mean.rate).toBeCloseTo(1 / 2.2, 12);
    expect(calibration.notes.join('\n')).toContain('default dispersion = lognormal(ln 5, 0.7)');
  });

  it('negativeBinomialLaw.calibrate of counts without overdispersion falls back to near-Poisson dispersion', () => {
    const calibration = negativeBinomialLaw.calibrate(calibrationInput({ observations: levels(2021, [5, 5, 5]) }));
    expect(calibration.params.dispersion).toEqual({ dist: 'lognormal', meanlog: Math.log(50), sdlog: 1 });
    expect(calibration.notes.join('\n')).toContain('no overdispersion');
  });

  it('negativeBinomialLaw.calibrate recovers mean 6 and dispersion 4 from 2000 years of its own simulation', () => {
    const [, counts] = simulateLaw(negativeBinomialLaw, { base: 0, params: { mean: 6, dispersion: 4 }, years: 1, draws: 2000, seed: 17 });
    const calibration = negativeBinomialLaw.calibrate(calibrationInput({ observations: levels(1, [...counts]) }));
    const mean = calibration.params.mean as Gamma;
    // Posterior sd of μ ≈ √((6 + 36/4)/2000) = 0.087.
    expect(Math.abs(mean.shape / mean.rate - 6)).toBeLessThan((3 * Math.sqrt(mean.shape)) / mean.rate);
    expect(Math.sqrt(mean.shape) / mean.rate).toBeCloseTo(Math.sqrt(15 / 2000), 1);
    const dispersion = calibration.params.dispersion as Lognormal;
    expect(Math.abs(dispersion.meanlog - Math.log(4))).toBeLessThan(3 * dispersion.sdlog);
    expect(dispersion.sdlog).toBeLessThan(0.25);
  });

  it('negativeBinomialLaw.calibrate keeps given parameters and needs counts for a free mean', () => {
    const start = { year: 2023, value: { dist: 'constant', value: 6 } } as const;
    const fixed = { mean: { dist: 'constant', value: 5 }, dispersion: { dist: 'constant', value: 2 } } as const;
    expect(negativeBinomialLaw.calibrate(calibrationInput({ start, fixed })).params).toEqual(fixed);
    expect(() => negativeBinomialLaw.calibrate(calibrationInput({ start }))).toThrow(ModelError);
    expect(() => negativeBinomialLaw.calibrate(calibrationInput({ start }))).toThrow('x (law negativeBinomial): mean must be calibrated');
  });
});

describe('negativeBinomialLaw.start', () => {
  it('negativeBinomialLaw draws counts with mean μ and variance μ + μ²/k', () => {
    const [, counts] = simulateLaw(negativeBinomialLaw, { base: 0, params: { mean: 6, dispersion: 3 }, years: 1, draws: 100000, seed: 4 });
    const { mean, variance } = moments(counts);
    // Theory: mean 6, variance 6 + 36/3 = 18. SE of the mean √(18/10⁵) = 0.013; of the variance ≈ 0.15.
    expect(Math.abs(mean - 6)).toBeLessThan(0.05);
    expect(Math.abs(variance - 18)).toBeLessThan(0.6);
    expect(counts.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('negativeBinomialLaw draws a new rate each year (counts of one path are not Poisson)', () => {
    const path = simulateLaw(negativeBinomialLaw, { base: 0, params: { mean: 10, dispersion: 1 }, years: 4000, seed: 8 });
    const { mean, variance } = moments(Float64Array.from(path.slice(1), (c) => c[0]));
    expect(Math.abs(mean - 10)).toBeLessThan(0.6);
    expect(variance).toBeGreaterThan(80); // theory 10 + 100 = 110; a Poisson path would give 10
  });
});

describe('fillGammaPerDraw', () => {
  it('fillGammaPerDraw gives Gamma(a, 1) variates with mean a and variance a for shapes below and above 1', () => {
    const draws = 100000;
    for (const shape of [0.5, 3]) {
      const out = new Float64Array(draws);
      fillGammaPerDraw(createStream(1, 'gamma', String(shape)), new Float64Array(draws).fill(shape), out, new Float64Array(draws), new Float64Array(draws));
      const { mean, variance } = moments(out);
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / draws));
      expect(Math.abs(variance - shape)).toBeLessThan(0.05 * shape + 0.02);
    }
  });
});
