import { describe, expect, it } from 'vitest';
import { defaultAnnualMethod } from '../../src/forecast/default-annual-method.js';
import { fitEnsemblePath } from '../../src/laws/ensemble-path.js';
import { ensemblePointRatio } from '../../src/laws/ensemble-point-ratio.js';
import { N0001, N0100, N0500 } from '../forecast/m3-series.js';

describe('fitEnsemblePath and ensemblePointRatio', () => {
  it('reproduce the default annual method\'s point forecasts at h = 1..10 (the members are lines in h)', () => {
    for (const series of [N0001, N0100, N0500, [100, 104, 103, 110, 118, 116, 125, 131], [900, 850, 820, 700, 690, 600, 640]]) {
      const path = fitEnsemblePath(series);
      const point = defaultAnnualMethod.forecast(series, 10).point;
      const last = series[series.length - 1];
      point.forEach((value, k) => expect(ensemblePointRatio(path, k + 1) * last).toBeCloseTo(value, 8));
    }
  });

  it('ensemblePointRatio takes w·drift + (1 − w)·median of the three member lines', () => {
    const path = { trendWeight: 0, driftSlope: 0.3, dotmIntercept: 1, dotmSlope: 0.1, logThetaIntercept: 0, logThetaSlope: 0, logDriftSlope: Math.log(1.05) };
    // h = 2: dotm 1.2, theta 1, drift 1.1025 → median 1.1025
    expect(ensemblePointRatio(path, 2)).toBeCloseTo(1.1025, 12);
    // w = 0.25 mixes in the level drift line 1 + 0.3·2 = 1.6: 0.25·1.6 + 0.75·1.1025
    expect(ensemblePointRatio({ ...path, trendWeight: 0.25 }, 2)).toBeCloseTo(0.25 * 1.6 + 0.75 * 1.1025, 12);
  });

  it('ensemblePointRatio floors a path that would cross zero at 1e-9', () => {
    const path = { trendWeight: 0.2, driftSlope: -1, dotmIntercept: 1, dotmSlope: -1, logThetaIntercept: 0, logThetaSlope: -50, logDriftSlope: -50 };
    expect(ensemblePointRatio(path, 3)).toBe(1e-9);
  });
});
