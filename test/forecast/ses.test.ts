import { describe, expect, it } from 'vitest';
import { fitSes, forecastSes } from '../../src/forecast/ses.js';
import { N0001, N0100, relativeErrors } from './m3-series.js';

describe('ses', () => {
  it('forecastSes of a constant series is flat at the constant', () => {
    const forecast = forecastSes(fitSes([5, 5, 5, 5, 5]), 3);
    forecast.point.forEach((value) => expect(value).toBeCloseTo(5, 9));
  });

  it('fitSes keeps alpha inside R\'s bounds [1e-4, 0.9999]', () => {
    const params = fitSes(N0001);
    expect(params.alpha).toBeGreaterThanOrEqual(1e-4);
    expect(params.alpha).toBeLessThanOrEqual(0.9999);
  });

  it('forecastSes matches R ses() on M3 N0100 (points and 80%/95% upper bounds)', () => {
    // checked in R 4.2.2, forecast 8.20:
    //   x <- ts(c(1424.7,1546.5,1615.7,1868.7,2041.5,2303.3,2615,2123,2295,2515,2011,2166,2210,2540))
    //   ses(x, h = 6)$mean  # 2471.479612 (flat); alpha 0.7992877
    //   ses(x, h = 6)$upper # 80%: 2832.523071 … 3210.896652; 95%: 3023.647934 … 3602.320389
    // tolerance 1e-4 relative: both optimisers stop near the same optimum, not at the same digits.
    const params = fitSes(N0100);
    expect(params.alpha).toBeCloseTo(0.7993, 3);
    const forecast = forecastSes(params, 6);
    expect(Math.max(...relativeErrors(forecast.point, Array(6).fill(2471.479612)))).toBeLessThan(1e-4);
    expect(Math.max(...relativeErrors(forecast.quantile(0.9), [2832.523071, 2933.680235, 3016.370841, 3088.069822, 3152.258962, 3210.896652]))).toBeLessThan(1e-4);
    expect(Math.max(...relativeErrors(forecast.quantile(0.975), [3023.647934, 3178.354465, 3304.818834, 3414.472963, 3512.641781, 3602.320389]))).toBeLessThan(1e-4);
  });
});
