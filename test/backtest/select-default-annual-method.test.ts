import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { rollingOriginHindcasts } from '../../src/backtest/rolling-origin-hindcasts.js';
import { selectDefaultAnnualMethod, TREND_WEIGHTS } from '../../src/backtest/select-default-annual-method.js';
import { smape } from '../../src/backtest/smape.js';
import { annualMethods } from '../../src/forecast/annual-methods.js';
import { forecastDefaultMembers, mixDefaultMembers } from '../../src/forecast/default-members.js';

const series = readM3Csv(readFileSync(new URL('../fixtures/m3/m3-yearly-sample.csv', import.meta.url), 'utf8'));
const training = series.map((entry) => entry.train);

describe('selectDefaultAnnualMethod (the protocol of docs/backtest.md §0)', () => {
  const selection = selectDefaultAnnualMethod(training, { horizon: 6 });

  it('chooses the weight with the smallest horizon-balanced hindcast sMAPE among 0, 0.1, …, 1', () => {
    expect(selection.weights).toEqual(TREND_WEIGHTS);
    const best = Math.min(...selection.hindcastScore);
    expect(selection.hindcastScore[selection.weights.indexOf(selection.trendWeight)]).toBe(best);
    expect(selection.hindcastScore.findIndex((score) => score === best)).toBe(selection.weights.indexOf(selection.trendWeight));
  });

  it('its criterion for w = 1 equals drift\'s hindcasts computed independently (origins max(4, n − 10) … n − 1)', () => {
    const drift = annualMethods.find((method) => method.name === 'drift')!;
    const totals = new Array<number>(6).fill(0);
    const counts = new Array<number>(6).fill(0);
    for (const train of training) {
      for (const hindcast of rollingOriginHindcasts(train, drift, { horizon: 6, minimumTrain: 4, maxOrigins: 10 })) {
        totals[hindcast.horizon - 1] += smape([hindcast.actual], [hindcast.point]);
        counts[hindcast.horizon - 1] += 1;
      }
    }
    expect(selection.hindcastCounts).toEqual(counts);
    const balanced = totals.reduce((sum, total, k) => sum + total / counts[k], 0) / 6;
    expect(selection.hindcastScore[TREND_WEIGHTS.length - 1]).toBeCloseTo(balanced, 10);
  });

  it('its method forecasts F_w with the calibrated band around it (median = point)', () => {
    const forecast = selection.method.forecast(training[0], 6);
    const point = mixDefaultMembers(forecastDefaultMembers(training[0], 6), selection.trendWeight).point;
    forecast.point.forEach((value, k) => expect(value).toBeCloseTo(point[k], 9));
    expect(forecast.quantile(0.5)).toEqual(forecast.point);
    forecast.point.forEach((value, k) => expect(forecast.quantile(0.1)[k]).toBeLessThan(value));
  });

  it('is deterministic: the same training parts give the same numbers', () => {
    expect(selectDefaultAnnualMethod(training, { horizon: 6 }).hindcastScore).toEqual(selection.hindcastScore);
  });

  it('a collection too short for any hindcast still gives a method: w = 0 (no criterion, ties to the smaller w), the members\' own intervals', () => {
    const tiny = selectDefaultAnnualMethod([[5], [3, 4], [10, 11, 12], [2, 3, 5, 6]], { horizon: 2 });
    expect(tiny.calibration).toBeUndefined();
    expect(tiny.hindcastCounts).toEqual([0, 0]);
    expect(tiny.trendWeight).toBe(0);
    expect(tiny.method.forecast([10, 11, 12], 2).point).toEqual(mixDefaultMembers(forecastDefaultMembers([10, 11, 12], 2), 0).point);
    expect(tiny.method.forecast([5], 2).point).toEqual([5, 5]);
  });
});
