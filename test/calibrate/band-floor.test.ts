// The compound law's pooled short-series band floor: the rule, the table's arithmetic against numpy,
// and the stored table re-derived from the collections' training parts when the data is present.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bandScaleTable, compoundBandScaleFile } from '../../src/backtest/band-scale-table.js';
import { compoundBandHindcasts } from '../../src/backtest/compound-band-hindcasts.js';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { bandFloor, bandFloorFactor } from '../../src/calibrate/band-floor.js';
import { compoundBandScale } from '../../src/calibrate/compound-band-scale.js';
import type { StoredBandScale } from '../../src/calibrate/stored-band-scale.js';
import { backtestMessages } from '../../src/errors/messages.js';
import { LENGTH_CLASSES } from '../../src/forecast/length-class.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const table = (byLengthClass: StoredBandScale['byLengthClass']) => ({ ...compoundBandScale, byLengthClass });

describe('bandFloor', () => {
  it('counts the distinct years its point samples cover (a k-year ratio covers k) and takes the class of years + 1 values', () => {
    // Own 2024 and 2025 yoy, a reference series' 2024 (the same year) and a 3-year ratio ending 2022: 2020–2025 = 6 years.
    const samples = [{ year: 2024, years: 1 }, { year: 2025, years: 1 }, { year: 2024, years: 1 }, { year: 2022, years: 3 }];
    const floor = bandFloor(samples);
    expect(floor.years).toBe(5);
    expect(floor.lengthClass).toBe('<10');
    expect(floor.factor).toBe(compoundBandScale.byLengthClass['<10']);
    expect(bandFloor(Array.from({ length: 9 }, (_, i) => ({ year: 2000 + i, years: 1 }))).lengthClass).toBe('10-13');
    expect(bandFloor(Array.from({ length: 19 }, (_, i) => ({ year: 2000 + i, years: 1 }))).lengthClass).toBe('>=20');
  });

  it('is a floor: a class whose bands already cover keeps them (factor 1, the measured value reported)', () => {
    const stored = table({ '<10': 0.9, '10-13': 1.2, '14-19': 1, '>=20': 1 });
    expect(bandFloorFactor(stored, '<10')).toBe(1);
    expect(bandFloorFactor(stored, '10-13')).toBe(1.2);
    expect(bandFloor([{ year: 2025, years: 1 }], stored)).toEqual({ years: 1, lengthClass: '<10', factor: 1, measured: 0.9 });
  });

  it('the stored factors widen every class (the compound law\'s own bands under-cover in the training parts), most for the shortest', () => {
    for (const c of LENGTH_CLASSES) expect(compoundBandScale.byLengthClass[c]).toBeGreaterThan(1);
    expect(compoundBandScale.byLengthClass['<10']).toBe(Math.max(...LENGTH_CLASSES.map((c) => compoundBandScale.byLengthClass[c])));
    expect(Object.values(compoundBandScale.borrowed).every((b) => !b)).toBe(true);
  });
});

describe('bandScaleTable', () => {
  it('c = ½[Q_0.8(|z|)/z_0.9 + Q_0.95(|z|)/z_0.975] per class (type-7), pooling all classes under 50 scores (numpy reference)', () => {
    // python3: a = [(i+1)/20 for i in range(60)]; b = [0.1*(i+1) for i in range(10)];
    //   f = lambda s: (np.quantile(s, .8)/norm.ppf(.9) + np.quantile(s, .95)/norm.ppf(.975))/2
    //   f(a) = 1.6679584389560045; f(a + b) = 1.6225655634408274; np.quantile(a, .9)/norm.ppf(.95) = 1.6445232303213355
    const hindcasts = [
      ...Array.from({ length: 60 }, (_, i) => ({ windowLength: 5, horizon: 1, score: (i + 1) / 20 })),
      ...Array.from({ length: 10 }, (_, i) => ({ windowLength: 25, horizon: 1, score: 0.1 * (i + 1) })),
    ];
    const result = bandScaleTable(hindcasts, 1, 10);
    expect(result.byLengthClass['<10']).toBeCloseTo(1.6679584389560045, 12);
    expect(result.byLengthClass['>=20']).toBeCloseTo(1.6225655634408274, 12);
    expect(result.byLengthClass['10-13']).toBeCloseTo(1.6225655634408274, 12);
    expect(result.byHorizon['<10']['90'][0]).toBeCloseTo(1.6445232303213355, 12);
    expect(result.hindcasts).toEqual({ '<10': 60, '10-13': 0, '14-19': 0, '>=20': 10 });
    expect(result.borrowed).toEqual({ '<10': false, '10-13': true, '14-19': true, '>=20': true });
  });

  it('compoundBandHindcasts scores rolling origins from 4 values on, each outcome once per horizon', () => {
    const hindcasts = compoundBandHindcasts([[100, 110, 121, 133, 146, 161]], { horizon: 2, draws: 200 });
    expect(hindcasts.map((h) => [h.windowLength, h.horizon])).toEqual([[4, 1], [4, 2], [5, 1]]);
    // A steady 10% series: every outcome lies near the median, well inside the law's own 80% band.
    for (const h of hindcasts) expect(h.score).toBeLessThan(1.2815515655446004);
  });
});

describe('the stored table (src/calibrate/compound-band-scale.ts)', () => {
  const files = ['m3-yearly', 'tourism-yearly'].map((name) => resolve(root, `../shared/benchmarks/${name}.csv`));
  const present = files.every((file) => existsSync(file));

  it.runIf(!present && Boolean(process.env.CI))('fails in CI when the data is missing', () => {
    expect.fail(backtestMessages.m3Missing(files[0]));
  });

  it.runIf(present)('is what hindcasts on the M3 and tourism training parts give, byte for byte', () => {
    const collections = files.map((file) => ({ name: file.replace(/^.*\//, '').replace(/\.csv$/, ''), series: readM3Csv(readFileSync(file, 'utf8')) }));
    const path = 'src/calibrate/compound-band-scale.ts';
    const { source } = compoundBandScaleFile(collections, path);
    expect(source).toBe(readFileSync(resolve(root, path), 'utf8'));
  }, 120_000);

  it.runIf(present)('never reads a test part: replacing every test part leaves the table unchanged', () => {
    const series = readM3Csv(readFileSync(files[1], 'utf8')).slice(0, 40);
    const changed = series.map((entry) => ({ ...entry, test: entry.test.map((v) => v * 10) }));
    expect(compoundBandScaleFile([{ name: 't', series: changed }], 'x').table).toEqual(compoundBandScaleFile([{ name: 't', series }], 'x').table);
  }, 60_000);
});
