import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyByLengthCsv, accuracyMetricsCsv } from '../../src/backtest/accuracy-metrics-csv.js';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { runAccuracyBenchmark } from '../../src/backtest/run-accuracy-benchmark.js';
import { runLawAccuracy } from '../../src/backtest/run-law-accuracy.js';

// Ten real M3 yearly series (test/fixtures/m3/README.md).
const series = readM3Csv(readFileSync(new URL('../fixtures/m3/m3-yearly-sample.csv', import.meta.url), 'utf8'));

describe('runLawAccuracy on ten M3 yearly series', () => {
  let tick = 0;
  const rows = runLawAccuracy(series, { laws: ['compound', 'ensemble'], draws: 200, hindcastDraws: 100, now: () => (tick += 500) });

  it('gives three rows per law: raw, +cal and +scale, sharing the point forecasts', () => {
    expect(rows.map((row) => row.method)).toEqual([
      'law:compound', 'law:compound+cal', 'law:compound+scale', 'law:ensemble', 'law:ensemble+cal', 'law:ensemble+scale',
    ]);
    expect(rows[1].smape).toBe(rows[0].smape);
    expect(rows[2].mase).toBe(rows[0].mase);
    expect(rows[1].coverage80Model).toBe(rows[0].coverage80);
  });

  it('gives sane numbers: sMAPE in (0, 60), coverage in [0, 1] with 95% ≥ 80%, a positive factor on +scale rows', () => {
    for (const row of rows) {
      expect(row.smape).toBeGreaterThan(0);
      expect(row.smape).toBeLessThan(60);
      expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80);
      expect(row.seriesCalibrated).toBe(10);
    }
    expect(rows[2].intervalScale).toBeGreaterThan(0);
    expect(Number.isNaN(rows[0].intervalScale)).toBe(true);
  });

  it('reports a law that cannot calibrate on most series as not applicable, with the reason', () => {
    const strict = runLawAccuracy(series, { laws: ['logistic'], draws: 50, hindcastDraws: 50, maximumFailureShare: 0 });
    if (strict.length === 1) {
      expect(Number.isNaN(strict[0].smape)).toBe(true);
      expect(strict[0].note).toMatch(/^not applicable: calibrates on \d+ of 10 series without a given capacity/);
    } else {
      expect(strict[0].seriesCalibrated).toBe(10);
    }
  });
});

describe('accuracyMetricsCsv and accuracyByLengthCsv', () => {
  it('write the documented headers and one line per row (per row and length class), NaN as empty', () => {
    const { rows } = runAccuracyBenchmark(series.slice(0, 3), { methods: [], laws: ['compound'], lawDraws: 50, hindcastDraws: 50 });
    const lines = accuracyMetricsCsv(rows).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'method,series,smape,mase,mase_paper,coverage80,coverage95,coverage80_model,coverage95_model,interval_score80,interval_score95,hindcast_smape,seconds,smape_h1,smape_h2,smape_h3,smape_h4,smape_h5,smape_h6,fallbacks,series_calibrated,interval_scale,description,note',
    );
    const byLength = accuracyByLengthCsv(rows).trimEnd().split('\n');
    expect(byLength[0]).toBe('method,length_class,series,smape,mase,mase_paper,coverage80,coverage95,interval_score80,interval_score95');
    expect(byLength.length - 1).toBe(rows.reduce((sum, row) => sum + row.byLength.length, 0));
    expect(lines.map((line) => line.split(',')[0])).toEqual(['method', 'default', 'law:compound', 'law:compound+cal', 'law:compound+scale']);
    // Every row carries a measured wall time (the real clock here, not a fake one).
    const seconds = lines[0].split(',').indexOf('seconds');
    for (const row of rows) expect(row.seconds, row.method).toBeGreaterThan(0);
    for (const line of lines.slice(1)) expect(line.split(',')[seconds], line.split(',')[0]).toMatch(/^\d+\.\d{3}$/);
  });
});

describe('lawIntervalScales', () => {
  const m3File = new URL('../../../shared/benchmarks/m3-yearly.csv', import.meta.url);
  it.runIf(existsSync(m3File))('lawIntervalScales.compound is the factor runLawAccuracy measures on the full M3 yearly set', async () => {
    const { lawIntervalScales } = await import('../../src/backtest/law-interval-scales.js');
    const rows = runLawAccuracy(readM3Csv(readFileSync(m3File, 'utf8')), { laws: ['compound'] });
    expect(rows[2].intervalScale).toBeCloseTo(lawIntervalScales.compound, 3);
  });
});
