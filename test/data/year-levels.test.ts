// The one "level of a year" rule (src/data/year-levels.ts), used by calibration, targets and outputs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOf } from '../../src/data/as-of.js';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { observationsOf } from '../../src/data/observations-of.js';
import type { Observation } from '../../src/data/types.js';
import { keptFor, latestYearLevel, levelOfEachYear, yearLevels } from '../../src/data/year-levels.js';
import { observedSeries } from '../../src/pipeline/prepare-model.js';
import { fullYearLevels } from '../../src/evaluate/known-history.js';
import { observation } from '../calibrate/fixtures.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

const row = (fields: Partial<Observation> & { year: number }) => observation({ series: 's', ...fields });
const kept = (rows: Observation[], year = 2024) => levelOfEachYear(rows).get(year);

describe('yearLevels: which reading stands for a year', () => {
  it('takes only whole-year rows: FY flows and December stocks; never partial years, earlier stocks or external forecasts', () => {
    const { points, notes } = yearLevels([
      row({ year: 2023, value: 100 }),
      row({ year: 2024, period: 'M1-M10', value: 90 }),
      row({ year: 2024, period: '2024-06', value: 95 }),
      row({ year: 2024, period: '2024-12-31', value: 97 }),
      row({ year: 2025, value: 120, kind: 'externalForecast' }),
    ]);
    expect(points.map((p) => [p.year, p.value])).toEqual([[2023, 100], [2024, 97]]);
    expect(notes).toHaveLength(2);
  });

  it('an outturn replaces an estimate of the same year, whatever their dates', () => {
    const estimate = row({ year: 2024, value: 4500, qualifier: 'approx', kind: 'estimate', published: '2026-01' });
    const outturn = row({ year: 2024, value: 4300, published: '2025-12' });
    expect(kept([estimate])).toMatchObject({ value: 4500, kind: 'estimate' });
    expect(kept([estimate, outturn])).toMatchObject({ value: 4300, kind: 'observed' });
  });

  it('the latest vintage wins: 突破3000 (2025-01, 2025-03) then 近3500 (2025-08) → 3500', () => {
    const rows = [
      row({ year: 2024, value: 3000, qualifier: 'atLeast', published: '2025-01-16' }),
      row({ year: 2024, value: 3000, qualifier: 'atLeast', published: '2025-03-21', confidence: 'high' }),
      row({ year: 2024, value: 3500, qualifier: 'approx', published: '2025-08-15' }),
    ];
    expect(kept(rows)).toMatchObject({ value: 3500, qualifier: 'approx' });
    expect(kept(rows.slice(0, 2))).toMatchObject({ value: 3000, qualifier: 'atLeast', observation: { published: '2025-03-21' } });
  });

  it('a revision replaces the figure it revises (census 47353.7 after the preliminary 43760.7; 突破2.2万亿 after 2万亿)', () => {
    expect(kept([row({ year: 2024, value: 43760.7, published: '2024-01' }), row({ year: 2024, value: 47353.7, published: '2025-05-16' })])?.value).toBe(47353.7);
    const digital = [row({ year: 2024, value: 20000, qualifier: 'approx', published: '2025-01-16' }), row({ year: 2024, value: 22000, qualifier: 'atLeast', published: '2025-03-21' })];
    expect(kept(digital)).toMatchObject({ value: 22000, qualifier: 'atLeast' });
  });

  it('a later rounding does not replace the more precise figure it rounds (52073.4, then "5.2万亿")', () => {
    const rows = [row({ year: 2024, value: 52073.4, published: '2026-01-21' }), row({ year: 2024, value: 52000, qualifier: 'approx', published: '2026-01-26' })];
    expect(kept(rows)?.value).toBe(52073.4);
    // a point a later lower bound confirms also stays: 3500 then "超过3000"
    expect(kept([row({ year: 2024, value: 3500, qualifier: 'approx', published: '2025-06' }), row({ year: 2024, value: 3000, qualifier: 'atLeast', published: '2025-09' })])?.value).toBe(3500);
  });

  it('a reading graded low or low-medium stands for a year only when nothing better-graded does', () => {
    const good = row({ year: 2024, value: 9000, qualifier: 'atLeast', published: '2025-12-15', confidence: 'medium-high' });
    const outlier = row({ year: 2024, value: 10000, qualifier: 'atLeast', published: '2026-03', confidence: 'low' });
    expect(kept([good, outlier])?.value).toBe(9000);
    expect(kept([outlier])?.value).toBe(10000);
  });

  it('within one vintage, a point before a bound; two bounds of one vintage are both kept', () => {
    expect(kept([row({ year: 2024, value: 2600 }), row({ year: 2024, value: 2500, qualifier: 'atLeast' })])?.value).toBe(2600);
    const { bounds } = yearLevels([row({ year: 2024, value: 2500, qualifier: 'atLeast' }), row({ year: 2024, value: 2600, qualifier: 'atMost' })]);
    expect(bounds.map((b) => [b.qualifier, b.value])).toEqual([['atMost', 2600], ['atLeast', 2500]]);
    expect(kept([row({ year: 2024, value: 2500, qualifier: 'atLeast' }), row({ year: 2024, value: 2600, qualifier: 'atMost' })])?.qualifier).toBe('atLeast');
  });

  it('reads a month-only publication date as its last day, as asOf does', () => {
    const rows = [row({ year: 2024, value: 10, published: '2026-01' }), row({ year: 2024, value: 11, published: '2026-01-20' })];
    expect(kept(rows)?.value).toBe(10);
  });

  it('latestYearLevel gives the latest year before a year, with its level', () => {
    const rows = [row({ year: 2022, value: 1 }), row({ year: 2023, value: 2, qualifier: 'atLeast' }), row({ year: 2025, value: 3 })];
    expect(latestYearLevel(rows, 2025)).toMatchObject({ year: 2023, value: 2, qualifier: 'atLeast' });
    expect(latestYearLevel(rows)?.year).toBe(2025);
    expect(latestYearLevel(rows, 2022)).toBeUndefined();
  });
});

describe('one rule for calibration, targets and outputs', () => {
  const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');

  it('fullYearLevels (targets judged on the record, outputs) reads what yearLevels (calibration) reads on the outturns, for every shipped series', () => {
    for (const series of data.series) {
      const rows = observationsOf(data, series.id);
      const known = [...fullYearLevels(rows).entries()].map(([year, level]) => [year, level.value, level.qualifier]);
      const outturns = [...levelOfEachYear(rows.filter((o) => o.kind === 'observed')).entries()].map(([year, level]) => [year, level.value, level.qualifier]);
      expect(known, series.id).toEqual(outturns);
    }
    // calibration also starts from an estimate while no outturn exists; the record never decides on one
    expect(levelOfEachYear(observationsOf(data, 'bj.ai.core')).get(2025)).toMatchObject({ value: 4500, kind: 'estimate' });
    expect(fullYearLevels(observationsOf(data, 'bj.ai.core')).get(2025)).toBeUndefined();
  });

  it('as of an earlier date, the level of a year is what had been published by then', () => {
    const infosoft2023 = (date: string) => levelOfEachYear(observationsOf(asOf(data, date), 'bj.infosoft.revenue')).get(2023)?.observation;
    // January 2024: only seed 000's estimate "预计今年接近3万亿元"; April 2024: the outturn "已接近3万亿元" (seed 004)
    expect(infosoft2023('2024-01-31')).toMatchObject({ value: 30000, kind: 'estimate', source: 'seed-000' });
    expect(infosoft2023('2024-04-30')).toMatchObject({ value: 30000, kind: 'observed', source: 'seed-004' });
  });
});

describe('levels kept for a frozen array of rows (keptFor)', () => {
  it('works a frozen array out once, and any other array each time', () => {
    const rows = [row({ year: 2023, value: 100 }), row({ year: 2024, value: 110 })];
    let calls = 0;
    const kept = new WeakMap<readonly Observation[], number>();
    const work = (r: readonly Observation[]) => (calls++, r.length);
    expect([keptFor(rows, kept, work), keptFor(rows, kept, work)]).toEqual([2, 2]);
    expect(calls).toBe(2);
    const frozen = Object.freeze([...rows]);
    expect([keptFor(frozen, kept, work), keptFor(frozen, kept, work)]).toEqual([2, 2]);
    expect(calls).toBe(3);
    // Frozen, the levels are one object; the same rows in a fresh array give equal, new ones.
    expect(yearLevels(frozen)).toBe(yearLevels(frozen));
    expect(yearLevels(rows)).not.toBe(yearLevels(rows));
    expect(yearLevels(rows)).toEqual(yearLevels(frozen));
    expect(levelOfEachYear(frozen)).toBe(levelOfEachYear(frozen));
    expect(fullYearLevels(frozen)).toEqual(fullYearLevels(rows));
  });

  it('observedSeries gives one frozen array a series of a data set, every row but external forecasts, in file order', () => {
    const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
    const rows = observedSeries(data, 'bj.ai.core');
    expect(Object.isFrozen(rows)).toBe(true);
    expect(observedSeries(data, 'bj.ai.core')).toBe(rows);
    expect(rows).toEqual(data.observations.filter((o) => o.series === 'bj.ai.core' && o.kind !== 'externalForecast'));
    expect(observedSeries(data, 'no.such.series')).toEqual([]);
    expect(observedSeries(data, undefined)).toEqual([]);
    // Another data set (as of an earlier date) has arrays of its own.
    const earlier = asOf(data, '2024-12-31');
    expect(observedSeries(earlier, 'bj.ai.core')).toEqual(earlier.observations.filter((o) => o.series === 'bj.ai.core' && o.kind !== 'externalForecast'));
  });
});
