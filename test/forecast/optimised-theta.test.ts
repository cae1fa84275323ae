import { describe, expect, it } from 'vitest';
import { fitOptimisedTheta, forecastOptimisedTheta } from '../../src/forecast/optimised-theta.js';
import { N0001 } from './m3-series.js';

describe('optimisedTheta (DOTM)', () => {
  it('forecastOptimisedTheta of a constant series is flat', () => {
    forecastOptimisedTheta(fitOptimisedTheta([2, 2, 2, 2, 2, 2]), 4).point.forEach((value) => expect(value).toBeCloseTo(2, 6));
  });

  it('fitOptimisedTheta keeps alpha in [0.1, 0.99] and theta >= 1', () => {
    const params = fitOptimisedTheta(N0001);
    expect(params.alpha).toBeGreaterThanOrEqual(0.1);
    expect(params.alpha).toBeLessThanOrEqual(0.99);
    expect(params.theta).toBeGreaterThanOrEqual(1);
  });

  it('forecastOptimisedTheta follows a linear series (theta picks up the full trend)', () => {
    const series = Array.from({ length: 15 }, (_, t) => 50 + 4 * t);
    const point = forecastOptimisedTheta(fitOptimisedTheta(series), 3).point;
    [110, 114, 118].forEach((value, k) => expect(point[k]).toBeCloseTo(value, 0));
  });

  it('theta = 2 with the OLS line reproduces the classic Theta extrapolation slope b/2', () => {
    const params = { ...fitOptimisedTheta(N0001), theta: 2 };
    const point = forecastOptimisedTheta(params, 3).point;
    expect(point[2] - point[1]).toBeCloseTo(params.slope / 2, 9);
  });

  it('fitOptimisedTheta needs four values', () => {
    expect(() => fitOptimisedTheta([1, 2, 3])).toThrow('fitOptimisedTheta series must have at least 4 values, got 3');
  });
});
