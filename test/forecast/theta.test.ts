import { describe, expect, it } from 'vitest';
import { fitTheta, forecastTheta } from '../../src/forecast/theta.js';
import { N0001, N0100, N0500, relativeErrors } from './m3-series.js';

// checked in R 4.2.2, forecast 8.20: library(forecast); x <- ts(c(…)); print(thetaf(x, h = 6)$mean)
const R_THETAF: [string, readonly number[], readonly number[]][] = [
  ['N0001', N0001, [5085.069837, 5233.189782, 5381.309727, 5529.429672, 5677.549617, 5825.669562]],
  ['N0100', N0100, [2512.170786, 2544.694742, 2577.218698, 2609.742654, 2642.26661, 2674.790566]],
  ['N0500', N0500, [7034.299492, 7092.48743, 7150.675369, 7208.863307, 7267.051246, 7325.239185]],
];

describe('theta', () => {
  it.each(R_THETAF)('forecastTheta matches R thetaf() on M3 %s', (_, series, expected) => {
    // 1e-4 relative: the SES step is optimised by a different Nelder–Mead.
    expect(Math.max(...relativeErrors(forecastTheta(fitTheta(series), 6).point, expected))).toBeLessThan(1e-4);
  });

  it('forecastTheta 80%/95% upper bounds match R thetaf() on M3 N0001', () => {
    // R: thetaf(x, h = 6)$upper; 80%: 5533.700389 … 6924.493911; 95%: 5771.191057 … 7506.176384
    const forecast = forecastTheta(fitTheta(N0001), 6);
    expect(Math.max(...relativeErrors(forecast.quantile(0.9), [5533.700389, 5867.617467, 6158.308828, 6426.623474, 6680.637766, 6924.493911]))).toBeLessThan(1e-4);
    expect(Math.max(...relativeErrors(forecast.quantile(0.975), [5771.191057, 6203.463197, 6569.627306, 6901.569184, 7211.640556, 7506.176384]))).toBeLessThan(1e-4);
  });

  it('fitTheta halves the least-squares slope; constant series stay flat', () => {
    expect(fitTheta([1, 2, 3, 4, 5]).halfSlope).toBeCloseTo(0.5, 12);
    forecastTheta(fitTheta([6, 6, 6, 6, 6]), 3).point.forEach((value) => expect(value).toBeCloseTo(6, 6));
  });

  it('forecastTheta on a linear series extends it at half the slope after the first step', () => {
    const point = forecastTheta(fitTheta([2, 4, 6, 8, 10, 12, 14, 16]), 3).point;
    expect(point[1] - point[0]).toBeCloseTo(1, 6);
    expect(point[2] - point[1]).toBeCloseTo(1, 6);
  });
});
