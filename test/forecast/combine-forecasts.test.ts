import { describe, expect, it } from 'vitest';
import { combineForecasts } from '../../src/forecast/combine-forecasts.js';
import { normalForecast } from '../../src/forecast/normal-forecast.js';

describe('combineForecasts', () => {
  const members = [normalForecast([10, 10], [1, 1]), normalForecast([20, 30], [2, 2]), normalForecast([60, 40], [3, 3])];

  it('combineForecasts(mean) averages points and quantiles', () => {
    const combined = combineForecasts(members, 'mean');
    expect(combined.point).toEqual([30, 80 / 3]);
    expect(combined.quantile(0.5)).toEqual([30, 80 / 3]);
  });

  it('combineForecasts(median) takes the middle member per horizon', () => {
    expect(combineForecasts(members, 'median').point).toEqual([20, 30]);
    expect(combineForecasts(members.slice(0, 2), 'median').point).toEqual([15, 20]);
  });

  it('combined quantiles are the combination of member quantiles (Vincentization)', () => {
    const combined = combineForecasts(members, 'mean');
    const expected = members.map((member) => member.quantile(0.9)[0]).reduce((a, b) => a + b) / 3;
    expect(combined.quantile(0.9)[0]).toBeCloseTo(expected, 12);
  });

  it('combineForecasts rejects an empty list', () => {
    expect(() => combineForecasts([])).toThrow('combineForecasts forecasts must not be empty, got []');
  });
});
