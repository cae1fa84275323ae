import { describe, expect, it } from 'vitest';
import { fitDrift, forecastDrift } from '../../src/forecast/drift.js';
import { onLogScale } from '../../src/forecast/on-log-scale.js';

const drift = { name: 'drift', description: 'drift', minimumLength: 3, forecast: (s: readonly number[], h: number) => forecastDrift(fitDrift(s), h) };

describe('onLogScale', () => {
  it('onLogScale(drift) extends constant growth: 1, 2, 4 → 8, 16', () => {
    const method = onLogScale(drift);
    expect(method.name).toBe('log_drift');
    const point = method.forecast([1, 2, 4], 2).point;
    expect(point[0]).toBeCloseTo(8, 9);
    expect(point[1]).toBeCloseTo(16, 9);
  });

  it('onLogScale quantiles are exp of log-scale quantiles, hence positive', () => {
    const forecast = onLogScale(drift).forecast([3, 9, 2, 8, 4, 10], 4);
    forecast.quantile(0.01).forEach((value) => expect(value).toBeGreaterThan(0));
  });

  it('onLogScale rejects non-positive values, naming the method', () => {
    expect(() => onLogScale(drift).forecast([1, -2, 3], 1)).toThrow('log_drift series[1] must be positive, got -2');
  });
});
