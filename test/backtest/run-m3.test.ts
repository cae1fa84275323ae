import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { runM3 } from '../../src/backtest/run-m3.js';
import { annualMethods } from '../../src/forecast/annual-methods.js';

// Ten real M3 yearly series (test/fixtures/m3/README.md).
const series = readM3Csv(readFileSync(new URL('../fixtures/m3/m3-yearly-sample.csv', import.meta.url), 'utf8'));

describe('runM3 on ten M3 yearly series', () => {
  let tick = 0;
  const rows = runM3(series, { now: () => (tick += 1000) });
  const byName = new Map(rows.map((row) => [row.method, row]));

  it('returns one row per method plus default, which names the method it stands for', () => {
    expect(rows.map((row) => row.method)).toEqual([...annualMethods.map((method) => method.name), 'default']);
    expect(byName.get('default')!.description).toBe('median_dotm_ltheta_ldrift');
    expect(byName.get('default')!.smape).toBe(byName.get('median_dotm_ltheta_ldrift')!.smape);
  });

  it('gives sane numbers: sMAPE in (0, 60), MASE > 0, coverage in [0, 1], six horizons', () => {
    for (const row of rows) {
      expect(row.smape, row.method).toBeGreaterThan(0);
      expect(row.smape, row.method).toBeLessThan(60);
      expect(row.mase, row.method).toBeGreaterThan(0);
      for (const coverage of [row.coverage80, row.coverage95, row.coverage80Model, row.coverage95Model]) {
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
      }
      expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80);
      expect(row.smapeByHorizon).toHaveLength(6);
      expect(row.seconds).toBe(1);
    }
  });

  it('the sMAPE is the mean of the per-horizon sMAPEs', () => {
    for (const row of rows) {
      const mean = row.smapeByHorizon.reduce((a, b) => a + b, 0) / 6;
      expect(row.smape).toBeCloseTo(mean, 10);
    }
  });

  it('naive on the fixture: sMAPE 16.6767 and MASE 2.2501, computed independently in Python', () => {
    // Naive needs no optimiser, so these are exact. Python over the fixture rows:
    //   f = train[-1]; smape = mean(200|y − f|/(|y| + |f|)); mase = mean|y − f| / mean|Δtrain|
    expect(byName.get('naive')!.smape).toBeCloseTo(NAIVE_SMAPE, 3);
    expect(byName.get('naive')!.mase).toBeCloseTo(NAIVE_MASE, 3);
  });

  it('rejects series whose test part is shorter than the horizon', () => {
    expect(() => runM3([{ id: 'X', category: 'micro', train: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], test: [1] }])).toThrow(
      'runM3 series X test part must have 6 values, got 1',
    );
  });
});

const NAIVE_SMAPE = 16.676665982174022;
const NAIVE_MASE = 2.2501335070723023;
