// Regression guard: the default annual method on the full M3 yearly set must not get less accurate.
// Accuracy only, never timing. The data lives outside the repository (../shared/benchmarks/).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { runM3 } from '../../src/backtest/run-m3.js';
import { backtestMessages } from '../../src/errors/messages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const m3File = resolve(root, '../shared/benchmarks/m3-yearly.csv');
const baseline = JSON.parse(readFileSync(resolve(root, 'bench/m3-baseline.json'), 'utf8')) as {
  method: string;
  smape: number;
  smapeTolerance: number;
  coverage80: { min: number; max: number };
  coverage95: { min: number; max: number };
  intervalScore80: { max: number };
  intervalScore95: { max: number };
};
const present = existsSync(m3File);

describe('M3 yearly regression guard (bench/m3-baseline.json)', () => {
  it.runIf(!present && Boolean(process.env.CI))('fails in CI when the M3 data is missing', () => {
    expect.fail(backtestMessages.m3Missing(m3File));
  });

  it.runIf(present)('the default method keeps sMAPE ≤ baseline + 0.01, its 80% / 95% coverage inside their bands and its interval scores below their ceilings', () => {
    const [row] = runM3(readM3Csv(readFileSync(m3File, 'utf8')), { methods: [] });
    expect(row.method).toBe('default');
    expect(row.description, 'the baseline was measured for another default method').toBe(baseline.method);
    expect(row.smape, `default sMAPE ${row.smape.toFixed(4)} exceeds baseline ${baseline.smape} + ${baseline.smapeTolerance}`).toBeLessThanOrEqual(
      baseline.smape + baseline.smapeTolerance,
    );
    expect(row.coverage80).toBeGreaterThanOrEqual(baseline.coverage80.min);
    expect(row.coverage80).toBeLessThanOrEqual(baseline.coverage80.max);
    expect(row.coverage95).toBeGreaterThanOrEqual(baseline.coverage95.min);
    expect(row.coverage95).toBeLessThanOrEqual(baseline.coverage95.max);
    expect(row.intervalScore80, 'log interval score of the 80% intervals').toBeLessThanOrEqual(baseline.intervalScore80.max);
    expect(row.intervalScore95, 'log interval score of the 95% intervals').toBeLessThanOrEqual(baseline.intervalScore95.max);
  });
});
