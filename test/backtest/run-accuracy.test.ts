import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { runAccuracy } from '../../src/backtest/run-accuracy.js';
import { runAccuracyBenchmark } from '../../src/backtest/run-accuracy-benchmark.js';
import { annualMethods } from '../../src/forecast/annual-methods.js';

// Ten real M3 yearly series (test/fixtures/m3/README.md).
const series = readM3Csv(readFileSync(new URL('../fixtures/m3/m3-yearly-sample.csv', import.meta.url), 'utf8'));

describe('runAccuracy on ten M3 yearly series', () => {
  let tick = 0;
  const { rows, selection, horizon } = runAccuracy(series, { now: () => (tick += 1000) });
  const byName = new Map(rows.map((row) => [row.method, row]));

  it('returns one row per method plus default, which describes the chosen mixture; H is the test length', () => {
    expect(horizon).toBe(6);
    expect(rows.map((row) => row.method)).toEqual([...annualMethods.map((method) => method.name), 'default']);
    expect(byName.get('default')!.description).toContain(`${selection.trendWeight}·drift`);
    expect(byName.get('default')!.note).toMatch(/^w = [\d.]+ chosen on \d+ hindcasts/);
  });

  it('gives sane numbers: sMAPE in (0, 60), MASE > 0, coverage in [0, 1], six horizons, by-length groups that add up', () => {
    for (const row of rows) {
      expect(row.smape, row.method).toBeGreaterThan(0);
      expect(row.smape, row.method).toBeLessThan(60);
      expect(row.mase, row.method).toBeGreaterThan(0);
      expect(row.masePaper, row.method).toBeGreaterThan(0);
      for (const coverage of [row.coverage80, row.coverage95, row.coverage80Model, row.coverage95Model]) {
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
      }
      expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80);
      expect(row.smapeByHorizon).toHaveLength(6);
      expect(row.byLength.reduce((sum, group) => sum + group.series, 0)).toBe(10);
      expect(row.fallbacks).toBe(0);
    }
  });

  it('the sMAPE is the mean of the per-horizon sMAPEs (every series has six test values)', () => {
    for (const row of rows) expect(row.smape).toBeCloseTo(row.smapeByHorizon.reduce((a, b) => a + b, 0) / 6, 10);
  });

  it('naive on the fixture: sMAPE 16.6767 and MASE 2.2501, computed independently in Python', () => {
    // Naive needs no optimiser, so these are exact. Python over the fixture rows:
    //   f = train[-1]; smape = mean(200|y − f|/(|y| + |f|)); mase = mean|y − f| / mean|Δtrain|
    expect(byName.get('naive')!.smape).toBeCloseTo(NAIVE_SMAPE, 3);
    expect(byName.get('naive')!.mase).toBeCloseTo(NAIVE_MASE, 3);
  });

  it('runs on short and uneven series without a crash: a method that cannot fit falls back to the default and says why', () => {
    const short = [
      { id: 'A', category: 'x', train: [100, 104, 109, 113, 118, 121, 127, 131, 136], test: [140, 146] },
      { id: 'B', category: 'x', train: [50, 49, 53], test: [55, 54, 57] },
      { id: 'C', category: 'x', train: [7, 8, 8, 9], test: [9] },
      ...series.slice(0, 3),
    ];
    const result = runAccuracy(short, { methods: annualMethods.filter((m) => ['holt', 'dotm'].includes(m.name)) });
    const holt = result.rows.find((row) => row.method === 'holt')!;
    expect(result.horizon).toBe(6);
    expect(holt.fallbacks).toBe(2);
    expect(holt.note).toContain('2 of 6 series forecast by the default instead (e.g. B: needs at least 5 values, got 3)');
    for (const row of result.rows) expect(Number.isFinite(row.smape), row.method).toBe(true);
  });
});

describe('runAccuracyBenchmark on awkward series (no crash on any series of length ≥ 3)', () => {
  it('scores flat, non-positive, zero and 3-value series with every method and law, saying who stood in and why', () => {
    const odd = [
      { id: 'S3', category: 'x', train: [100, 105, 111], test: [116, 121, 128] },
      { id: 'S9', category: 'x', train: [100, 104, 109, 113, 118, 121, 127, 131, 136], test: [140, 146, 150] },
      { id: 'FLAT', category: 'x', train: [5, 5, 5, 5, 5, 5, 5, 5, 5], test: [5, 5, 5] },
      { id: 'NEG', category: 'x', train: [3, -1, 4, 2, -5, 6, 1, 2, 3, 4], test: [1, 2, 3] },
      { id: 'ZERO', category: 'x', train: [0, 0, 1, 0, 2, 0, 3, 0, 4], test: [0, 5, 0] },
    ];
    const { rows } = runAccuracyBenchmark(odd, { laws: ['compound', 'logistic', 'ensemble'], lawDraws: 40, hindcastDraws: 20 });
    for (const row of rows) expect(Number.isFinite(row.smape) || row.note.startsWith('not applicable'), row.method).toBe(true);
    expect(rows.find((row) => row.method === 'log_theta')!.note).toContain('forecast by the default instead (e.g. NEG: log_theta series[1] must be positive, got -1)');
    expect(rows.find((row) => row.method === 'law:compound')!.note).toContain('the default annual method for 2 where compound cannot run either');
    expect(rows.find((row) => row.method === 'default')!.note).toContain('log_theta: needs positive values');
  });
});

const NAIVE_SMAPE = 16.676665982174022;
const NAIVE_MASE = 2.2501335070723023;
