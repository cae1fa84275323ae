import { describe, expect, it } from 'vitest';
import { rollingOriginHindcasts } from '../../src/backtest/rolling-origin-hindcasts.js';
import { fitNaive, forecastNaive } from '../../src/forecast/naive.js';
import type { AnnualMethod } from '../../src/forecast/annual-method.js';

const seen: number[] = [];
const naive: AnnualMethod = {
  name: 'naive',
  description: 'last value',
  minimumLength: 2,
  forecast: (series, horizon) => {
    seen.push(series.length);
    return forecastNaive(fitNaive(series), horizon);
  },
};

describe('rollingOriginHindcasts', () => {
  it('rollingOriginHindcasts([1, 2, 3, 4], naive, h 2, min 3) has one origin and one point', () => {
    expect(rollingOriginHindcasts([1, 2, 3, 4], naive, { horizon: 2, minimumTrain: 3 })).toEqual([
      { origin: 3, horizon: 1, actual: 4, point: 3 },
    ]);
  });

  it('uses the latest maxOrigins origins and never looks past the series', () => {
    seen.length = 0;
    const series = Array.from({ length: 20 }, (_, t) => t + 1);
    const hindcasts = rollingOriginHindcasts(series, naive, { horizon: 3, maxOrigins: 4 });
    expect([...new Set(hindcasts.map((h) => h.origin))]).toEqual([16, 17, 18, 19]);
    expect(seen).toEqual([16, 17, 18, 19]);
    expect(hindcasts).toHaveLength(3 + 3 + 2 + 1);
    for (const h of hindcasts) expect(h.actual).toBe(series[h.origin + h.horizon - 1]);
  });
});
