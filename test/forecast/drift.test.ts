import { describe, expect, it } from 'vitest';
import { fitDrift, forecastDrift } from '../../src/forecast/drift.js';
import { N0100 } from './m3-series.js';

describe('drift', () => {
  it('fitDrift recovers the slope of a linear series exactly, with sigma 0', () => {
    const params = fitDrift([10, 13, 16, 19, 22]);
    expect(params.slopePerYear).toBe(3);
    expect(params.sigma).toBe(0);
    expect(forecastDrift(params, 3).point).toEqual([25, 28, 31]);
  });

  it('forecastDrift of a constant series is flat', () => {
    expect(forecastDrift(fitDrift([4, 4, 4]), 2).point).toEqual([4, 4]);
  });

  it('forecastDrift intervals match R rwf(drift = TRUE) on M3 N0100', () => {
    // checked in R 4.2.2, forecast 8.20: rwf(x, h = 3, drift = TRUE)$upper
    //   80%: 2988.473312 3242.495243 3468.931649; 95%: 3180.465038 3523.542352 3824.431247
    const forecast = forecastDrift(fitDrift(N0100), 3);
    [2988.473312, 3242.495243, 3468.931649].forEach((value, k) => expect(forecast.quantile(0.9)[k]).toBeCloseTo(value, 4));
    [3180.465038, 3523.542352, 3824.431247].forEach((value, k) => expect(forecast.quantile(0.975)[k]).toBeCloseTo(value, 4));
  });
});
