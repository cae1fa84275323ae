import { describe, expect, it } from 'vitest';
import { fitDampedTrend, forecastDampedTrend } from '../../src/forecast/damped-trend.js';
import { fitExponentialSmoothing } from '../../src/forecast/fit-exponential-smoothing.js';
import { N0001, N0100, N0500, relativeErrors } from './m3-series.js';

// checked in R 4.2.2, forecast 8.20 (Debian r-cran-forecast), e.g.
//   library(forecast); x <- ts(c(940.66, …, 4936.99)); print(holt(x, h = 6, damped = TRUE)$mean)
const R_DAMPED: [string, readonly number[], readonly number[]][] = [
  ['N0001', N0001, [5475.715914, 6003.666499, 6521.058023, 7028.101669, 7525.004395, 8011.96902]],
  ['N0100', N0100, [2479.700283, 2512.692062, 2543.091518, 2571.102343, 2596.912223, 2620.694097]],
  ['N0500', N0500, [7330.212907, 7613.466924, 7840.070292, 8021.353112, 8166.379467, 8282.40063]],
];

describe('dampedTrend', () => {
  it.each(R_DAMPED)('forecastDampedTrend matches R holt(damped = TRUE) on M3 %s within 0.1%%', (_, series, expected) => {
    // Our Nelder–Mead starts where R's does (initparam/initstate) but is not R's C code:
    // 0.1% relative covers the difference in where the two stop.
    const forecast = forecastDampedTrend(fitDampedTrend(series), 6);
    expect(Math.max(...relativeErrors(forecast.point, expected))).toBeLessThan(1e-3);
  });

  it('fitDampedTrend keeps phi in [0.8, 0.98] and beta <= alpha', () => {
    for (const [, series] of R_DAMPED) {
      const params = fitDampedTrend(series);
      expect(params.phi).toBeGreaterThanOrEqual(0.8);
      expect(params.phi).toBeLessThanOrEqual(0.98);
      expect(params.beta).toBeLessThanOrEqual(params.alpha);
    }
  });

  it('the concentrated estimator reaches an SSE no larger than the joint (R-style) one', () => {
    // N0100: R's SSE at its optimum is 679768.7; the exact least-squares initial states go lower.
    for (const [, series] of R_DAMPED) {
      const joint = fitExponentialSmoothing(series, 'damped', 'joint');
      const concentrated = fitExponentialSmoothing(series, 'damped', 'concentrated');
      expect(concentrated.sse).toBeLessThanOrEqual(joint.sse * (1 + 1e-6));
    }
  });

  it('forecastDampedTrend of a constant series is flat', () => {
    forecastDampedTrend(fitDampedTrend([3, 3, 3, 3, 3, 3]), 4).point.forEach((value) => expect(value).toBeCloseTo(3, 6));
  });

  it('damped forecasts level off: increments shrink by phi each year', () => {
    const params = fitDampedTrend(N0001);
    const point = forecastDampedTrend(params, 6).point;
    for (let k = 2; k < 6; k += 1) {
      expect((point[k] - point[k - 1]) / (point[k - 1] - point[k - 2])).toBeCloseTo(params.phi, 9);
    }
  });
});
