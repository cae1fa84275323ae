import { describe, expect, it } from 'vitest';
import { lawForecastDraws } from '../../src/backtest/law-forecast-draws.js';
import { lawForecaster } from '../../src/backtest/law-forecaster.js';
import { sampledForecast, sortedSampleQuantile } from '../../src/backtest/sampled-forecast.js';
import { ModelError } from '../../src/errors/model-error.js';
import { laws } from '../../src/laws/registry.js';
import { sampleColumn } from '../../src/simulate/simulate.js';

const geometric = Array.from({ length: 15 }, (_, t) => 100 * 1.06 ** t * (1 + 0.01 * Math.sin(t)));

describe('lawForecaster', () => {
  it('lawForecaster(laws.compound) forecasts a 6%-a-year series with a median growing about 6% a year', () => {
    const forecast = lawForecaster(laws.compound, { draws: 4000 }).forecast(geometric, 3);
    const last = geometric[geometric.length - 1];
    forecast.point.forEach((value, k) => expect((value / last) ** (1 / (k + 1)) - 1).toBeCloseTo(0.06, 2));
    expect(forecast.draws).toHaveLength(3);
    expect(forecast.draws[0]).toHaveLength(4000);
    expect(forecast.calibration.law).toBe('compound');
  });

  it('names the method law:<law> and gives quantiles that widen with the horizon', () => {
    const method = lawForecaster(laws.linear, { draws: 2000 });
    expect(method.name).toBe('law:linear');
    const forecast = method.forecast(geometric, 4);
    const low = forecast.quantile(0.1);
    const high = forecast.quantile(0.9);
    for (let k = 1; k < 4; k++) expect(high[k] - low[k]).toBeGreaterThan(high[k - 1] - low[k - 1]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = lawForecaster(laws.compound, { draws: 200, seed: 3 }).forecast(geometric, 2).quantile(0.9);
    const b = lawForecaster(laws.compound, { draws: 200, seed: 3 }).forecast(geometric, 2).quantile(0.9);
    const c = lawForecaster(laws.compound, { draws: 200, seed: 4 }).forecast(geometric, 2).quantile(0.9);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('throws the law\'s ModelError when it cannot calibrate (logistic on a series that does not slow down)', () => {
    const speeding = Array.from({ length: 12 }, (_, t) => 100 * 1.02 ** (t * t / 4));
    expect(() => lawForecaster(laws.logistic, { draws: 10 }).forecast(speeding, 2)).toThrow(ModelError);
  });
});

describe('lawForecastDraws', () => {
  it('samples parameters and the base with the engine\'s keys (param:<name>, base) for the variable', () => {
    const calibration = { law: 'compound' as const, baseYear: 2020, base: { dist: 'uniform' as const, min: 90, max: 110 }, evidence: [], notes: [],
      params: { growth: { dist: 'constant' as const, value: 0 }, volatility: { dist: 'constant' as const, value: 0 }, persistence: { dist: 'constant' as const, value: 0 } } };
    const forecast = lawForecastDraws(laws.compound, calibration, { horizon: 1, draws: 50, seed: 9, variable: 'v' });
    // Zero growth and volatility: year 1 equals the base draw, which the engine keys (seed, variable, 'base').
    const base = sampleColumn(calibration.base, 50, 9, 'v', 'base').sort();
    expect(Array.from(forecast.draws[0])).toEqual(Array.from(base));
  });
});

describe('sampledForecast', () => {
  it('sampledForecast([[3, 1, 2]]) has point [2] and type-7 quantiles', () => {
    const forecast = sampledForecast([Float64Array.of(3, 1, 2)]);
    expect(forecast.point).toEqual([2]);
    expect(forecast.quantile(0.25)).toEqual([1.5]);
    expect(sortedSampleQuantile(Float64Array.of(1, 2, 3, 4, 5), 0.25)).toBe(2);
  });
});
