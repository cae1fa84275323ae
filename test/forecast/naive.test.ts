import { describe, expect, it } from 'vitest';
import { fitNaive, forecastNaive } from '../../src/forecast/naive.js';
import { N0100 } from './m3-series.js';

describe('naive', () => {
  it('fitNaive([1, 3, 5]) has last 5 and sigma 2', () => {
    expect(fitNaive([1, 3, 5])).toEqual({ last: 5, sigma: 2 });
  });

  it('forecastNaive of a constant series is flat with zero-width intervals', () => {
    const forecast = forecastNaive(fitNaive([7, 7, 7, 7]), 3);
    expect(forecast.point).toEqual([7, 7, 7]);
    expect(forecast.quantile(0.975)).toEqual([7, 7, 7]);
  });

  it('forecastNaive intervals match R naive() on M3 N0100', () => {
    // checked in R 4.2.2, forecast 8.20:
    //   x <- ts(c(1424.7, …, 2540)); naive(x, h = 3)$upper
    //   80%: 2893.319740 3039.669569 3151.967742; 95%: 3080.355913 3304.178661 3475.923895
    const forecast = forecastNaive(fitNaive(N0100), 3);
    const upper80 = forecast.quantile(0.9);
    const upper95 = forecast.quantile(0.975);
    [2893.31974, 3039.669569, 3151.967742].forEach((value, k) => expect(upper80[k]).toBeCloseTo(value, 4));
    [3080.355913, 3304.178661, 3475.923895].forEach((value, k) => expect(upper95[k]).toBeCloseTo(value, 4));
  });

  it('fitNaive needs two values', () => {
    expect(() => fitNaive([1])).toThrow('fitNaive series must have at least 2 values, got 1');
  });
});
