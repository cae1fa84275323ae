import { describe, expect, it } from 'vitest';
import { annualMethods } from '../../src/forecast/annual-methods.js';
import { forecastDefaultMembers, mixDefaultMembers } from '../../src/forecast/default-members.js';
import { N0001, N0100, N0500, relativeErrors } from './m3-series.js';

// Tourism yearly Y50, its 7 training values (a short series; ../shared/benchmarks/tourism-yearly.csv).
const Y50 = [6169285, 6063942, 6087396, 5617492, 5205617, 4399591, 4513477];

// The members R forecast 8.20 has (R 4.2.2), printed by:
//   library(forecast); x <- ts(c(…))
//   rwf(x, h = 6, drift = TRUE)$mean                  # D, drift in levels
//   rwf(x, h = 6, drift = TRUE, lambda = 0)$mean      # drift on ln y (back-transformed median)
//   exp(thetaf(log(x), h = 6)$mean)                   # Theta on ln y
// DOTM is not in R's forecast package (optimised-theta.test.ts checks its properties).
const R: Record<string, { series: readonly number[]; drift: number[]; logDrift: number[]; logTheta: number[] }> = {
  N0001: {
    series: N0001,
    drift: [5244.4, 5551.81, 5859.22, 6166.63, 6474.04, 6781.45],
    logDrift: [5608.531167, 6371.416966, 7238.072314, 8222.612191, 9341.071532, 10611.666384],
    logTheta: [5256.926882, 5597.627831, 5960.409576, 6346.703174, 6758.032424, 7196.019884],
  },
  N0100: {
    series: N0100,
    drift: [2625.792308, 2711.584615, 2797.376923, 2883.169231, 2968.961538, 3054.753846],
    logDrift: [2655.521934, 2776.29793, 2902.566948, 3034.578817, 3172.594728, 3316.887752],
    logTheta: [2552.13888, 2595.75076, 2640.107897, 2685.223024, 2731.109095, 2777.779284],
  },
  N0500: {
    series: N0500,
    drift: [7183.305556, 7390.461111, 7597.616667, 7804.772222, 8011.927778, 8219.083333],
    logDrift: [7278.888585, 7594.764882, 7924.349018, 8268.235863, 8627.046098, 9001.427344],
    logTheta: [7060.0458, 7144.988851, 7230.953895, 7317.953228, 7405.999296, 7495.104691],
  },
  Y50: {
    series: Y50,
    drift: [4237509, 3961541, 3685573, 3409605, 3133637, 2857669],
    logDrift: [4284406.147, 4066961.243, 3860552.241, 3664619.04, 3478629.966, 3302080.327],
    logTheta: [4375702.472, 4242157.525, 4112688.325, 3987170.48, 3865483.396, 3747510.162],
  },
};
const method = (name: string) => annualMethods.find((m) => m.name === name)!;
const median3 = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

describe('forecastDefaultMembers and mixDefaultMembers', () => {
  it.each(Object.entries(R))('the members match R forecast on %s (drift, log drift to 1e-9; log Theta to 1e-4: a different SES optimiser)', (_, ref) => {
    expect(Math.max(...relativeErrors(method('drift').forecast(ref.series, 6).point, ref.drift))).toBeLessThan(1e-9);
    expect(Math.max(...relativeErrors(method('log_drift').forecast(ref.series, 6).point, ref.logDrift))).toBeLessThan(1e-9);
    expect(Math.max(...relativeErrors(method('log_theta').forecast(ref.series, 6).point, ref.logTheta))).toBeLessThan(1e-4);
  });

  it.each(Object.entries(R))('F_w on %s is w·(R drift) + (1 − w)·median(DOTM, R log Theta, R log drift) for w = 0, 0.3, 1', (_, ref) => {
    const members = forecastDefaultMembers(ref.series, 6);
    const dotm = method('dotm').forecast(ref.series, 6).point;
    for (const w of [0, 0.3, 1]) {
      const expected = ref.drift.map((d, k) => w * d + (1 - w) * median3(dotm[k], ref.logTheta[k], ref.logDrift[k]));
      expect(Math.max(...relativeErrors(mixDefaultMembers(members, w).point, expected)), `w = ${w}`).toBeLessThan(1e-4);
    }
  });

  it('leaves DOTM out of B with three values (B = mean of log Theta and log drift) and says why', () => {
    const members = forecastDefaultMembers([100, 110, 125], 2);
    expect(members.leftOut).toEqual(['dotm: needs at least 4 values, got 3']);
    const logTheta = method('log_theta').forecast([100, 110, 125], 2).point;
    const logDrift = method('log_drift').forecast([100, 110, 125], 2).point;
    members.base!.point.forEach((value, k) => expect(value).toBeCloseTo((logTheta[k] + logDrift[k]) / 2, 9));
  });

  it('leaves the log members out of a series with a non-positive value; B is then DOTM alone', () => {
    const series = [5, 3, 0, -2, 1, 4];
    const members = forecastDefaultMembers(series, 3);
    expect(members.leftOut).toEqual(['log_theta: needs positive values', 'log_drift: needs positive values']);
    expect(members.base!.point).toEqual(method('dotm').forecast(series, 3).point);
  });

  it('falls back to the last value below three values (with the one change\'s spread for two values)', () => {
    const two = forecastDefaultMembers([10, 12], 2);
    expect(two.drift).toBeUndefined();
    expect(two.leftOut).toContain('drift: needs at least 3 values, got 2');
    expect(mixDefaultMembers(two, 0.5).point).toEqual([12, 12]);
    expect(mixDefaultMembers(two, 0.5).quantile(0.9)[0]).toBeGreaterThan(12);
    const one = forecastDefaultMembers([7], 1);
    expect(mixDefaultMembers(one, 0.5).quantile(0.9)).toEqual([7]);
  });

  it('mixDefaultMembers refuses a weight outside [0, 1]', () => {
    expect(() => mixDefaultMembers(forecastDefaultMembers(N0001, 1), 1.5)).toThrow('mixDefaultMembers weight must be in [0, 1], got 1.5');
  });
});
