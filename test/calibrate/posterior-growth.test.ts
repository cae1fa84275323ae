import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posteriorGrowth } from '../../src/calibrate/posterior-growth.js';

describe('posteriorGrowth', () => {
  it('posteriorGrowth(one sample) is proper and as wide as the prior: scale σ0 = 0.05, df ν0 = 2', () => {
    expect(posteriorGrowth([{ value: 0.1, weight: 1 }])).toEqual({
      location: 0.1,
      scale: 0.05,
      df: 2,
      volatilityScale: 0.05,
      samples: 1,
      effectiveYears: 1,
    });
  });

  it('posteriorGrowth([0.1, 0.2]) matches the hand-worked conjugate update', () => {
    // By hand (BDA3 §3.3, κ0 → 0): ḡ = 0.15, SS = 2·0.05² = 0.005, df = 2 + 2 − 1 = 3,
    // s² = (2·0.05² + 0.005)/3 = 0.01/3, s = 0.0577350…, scale = s/√2 = 0.0408248…
    const posterior = posteriorGrowth([
      { value: 0.1, weight: 1 },
      { value: 0.2, weight: 1 },
    ]);
    expect(posterior.location).toBeCloseTo(0.15, 15);
    expect(posterior.df).toBe(3);
    expect(posterior.volatilityScale).toBeCloseTo(Math.sqrt(0.01 / 3), 15);
    expect(posterior.scale).toBeCloseTo(Math.sqrt(0.01 / 3) / Math.SQRT2, 15);
  });

  it('posteriorGrowth treats an 8-year ratio as 8 years for the mean but one sample for the volatility', () => {
    const posterior = posteriorGrowth([{ value: 0.1, weight: 8 }]);
    expect(posterior.scale).toBeCloseTo(0.05 / Math.sqrt(8), 15);
    expect(posterior.df).toBe(2);
    expect(posterior.volatilityScale).toBe(0.05);
  });

  it('posteriorGrowth narrows as evidence accumulates (more equal samples never widen the mean)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 50 }), (value, count) => {
        const few = posteriorGrowth(Array.from({ length: count }, () => ({ value, weight: 1 })));
        const more = posteriorGrowth(Array.from({ length: count + 1 }, () => ({ value, weight: 1 })));
        return more.scale <= few.scale && Math.abs(more.location - value) < 1e-12;
      }),
    );
  });

  it('posteriorGrowth refuses an empty sample', () => {
    expect(() => posteriorGrowth([])).toThrow('at least one sample');
  });
});
