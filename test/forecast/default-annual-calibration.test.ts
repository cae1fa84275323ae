// The engine's stored default (src/forecast/default-annual-calibration.ts) must be what the selection
// protocol gives today on the M3 and tourism training parts, and the default method must read it right.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lengthClassTables } from '../../src/backtest/length-class-calibration.js';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { selectDefaultAnnualMethod } from '../../src/backtest/select-default-annual-method.js';
import { defaultAnnualCalibration as stored } from '../../src/forecast/default-annual-calibration.js';
import { defaultAnnualForecast } from '../../src/forecast/default-annual-method.js';
import { forecastDefaultMembers, mixDefaultMembers } from '../../src/forecast/default-members.js';
import { ERROR_TABLE_PROBABILITIES } from '../../src/forecast/error-quantile-table.js';
import { LENGTH_CLASSES } from '../../src/forecast/length-class.js';
import { shrunkErrorScale } from '../../src/forecast/shrunk-error-scale.js';
import { N0100 } from './m3-series.js';

const benchmarks = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/benchmarks');
const files = ['m3-yearly.csv', 'tourism-yearly.csv'].map((name) => resolve(benchmarks, name));

describe('defaultAnnualCalibration', () => {
  it('has, per length class, six horizons of non-decreasing symmetric quantiles on the 105-point grid', () => {
    expect(stored.probabilities).toEqual(ERROR_TABLE_PROBABILITIES);
    const middle = stored.probabilities.indexOf(0.5);
    for (const c of LENGTH_CLASSES) {
      expect(stored.byLengthClass[c]).toHaveLength(6);
      for (const row of stored.byLengthClass[c]) {
        expect(row[middle]).toBe(0);
        for (let j = 1; j < row.length; j++) expect(row[j]).toBeGreaterThanOrEqual(row[j - 1]);
        for (let j = 0; j < row.length; j++) expect(row[row.length - 1 - j]).toBeCloseTo(-row[j], 9);
      }
    }
  });

  it('defaultAnnualForecast: F_w at the stored w, band ŷ·exp(s̃·q_{c,k}(p)) from the table of the series\' class', () => {
    const forecast = defaultAnnualForecast(N0100, 8);
    const point = mixDefaultMembers(forecastDefaultMembers(N0100, 8), stored.trendWeight).point;
    forecast.point.forEach((value, k) => expect(value).toBeCloseTo(point[k], 9));
    const s = shrunkErrorScale(N0100, stored.pooledScale, stored.scalePriorChanges);
    const j = stored.probabilities.indexOf(0.9);
    // N0100 has 14 values: class 14-19; h = 3 on the grid, h = 8 beyond the table: q_6·√(8/6)
    expect(forecast.quantile(0.9)[2]).toBeCloseTo(point[2] * Math.exp(s * stored.byLengthClass['14-19'][2][j]), 6);
    expect(forecast.quantile(0.9)[7]).toBeCloseTo(point[7] * Math.exp(s * stored.byLengthClass['14-19'][5][j] * Math.sqrt(8 / 6)), 6);
    expect(forecast.quantile(0.5)).toEqual(forecast.point.map((value) => Math.max(value, 1e-9)));
  });

  it.runIf(files.every((file) => existsSync(file)))('equals the protocol on the M3 and tourism training parts (to the 5 stored decimals)', () => {
    const training = files.flatMap((file) => readM3Csv(readFileSync(file, 'utf8')).map((entry) => entry.train));
    const selection = selectDefaultAnnualMethod(training, { horizon: 6 });
    expect(selection.trendWeight).toBe(stored.trendWeight);
    expect(selection.pooledScale).toBeCloseTo(stored.pooledScale, 6);
    expect(selection.hindcastCounts).toEqual(stored.hindcastCounts);
    const tables = lengthClassTables(selection.calibration!);
    for (const c of LENGTH_CLASSES) {
      expect(selection.calibration!.ownCounts[c]).toEqual(stored.samples[c]);
      tables[c].byHorizon.forEach((row, k) => row.forEach((value, j) => expect(stored.byLengthClass[c][k][j]).toBeCloseTo(value, 5)));
    }
  });
});
