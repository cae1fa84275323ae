import { describe, expect, it } from 'vitest';
import { fitHolt, forecastHolt } from '../../src/forecast/holt.js';

describe('holt', () => {
  it('fitHolt recovers the slope of a linear series', () => {
    const params = fitHolt([3, 5, 7, 9, 11, 13, 15, 17]);
    expect(params.slope).toBeCloseTo(2, 4);
    const forecast = forecastHolt(params, 3);
    [19, 21, 23].forEach((value, k) => expect(forecast.point[k]).toBeCloseTo(value, 3));
  });

  it('forecastHolt of a constant series is flat', () => {
    forecastHolt(fitHolt([9, 9, 9, 9, 9, 9]), 4).point.forEach((value) => expect(value).toBeCloseTo(9, 6));
  });

  it('forecastHolt intervals widen with the horizon', () => {
    const forecast = forecastHolt(fitHolt([10, 12, 13, 15, 18, 19, 21, 24]), 4);
    const widths = forecast.quantile(0.9).map((upper, k) => upper - forecast.quantile(0.1)[k]);
    for (let k = 1; k < widths.length; k += 1) expect(widths[k]).toBeGreaterThan(widths[k - 1]);
  });
});
