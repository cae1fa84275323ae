import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { linearLaw } from '../../src/laws/linear-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, observation, simulateLaw } from '../calibrate/fixtures.js';

type StudentT = Extract<Distribution, { dist: 'studentT' }>;
type ScaledInvChi = Extract<Distribution, { dist: 'scaledInvChi' }>;

describe('linearLaw.calibrate', () => {
  it('linearLaw.calibrate(levels 100, 110, 120) gives slope centred on 10 with the prior scaled to the mean level', () => {
    // By hand: steps 10 and 10 (100·(exp(ln 1.1) − 1) = 10), SS = 0, σ0 = 0.05 × 110 = 5.5, df = 3,
    // s² = 2·5.5²/3, slope scale = s/√2.
    const calibration = linearLaw.calibrate(calibrationInput({ observations: levels(2020, [100, 110, 120]) }));
    const slope = calibration.params.slope as StudentT;
    const s = Math.sqrt((2 * 5.5 ** 2) / 3);
    expect(slope.location).toBeCloseTo(10, 10);
    expect(slope.scale).toBeCloseTo(s / Math.SQRT2, 10);
    expect(slope.df).toBe(3);
    expect((calibration.params.volatility as ScaledInvChi).scale).toBeCloseTo(s, 10);
    expect(calibration.base).toEqual({ dist: 'constant', value: 120 });
  });

  it('linearLaw.calibrate turns a reported yoy into a step on last year\'s level', () => {
    // 2023 yoy 12% on the 2022 level 100 → step 12 (the level ratio 100 → 115 is not used).
    const calibration = linearLaw.calibrate(
      calibrationInput({ observations: [observation({ year: 2022, value: 100 }), observation({ year: 2023, value: 115, yoy: 0.12 })] }),
    );
    expect((calibration.params.slope as StudentT).location).toBeCloseTo(12, 10);
  });

  it('linearLaw.calibrate recovers slope 20 and volatility 500 from a 200-year path of its own simulation', () => {
    // Noise of about 4% of the level, the scale the weak prior assumes (σ0 = 0.05 × mean level);
    // much smaller noise needs many more years to outweigh the prior's 2 pseudo-observations.
    const path = simulateLaw(linearLaw, { base: 10000, params: { slope: 20, volatility: 500 }, years: 200, seed: 21 });
    const calibration = linearLaw.calibrate(calibrationInput({ observations: levels(1800, path.map((c) => c[0])) }));
    const slope = calibration.params.slope as StudentT;
    expect(Math.abs(slope.location - 20)).toBeLessThan(3 * slope.scale); // SE 500/√200 = 35
    const volatility = calibration.params.volatility as ScaledInvChi;
    expect(Math.abs(volatility.scale - 500)).toBeLessThan((3 * 500) / Math.sqrt(2 * volatility.df));
  });

  it('linearLaw.calibrate without steps throws a ModelError', () => {
    expect(() => linearLaw.calibrate(calibrationInput({ observations: levels(2023, [100]) }))).toThrow(ModelError);
  });
});

describe('linearLaw.start', () => {
  it('linearLaw with zero slope and volatility stays flat; step 0 is the base', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (base) => {
        const path = simulateLaw(linearLaw, { base, params: { slope: 0, volatility: 0 }, years: 10 });
        return path.every((column) => column[0] === base);
      }),
    );
  });

  it('linearLaw adds the slope each year: 100 → 105 → 110', () => {
    const path = simulateLaw(linearLaw, { base: 100, params: { slope: 5, volatility: 0 }, years: 2 });
    expect([path[1][0], path[2][0]]).toEqual([105, 110]);
  });

  it('linearLaw: a higher slope never lowers any draw (same random numbers)', () => {
    const low = simulateLaw(linearLaw, { base: 100, params: { slope: 1, volatility: 3 }, years: 5, draws: 100, seed: 2 });
    const high = simulateLaw(linearLaw, { base: 100, params: { slope: 2, volatility: 3 }, years: 5, draws: 100, seed: 2 });
    expect(high.every((column, year) => column.every((v, i) => v >= low[year][i]))).toBe(true);
  });
});
