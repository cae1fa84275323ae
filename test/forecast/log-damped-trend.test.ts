import { describe, expect, it } from 'vitest';
import { fitLogDampedTrend, forecastLogDampedTrend } from '../../src/forecast/log-damped-trend.js';

describe('logDampedTrend', () => {
  it('forecastLogDampedTrend of a constant series is flat', () => {
    forecastLogDampedTrend(fitLogDampedTrend([8, 8, 8, 8, 8, 8]), 3).point.forEach((value) => expect(value).toBeCloseTo(8, 6));
  });

  it('forecastLogDampedTrend keeps growth positive but damped for a 10%-a-year series', () => {
    const series = Array.from({ length: 12 }, (_, t) => 100 * 1.1 ** t);
    const point = forecastLogDampedTrend(fitLogDampedTrend(series), 3).point;
    expect(point[0] / series[11]).toBeGreaterThan(1.09);
    expect(point[0] / series[11]).toBeLessThan(1.1 + 1e-6);
    expect(point[2] / point[1]).toBeLessThanOrEqual(point[1] / point[0] + 1e-12);
  });

  it('forecastLogDampedTrend quantiles are positive (log-normal)', () => {
    const forecast = forecastLogDampedTrend(fitLogDampedTrend([5, 9, 4, 12, 6, 10, 3]), 6);
    forecast.quantile(0.025).forEach((value) => expect(value).toBeGreaterThan(0));
  });

  it('fitLogDampedTrend rejects non-positive values', () => {
    expect(() => fitLogDampedTrend([1, 2, 0, 4, 5])).toThrow('fitLogDampedTrend series[2] must be positive, got 0');
  });
});
