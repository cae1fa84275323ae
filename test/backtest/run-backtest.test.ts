import { describe, expect, it } from 'vitest';
import { backtestMetrics } from '../../src/backtest/backtest-metrics.js';
import { dataAtCutoff, vintageDate } from '../../src/backtest/data-at-cutoff.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import type { DataSet } from '../../src/data/types.js';
import type { ModelSpec } from '../../src/spec/model-spec.js';
import { levels, observation } from '../calibrate/fixtures.js';

const dataOf = (observations: DataSet['observations']): DataSet => ({ observations, series: [], sources: [], targets: [] });

const model: ModelSpec = {
  model: 'm', labelZh: '', labelEn: '', region: '', file: 'm.yaml',
  variables: [{ name: 'x', labelZh: '', labelEn: '', unit: '亿元', region: '', law: 'compound', series: 's', growthSeries: [], params: {}, location: { file: 'm.yaml', line: 1, col: 1 } }],
};

describe('dataAtCutoff', () => {
  it('vintageDate(c) is the 30 April after the cutoff year', () => {
    expect(vintageDate(2021)).toBe('2022-04-30');
  });

  it('keeps rows of year ≤ c published by the vintage date; undated rows count by year under the dated rule only', () => {
    const rows = [
      observation({ year: 2020, value: 1, published: '2021-02' }),
      observation({ year: 2020, value: 2, published: '2024-04', note: 'date not given in the reference sheet' }),
      observation({ year: 2020, value: 3, published: '2021-06-01' }),
      observation({ year: 2021, value: 4, published: '2022-01' }),
    ];
    const values = (rule: 'dated' | 'strict' | 'none') => dataAtCutoff(dataOf(rows), 2020, rule).observations.map((o) => o.value);
    expect(values('dated')).toEqual([1, 2]);
    expect(values('strict')).toEqual([1]);
    expect(values('none')).toEqual([1, 2, 3]);
  });
});

describe('runBacktest', () => {
  // Levels 100·1.1^t, 2015–2022, each published the February after its year.
  const data = dataOf(levels(2015, Array.from({ length: 8 }, (_, t) => 100 * 1.1 ** t)).map((o) => ({ ...o, published: `${o.year + 1}-02` })));
  const result = runBacktest(model, data, { laws: ['compound', 'ensemble'], horizon: 2, draws: 400, seed: 1 });

  it('runs cutoffs from first + 2 to last − 1 and scores only years that exist', () => {
    const compound = result.points.filter((p) => p.law === 'compound');
    expect([...new Set(compound.map((p) => p.cutoff))]).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(compound.at(-1)).toMatchObject({ cutoff: 2021, year: 2022, horizon: 1, baseYear: 2021 });
  });

  it('gives compound a near-exact forecast of a geometric series, with naive and drift from the levels known at the cutoff', () => {
    const first = result.points.find((p) => p.law === 'compound' && p.cutoff === 2017 && p.horizon === 1)!;
    expect(first.actual).toBeCloseTo(100 * 1.1 ** 3, 9);
    // The median of 400 draws whose log sd is about 0.09 (three levels: the '<10' band floor widens it)
    // has a standard error of about 1.2533·0.09/√400 = 0.0056 (Stuart & Ord §10.10); allow 3 of them.
    expect(Math.abs(Math.log(first.point / first.actual))).toBeLessThan(0.017);
    expect(first.naive).toBeCloseTo(121, 9);
    expect(first.drift).toBeCloseTo(121 + (121 - 100) / 2, 9);
    expect(first.maseScale).toBeCloseTo((10 + 11) / 2, 9);
  });

  it('skips the ensemble, with the reason, until six consecutive levels are known', () => {
    expect(result.skipped.filter((s) => s.law === 'ensemble').map((s) => s.cutoff)).toEqual([2017, 2018, 2019]);
    expect(result.points.some((p) => p.law === 'ensemble' && p.cutoff === 2020)).toBe(true);
  });

  it('backtestMetrics pools per variable × law × horizon, then all horizons, then all variables', () => {
    const metrics = backtestMetrics(result.points);
    const compoundAll = metrics.find((m) => m.variable === 'x' && m.law === 'compound' && m.horizon === 'all')!;
    expect(compoundAll.n).toBe(9);
    expect(compoundAll.cutoffs).toBe(5);
    expect(compoundAll.skillNaive).toBeGreaterThan(0.9);
    expect(metrics.at(-1)).toMatchObject({ variable: 'all', law: 'ensemble', horizon: 'all' });
  });
});
