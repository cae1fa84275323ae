import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { meanRevertingDefaultHalfLife, meanRevertingLaw } from '../../src/laws/mean-reverting-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, observation, simulateLaw } from '../calibrate/fixtures.js';

type StudentT = Extract<Distribution, { dist: 'studentT' }>;
type Lognormal = Extract<Distribution, { dist: 'lognormal' }>;
type ScaledInvChi = Extract<Distribution, { dist: 'scaledInvChi' }>;

describe('meanRevertingLaw.start', () => {
  it('meanRevertingLaw halves the gap to the long-run growth every half-life', () => {
    // By hand: g1 = ln 1.05 + (ln 1.2 − ln 1.05)/2, g2 = ln 1.05 + (ln 1.2 − ln 1.05)/4.
    const path = simulateLaw(meanRevertingLaw, { base: 100, params: { initialGrowth: 0.2, longRunGrowth: 0.05, halfLife: 1, volatility: 0 }, years: 2 });
    const gap = Math.log(1.2) - Math.log(1.05);
    expect(Math.log(path[1][0] / 100)).toBeCloseTo(Math.log(1.05) + gap / 2, 12);
    expect(Math.log(path[2][0] / path[1][0])).toBeCloseTo(Math.log(1.05) + gap / 4, 12);
  });

  it('meanRevertingLaw with equal initial and long-run growth and no volatility compounds at that rate; zero ⇒ flat', () => {
    const flat = simulateLaw(meanRevertingLaw, { base: 50, params: { initialGrowth: 0, longRunGrowth: 0, halfLife: 3, volatility: 0 }, years: 5 });
    expect(flat.every((c) => c[0] === 50)).toBe(true);
    const steady = simulateLaw(meanRevertingLaw, { base: 100, params: { initialGrowth: 0.1, longRunGrowth: 0.1, halfLife: 3, volatility: 0 }, years: 2 });
    expect(steady[2][0]).toBeCloseTo(121, 10);
  });
});

describe('meanRevertingLaw.calibrate', () => {
  it('meanRevertingLaw.calibrate recovers long-run growth 5%, half-life 3 and volatility 0.02 from 300 years', () => {
    const path = simulateLaw(meanRevertingLaw, { base: 100, params: { initialGrowth: 0.05, longRunGrowth: 0.05, halfLife: 3, volatility: 0.02 }, years: 300, seed: 5 });
    const calibration = meanRevertingLaw.calibrate(calibrationInput({ observations: levels(1700, path.map((c) => c[0])) }));
    const longRun = calibration.params.longRunGrowth as StudentT;
    expect(Math.abs(Math.log1p(longRun.location) - Math.log(1.05))).toBeLessThan((3 * longRun.scale) / (1 + longRun.location));
    const halfLife = calibration.params.halfLife as Lognormal;
    expect(halfLife.dist).toBe('lognormal');
    expect(Math.abs(halfLife.meanlog - Math.log(3))).toBeLessThan(3 * halfLife.sdlog);
    const volatility = calibration.params.volatility as ScaledInvChi;
    expect(Math.abs(volatility.scale - 0.02)).toBeLessThan((3 * 0.02) / Math.sqrt(2 * volatility.df));
    // The last year's growth is known exactly: the decay starts from it.
    expect(calibration.params.initialGrowth).toEqual({ dist: 'constant', value: path[300][0] / path[299][0] - 1 });
  });

  it('meanRevertingLaw.calibrate on a short history uses the default half-life and a partial year for the start', () => {
    const calibration = meanRevertingLaw.calibrate(
      calibrationInput({ observations: [...levels(2019, [100, 120, 140, 160, 180]), observation({ year: 2024, period: 'H1', yoy: 0.15 })] }),
    );
    expect(calibration.params.halfLife).toBe(meanRevertingDefaultHalfLife);
    expect(calibration.notes.join('\n')).toContain('default halfLife');
    const initial = calibration.params.initialGrowth as StudentT;
    expect(initial.dist).toBe('studentT');
    expect(initial.location).toBeCloseTo(0.15, 12);
  });

  it('meanRevertingLaw.calibrate without evidence throws a ModelError naming every free parameter', () => {
    expect(() => meanRevertingLaw.calibrate(calibrationInput({ observations: levels(2023, [100]) }))).toThrow(
      new ModelError('x', 'meanReverting', 'initialGrowth, longRunGrowth, halfLife, volatility must be calibrated on evidence or given in the model, got no usable observations'),
    );
  });
});
