// The stored interval table of the ensemble law must be what the M3 training parts give today.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensembleErrorTable, ERROR_TABLE_PROBABILITIES } from '../../src/backtest/ensemble-error-table.js';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { ensembleErrorQuantiles } from '../../src/laws/ensemble-error-quantiles.js';

const m3File = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/benchmarks/m3-yearly.csv');

describe('ensembleErrorQuantiles', () => {
  it('has six horizons of non-decreasing quantiles on the 105-point grid, median near zero', () => {
    expect(ensembleErrorQuantiles.probabilities).toEqual(ERROR_TABLE_PROBABILITIES);
    expect(ensembleErrorQuantiles.byHorizon).toHaveLength(6);
    for (const row of ensembleErrorQuantiles.byHorizon) {
      expect(row).toHaveLength(105);
      for (let j = 1; j < row.length; j++) expect(row[j]).toBeGreaterThanOrEqual(row[j - 1]);
      expect(Math.abs(row[51])).toBeLessThan(0.25);
    }
  });

  it('is symmetric split-conformal: q_k(½) = 0 and q_k(1 − p) = −q_k(p)', () => {
    const n = ensembleErrorQuantiles.probabilities.length;
    for (const row of ensembleErrorQuantiles.byHorizon) {
      expect(row[ensembleErrorQuantiles.probabilities.indexOf(0.5)]).toBe(0);
      for (let j = 0; j < n; j++) expect(row[n - 1 - j]).toBeCloseTo(-row[j], 9);
    }
  });

  it.runIf(existsSync(m3File))('equals ensembleErrorTable on the M3 yearly training parts (to the 5 stored decimals)', () => {
    const table = ensembleErrorTable(readM3Csv(readFileSync(m3File, 'utf8')));
    expect(table.samples).toEqual(ensembleErrorQuantiles.samples);
    table.byHorizon.forEach((row, k) => row.forEach((value, j) => expect(ensembleErrorQuantiles.byHorizon[k][j]).toBeCloseTo(value, 5)));
  });
});
