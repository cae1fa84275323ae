import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOf } from '../../src/data/as-of.js';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { observationsOf } from '../../src/data/observations-of.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');

describe('asOf(data, date)', () => {
  it('keeps only observations published on or before the date', () => {
    const past = asOf(data, '2023-12-31');
    expect(past.observations.length).toBeLessThan(data.observations.length);
    expect(past.observations.every((o) => o.published <= '2023-12-31')).toBe(true);
    expect(past.observations.some((o) => o.source === 'seed-000')).toBe(false);
  });

  it('reads a month-only date as the end of that month, on both sides', () => {
    // seed 000 is dated 2024-01: public at the end of January, not mid-month
    expect(asOf(data, '2024-01-15').observations.some((o) => o.source === 'seed-000')).toBe(false);
    expect(asOf(data, '2024-01').observations.some((o) => o.source === 'seed-000')).toBe(true);
    expect(asOf(data, '2024-01-31').observations.some((o) => o.source === 'seed-000')).toBe(true);
  });

  it('keeps targets whose source is public by then (their outcomes are judged from the observations of that date)', () => {
    const ids = (d: typeof data) => d.targets.map((t) => t.id);
    expect(ids(asOf(data, '2023-12'))).toContain('bj-ai-core-2025');
    expect(ids(asOf(data, '2023-12'))).not.toContain('bj-infosoft-revenue-2027');
    expect(ids(asOf(data, '2024-04'))).toContain('bj-infosoft-revenue-2027');
    const in2017 = asOf(data, '2017-12-31').targets.find((t) => t.id === 'bj-swinfo-revenue-2020');
    expect(in2017).toBeDefined();
    // 2018's "首破萬億元", the figure that decides it, was published in 2022: not yet on record in 2017.
    const decides = (date: string) => asOf(data, date).observations.some((o) => o.series === 'bj.swinfo.revenue' && o.year === 2018 && o.period === 'FY');
    expect(decides('2017-12-31')).toBe(false);
    expect(decides('2022-06-17')).toBe(true);
  });

  it('makes a figure public from its earliest vintage (1048 AI core enterprises: 人民日报 2023-02-14, then seed 003)', () => {
    const rows = (date: string) => asOf(data, date).observations.filter((o) => o.series === 'bj.ai.core.enterprises').map((o) => o.source);
    expect(rows('2023-02-13')).toEqual([]);
    expect(rows('2023-02-14')).toEqual(['ref-people-20230214']);
    expect(rows('2023-06')).toEqual(['seed-003', 'ref-people-20230214']);
  });

  it('does not change its input', () => {
    const before = data.observations.length;
    asOf(data, '2013-12');
    expect(data.observations.length).toBe(before);
    expect(asOf(data, '2013-12').observations).toEqual([]);
  });
});

describe('observationsOf(data, seriesId)', () => {
  it('returns one series in time order, partial periods before the full year', () => {
    const rows = observationsOf(data, 'bj.infosoft.revenue');
    expect(rows.map((o) => `${o.year} ${o.period} ${o.kind}`)).toEqual([
      '2023 M1-M10 observed',
      '2023 FY estimate',
      '2023 FY observed',
      '2023 FY observed',
      '2024 Q1 observed',
      '2024 M1-M5 observed',
      '2024 M1-M5 observed',
      '2024 Q1-Q3 observed',
      '2025 M1-M5 observed',
      '2025 M1-M5 observed',
      '2025 M1-M10 observed',
      '2025 M1-M10 observed',
      '2025 M1-M10 observed',
      '2025 M1-M10 observed',
      '2025 FY observed',
    ]);
    expect(rows[2].value).toBe(30000);
    expect(rows[3]).toMatchObject({ yoy: 0.1, qualifier: 'atLeast' }); // "保持两位数增长": a growth bound in its own row
    expect(rows[3].value).toBeUndefined();
    expect(observationsOf(data, 'no.such.series')).toEqual([]);
  });
});
