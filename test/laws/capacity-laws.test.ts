import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { gompertzLaw } from '../../src/laws/gompertz-law.js';
import type { Law } from '../../src/laws/law.js';
import { logisticLaw } from '../../src/laws/logistic-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, simulateLaw } from '../calibrate/fixtures.js';

type StudentT = Extract<Distribution, { dist: 'studentT' }>;
type Lognormal = Extract<Distribution, { dist: 'lognormal' }>;
type ScaledInvChi = Extract<Distribution, { dist: 'scaledInvChi' }>;

describe('logisticLaw and gompertzLaw by hand', () => {
  it('logisticLaw grows by r(1 − V/K) log points: 100 → 100·exp(0.25) at r 0.5, K 200', () => {
    const path = simulateLaw(logisticLaw, { base: 100, params: { rate: 0.5, capacity: 200, volatility: 0 }, years: 1 });
    expect(path[1][0]).toBeCloseTo(100 * Math.exp(0.25), 10);
  });

  it('gompertzLaw grows by r ln(K/V) log points: 100 → 200 at r 0.5, K 400', () => {
    const path = simulateLaw(gompertzLaw, { base: 100, params: { rate: 0.5, capacity: 400, volatility: 0 }, years: 1 });
    expect(path[1][0]).toBeCloseTo(200, 10);
  });
});

for (const law of [logisticLaw, gompertzLaw] as Law[]) {
  describe(`${law.name}Law`, () => {
    it(`${law.name}Law never exceeds its capacity with zero volatility and 0 ≤ r ≤ 1`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 1, max: 1e6, noNaN: true }),
          fc.double({ min: 1e-3, max: 1, noNaN: true }),
          (rate, capacity, share) => {
            const path = simulateLaw(law, { base: capacity * share, params: { rate, capacity, volatility: 0 }, years: 30 });
            return path.every((column, t) => column[0] <= capacity * (1 + 1e-12) && (t === 0 || column[0] >= path[t - 1][0] * (1 - 1e-12)));
          },
        ),
        { numRuns: 200 },
      );
    });

    const truth = { rate: 0.3, capacity: 10000, volatility: 0.02 };
    const path = simulateLaw(law, { base: 100, params: truth, years: 200, seed: 31 });
    const observations = levels(1800, path.map((c) => c[0]));

    it(`${law.name}Law.calibrate recovers the rate and volatility from 200 years when the capacity is given`, () => {
      const calibration = law.calibrate(calibrationInput({ observations, fixed: { capacity: { dist: 'constant', value: 10000 } } }));
      const rate = calibration.params.rate as StudentT;
      expect(Math.abs(rate.location - 0.3)).toBeLessThan(3 * rate.scale);
      const volatility = calibration.params.volatility as ScaledInvChi;
      expect(Math.abs(volatility.scale - 0.02)).toBeLessThan((3 * 0.02) / Math.sqrt(2 * volatility.df));
      expect(calibration.params.capacity).toEqual({ dist: 'constant', value: 10000 });
    });

    it(`${law.name}Law.calibrate recovers the capacity and rate from 200 years when the capacity is free`, () => {
      const calibration = law.calibrate(calibrationInput({ observations }));
      const capacity = calibration.params.capacity as Lognormal;
      expect(capacity.dist).toBe('lognormal');
      expect(Math.abs(capacity.meanlog - Math.log(10000))).toBeLessThan(3 * capacity.sdlog);
      expect(capacity.sdlog).toBeLessThan(0.05);
      const rate = calibration.params.rate as StudentT;
      expect(Math.abs(rate.location - 0.3)).toBeLessThan(3 * rate.scale);
    });

    it(`${law.name}Law.calibrate asks for the capacity when the history is short`, () => {
      expect(() => law.calibrate(calibrationInput({ observations: levels(2019, [100, 120, 140, 160]) }))).toThrow(
        `x (law ${law.name}): capacity must be given in the model when fewer than 8 growth figures are known, got 3`,
      );
    });

    it(`${law.name}Law.calibrate refuses to fit a capacity when growth speeds up as the level rises`, () => {
      const speeding = levels(2000, Array.from({ length: 12 }, (_, t) => 100 * Math.exp(0.01 * t * t)));
      expect(() => law.calibrate(calibrationInput({ observations: speeding }))).toThrow(ModelError);
      expect(() => law.calibrate(calibrationInput({ observations: speeding }))).toThrow('capacity must be given in the model when the data show no slowing');
    });
  });
}
