import { describe, expect, it } from 'vitest';
import { dampedTrendDefaultDamping, dampedTrendLaw } from '../../src/laws/damped-trend-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, simulateLaw } from '../calibrate/fixtures.js';

type StudentT = Extract<Distribution, { dist: 'studentT' }>;
type Triangular = Extract<Distribution, { dist: 'triangular' }>;
type ScaledInvChi = Extract<Distribution, { dist: 'scaledInvChi' }>;

describe('dampedTrendLaw.start', () => {
  it('dampedTrendLaw damps the log trend by φ each year: 100 → 100·1.1^0.5 → ·1.1^0.25', () => {
    const path = simulateLaw(dampedTrendLaw, { base: 100, params: { trend: 0.1, damping: 0.5, volatility: 0 }, years: 2 });
    expect(path[1][0]).toBeCloseTo(100 * Math.sqrt(1.1), 10);
    expect(path[2][0]).toBeCloseTo(100 * Math.sqrt(1.1) * 1.1 ** 0.25, 10);
  });

  it('dampedTrendLaw without volatility rises toward V0·exp(b φ/(1 − φ)) and never passes it', () => {
    const path = simulateLaw(dampedTrendLaw, { base: 100, params: { trend: 0.2, damping: 0.8, volatility: 0 }, years: 200 });
    const limit = 100 * Math.exp((Math.log(1.2) * 0.8) / 0.2);
    for (let t = 1; t < path.length; t++) {
      expect(path[t][0]).toBeGreaterThanOrEqual(path[t - 1][0]);
      expect(path[t][0]).toBeLessThanOrEqual(limit * (1 + 1e-12));
    }
    expect(path[200][0]).toBeCloseTo(limit, 8);
  });
});

describe('dampedTrendLaw.calibrate', () => {
  const path = simulateLaw(dampedTrendLaw, { base: 100, params: { trend: 0.3, damping: 0.9, volatility: 0.01 }, years: 40, seed: 9 });
  const observations = levels(1980, path.map((c) => c[0]));
  // The trend at the last year (2020) is ln(1.3)·0.9^40.
  const trendAtEnd = Math.log(1.3) * 0.9 ** 40;

  it('dampedTrendLaw.calibrate with damping given recovers the trend at the base year and the volatility', () => {
    const calibration = dampedTrendLaw.calibrate(calibrationInput({ observations, fixed: { damping: { dist: 'constant', value: 0.9 } } }));
    const trend = calibration.params.trend as StudentT;
    expect(Math.abs(Math.log1p(trend.location) - trendAtEnd)).toBeLessThan((3 * trend.scale) / (1 + trend.location));
    const volatility = calibration.params.volatility as ScaledInvChi;
    expect(Math.abs(volatility.scale - 0.01)).toBeLessThan(0.01);
    expect(calibration.params.damping).toEqual({ dist: 'constant', value: 0.9 });
  });

  it('dampedTrendLaw.calibrate profiles the damping from a 40-year history', () => {
    const damping = dampedTrendLaw.calibrate(calibrationInput({ observations })).params.damping as Triangular;
    expect(damping.dist).toBe('triangular');
    expect(damping.min).toBeLessThanOrEqual(0.9);
    expect(damping.max).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(damping.mode - 0.9)).toBeLessThan(0.02);
  });

  it('dampedTrendLaw.calibrate on a short history uses the fpp3 damping range and says so', () => {
    const calibration = dampedTrendLaw.calibrate(calibrationInput({ observations: levels(2019, [100, 120, 140, 155, 165]) }));
    expect(calibration.params.damping).toBe(dampedTrendDefaultDamping);
    expect(calibration.notes.join('\n')).toContain('default damping = uniform(0.8, 0.98)');
  });
});
