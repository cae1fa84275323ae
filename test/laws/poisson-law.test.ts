import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { poissonLaw } from '../../src/laws/poisson-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, observation, simulateLaw } from '../calibrate/fixtures.js';

type Gamma = Extract<Distribution, { dist: 'gamma' }>;

describe('poissonLaw.calibrate', () => {
  it('poissonLaw.calibrate(counts 4, 6, 5) gives rate ~ Gamma(15.5, 3)', () => {
    // By hand (BDA3 §2.6, Jeffreys prior Gamma(0.5, 0)): shape 0.5 + 15 = 15.5, rate 3 years.
    const calibration = poissonLaw.calibrate(calibrationInput({ observations: levels(2021, [4, 6, 5], { unit: 'count' }) }));
    expect(calibration.params.rate).toEqual({ dist: 'gamma', shape: 15.5, rate: 3 });
    expect(calibration.baseYear).toBe(2023);
    expect(calibration.base).toEqual({ dist: 'constant', value: 5 });
    expect(calibration.evidence).toHaveLength(4); // the base level and three counts
  });

  it('poissonLaw.calibrate recovers rate 5 from 200 years of its own simulation', () => {
    const path = simulateLaw(poissonLaw, { base: 5, params: { rate: 5 }, years: 200, seed: 13 });
    const counts = levels(1801, path.slice(1).map((column) => column[0]));
    const rate = poissonLaw.calibrate(calibrationInput({ observations: counts })).params.rate as Gamma;
    const mean = rate.shape / rate.rate;
    const sd = Math.sqrt(rate.shape) / rate.rate; // ≈ √(5/200) = 0.158
    expect(Math.abs(mean - 5)).toBeLessThan(3 * sd);
  });

  it('poissonLaw.calibrate(one count of 6) is proper and wide: Gamma(6.5, 1), sd 2.55', () => {
    const rate = poissonLaw.calibrate(calibrationInput({ observations: levels(2023, [6]) })).params.rate as Gamma;
    expect(rate).toEqual({ dist: 'gamma', shape: 6.5, rate: 1 });
  });

  it('poissonLaw.calibrate treats a bound (超过10家) as censored, not as a count', () => {
    const calibration = poissonLaw.calibrate(
      calibrationInput({ observations: [observation({ year: 2022, value: 4 }), observation({ year: 2023, value: 10, qualifier: 'atLeast' })] }),
    );
    expect(calibration.params.rate).toEqual({ dist: 'gamma', shape: 4.5, rate: 1 });
    expect(calibration.notes.join('\n')).toContain('treated as censored');
  });

  it('poissonLaw.calibrate keeps a rate fixed by the model, and without counts or rate throws a ModelError', () => {
    const fixed = { rate: { dist: 'constant', value: 3 } } as const;
    const start = { year: 2023, value: { dist: 'constant', value: 6 } } as const;
    expect(poissonLaw.calibrate(calibrationInput({ fixed, start })).params).toEqual(fixed);
    expect(() => poissonLaw.calibrate(calibrationInput({ start }))).toThrow(ModelError);
    expect(() => poissonLaw.calibrate(calibrationInput({ start }))).toThrow('x (law poisson): rate must be calibrated');
  });
});

describe('poissonLaw.start', () => {
  it('poissonLaw draws counts with mean and variance λ', () => {
    const draws = 100000;
    const [, counts] = simulateLaw(poissonLaw, { base: 0, params: { rate: 3 }, years: 1, draws, seed: 2 });
    const mean = counts.reduce((s, v) => s + v, 0) / draws;
    const variance = counts.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws - 1);
    // SE of the mean √(3/10⁵) = 0.0055; of the variance ≈ √((2λ² + λ)/10⁵) = 0.0145.
    expect(Math.abs(mean - 3)).toBeLessThan(0.02);
    expect(Math.abs(variance - 3)).toBeLessThan(0.06);
    expect(counts.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('poissonLaw overwrites the level with the year\'s arrivals, and a zero (or negative) rate gives none', () => {
    const runtime = poissonLaw.start({
      draws: 2,
      params: { rate: Float64Array.of(0, -1) },
      stream: () => ({ fillPoisson: (out: Float64Array, rates: Float64Array) => out.set(rates) }) as never,
    });
    const level = Float64Array.of(6, 7);
    runtime.next(1, level, new Float64Array(2));
    expect([...level]).toEqual([0, 0]);
  });

  it('poissonLaw multiplies each draw\'s rate by a shared driver\'s rate factor, when given one', () => {
    const runtime = poissonLaw.start({
      draws: 3,
      params: { rate: Float64Array.of(2, 4, 0) },
      stream: () => ({ fillPoisson: (out: Float64Array, rates: Float64Array) => out.set(rates) }) as never,
    });
    const level = new Float64Array(3);
    runtime.next(1, level, new Float64Array(3), Float64Array.of(1.5, 0.5, 3));
    expect([...level]).toEqual([3, 2, 0]);
    runtime.next(2, level, new Float64Array(3));
    expect([...level]).toEqual([2, 4, 0]);
  });
});
