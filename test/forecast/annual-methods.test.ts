import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualMethods } from '../../src/forecast/annual-methods.js';
import { defaultAnnualMethod } from '../../src/forecast/default-annual-method.js';

describe('annualMethods', () => {
  it('names are unique; the default (w·drift + (1 − w)·median_dotm_ltheta_ldrift) stands apart, named default', () => {
    const names = annualMethods.map((method) => method.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('median_dotm_ltheta_ldrift');
    expect(defaultAnnualMethod.name).toBe('default');
    expect(defaultAnnualMethod.description).toMatch(/^0\.\d+·drift \+ 0\.\d+·median\(dotm, log_theta, log_drift\)/);
  });

  it('the default forecasts any series of one value or more without a crash', () => {
    for (const series of [[5], [5, 6], [5, 6, 8], [5, 6, 8, 7], [0, 0, 0, 0, 0, 0], [3, -1, 4, -1, 5]]) {
      const forecast = defaultAnnualMethod.forecast(series, 3);
      expect(forecast.point).toHaveLength(3);
      forecast.point.forEach((value) => expect(Number.isFinite(value)).toBe(true));
      expect(forecast.quantile(0.9).every((value, k) => value >= Math.max(forecast.point[k], 1e-9) - 1e-12)).toBe(true);
    }
  });

  it.each(annualMethods.map((method) => [method.name, method] as const))(
    '%s forecasts a constant series flat',
    (_, method) => {
      const point = method.forecast(Array(12).fill(250), 6).point;
      expect(point).toHaveLength(6);
      point.forEach((value) => expect(Math.abs(value / 250 - 1)).toBeLessThan(1e-5));
    },
  );

  it.each(annualMethods.map((method) => [method.name, method] as const))(
    '%s gives ordered quantiles (q0.025 ≤ q0.1 ≤ q0.9 ≤ q0.975) on any positive series',
    (_, method) => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: 10, max: 1000, noNaN: true }), { minLength: 12, maxLength: 20 }), (series) => {
          const forecast = method.forecast(series, 6);
          const [a, b, c, d] = [0.025, 0.1, 0.9, 0.975].map((p) => forecast.quantile(p));
          return forecast.point.every((_, k) => a[k] <= b[k] + 1e-9 && b[k] <= c[k] + 1e-9 && c[k] <= d[k] + 1e-9);
        }),
        { numRuns: 15, seed: 20240601 },
      );
    },
  );

  it('trend methods follow a straight line: drift, holt, dotm recover slope 5', () => {
    const series = Array.from({ length: 16 }, (_, t) => 100 + 5 * t);
    for (const name of ['drift', 'holt', 'dotm']) {
      const point = annualMethods.find((method) => method.name === name)!.forecast(series, 3).point;
      [180, 185, 190].forEach((value, k) => expect(point[k], name).toBeCloseTo(value, 0));
    }
  });
});
