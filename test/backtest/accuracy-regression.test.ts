// Regression guard: the selection protocol's default on M3 yearly and tourism yearly must reproduce what
// it produced when it was scored once (bench/accuracy-baseline.json): the same w, the same figures.
// Stored figures, not bands fitted to a test part. Accuracy only, never timing. The data lives outside
// the repository (../shared/benchmarks/).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { runAccuracy } from '../../src/backtest/run-accuracy.js';
import { backtestMessages } from '../../src/errors/messages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const baseline = JSON.parse(readFileSync(resolve(root, 'bench/accuracy-baseline.json'), 'utf8')) as Record<
  string,
  { trendWeight: number; smape: number; masePaper: number; coverage80: number; coverage95: number; intervalScore80: number; intervalScore95: number }
>;

describe.each(['m3-yearly', 'tourism-yearly'])('%s regression guard (bench/accuracy-baseline.json)', (name) => {
  const file = resolve(root, `../shared/benchmarks/${name}.csv`);
  const present = existsSync(file);

  it.runIf(!present && Boolean(process.env.CI))('fails in CI when the data is missing', () => {
    expect.fail(backtestMessages.m3Missing(file));
  });

  it.runIf(present)('the protocol chooses the stored w and its default reproduces the stored sMAPE, paper MASE, coverage and interval scores', () => {
    const stored = baseline[name];
    const { rows, selection } = runAccuracy(readM3Csv(readFileSync(file, 'utf8')), { methods: [] });
    const row = rows[0];
    expect(row.method).toBe('default');
    expect(selection.trendWeight, 'the protocol chose another drift weight').toBe(stored.trendWeight);
    expect(row.smape, `default sMAPE ${row.smape.toFixed(4)} exceeds the stored ${stored.smape} + 0.01`).toBeLessThanOrEqual(stored.smape + 0.01);
    expect(Math.abs(row.masePaper - stored.masePaper)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(row.coverage80 - stored.coverage80), `coverage80 ${row.coverage80}`).toBeLessThanOrEqual(0.002);
    expect(Math.abs(row.coverage95 - stored.coverage95), `coverage95 ${row.coverage95}`).toBeLessThanOrEqual(0.002);
    expect(Math.abs(row.intervalScore80 - stored.intervalScore80)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(row.intervalScore95 - stored.intervalScore95)).toBeLessThanOrEqual(0.1);
  });
});
