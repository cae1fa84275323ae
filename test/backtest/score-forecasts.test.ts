import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { scoreForecasts } from '../../src/backtest/score-forecasts.js';
import { fitNaive, forecastNaive } from '../../src/forecast/naive.js';
import { normalForecast } from '../../src/forecast/normal-forecast.js';

const tourismFile = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/benchmarks/tourism-yearly.csv');

describe('scoreForecasts', () => {
  it('computes sMAPE, MASE on the training scale and the paper MASE on the whole-series scale, by length class', () => {
    // A: train 10, 12, 14 (naive scale 2), test 16, 20; forecast 15, 15.
    // B: train of 12 values rising by 1 (scale 1), test 20; forecast 20.
    const series = [
      { id: 'A', category: 'x', train: [10, 12, 14], test: [16, 20] },
      { id: 'B', category: 'x', train: Array.from({ length: 12 }, (_, t) => 8 + t), test: [20] },
    ];
    const scores = scoreForecasts(series, [normalForecast([15, 15], [1, 1]), normalForecast([20], [0.001])], 2);
    const smapeA = (200 / 31 + (200 * 5) / 35) / 2;
    expect(scores.smape).toBeCloseTo((smapeA + 0) / 2, 12);
    expect(scores.mase).toBeCloseTo((3 / 2 + 0) / 2, 12);
    // paper scale of A: |Δ| over 10, 12, 14, 16, 20 = 2, 2, 2, 4 → 2.5
    expect(scores.masePaper).toBeCloseTo((3 / 2.5 + 0) / 2, 12);
    expect(scores.smapeByHorizon[1]).toBeCloseTo((200 * 5) / 35, 12);
    expect(scores.byLength.map((group) => [group.lengthClass, group.series])).toEqual([['<10', 1], ['10-13', 1]]);
    expect(scores.byLength[1].smape).toBe(0);
  });

  it('leaves a flat training part (MASE scale 0) out of the MASE mean', () => {
    const series = [{ id: 'F', category: 'x', train: [5, 5, 5], test: [6] }, { id: 'G', category: 'x', train: [1, 2, 3], test: [5] }];
    expect(scoreForecasts(series, [normalForecast([5], [1]), normalForecast([4], [1])], 1).mase).toBe(1);
  });

  it.runIf(existsSync(tourismFile))('reproduces R forecast\'s naive on tourism yearly: sMAPE 22.3419, MASE 3.0068, paper MASE 2.4998', () => {
    // tourism-yearly-r-reference.csv (R 4.2.2, forecast 8.20: naive(x, h = 4)); the paper's Table 6 gives Naive MASE 2.50.
    const series = readM3Csv(readFileSync(tourismFile, 'utf8'));
    const scores = scoreForecasts(series, series.map((entry) => forecastNaive(fitNaive(entry.train), 4)), 4);
    expect(scores.smape).toBeCloseTo(22.3419, 3);
    expect(scores.mase).toBeCloseTo(3.0068, 3);
    expect(scores.masePaper).toBeCloseTo(2.4998, 3);
    expect(scores.coverage80).toBeCloseTo(0.5849, 3);
  });
});
