// Judged on the record when the record decides it: each kind's judge on record, on fixtures (and on
// the shipped data's past targets), with the deciding observation; closed windows stay unknown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import type { DataSet, Observation, Qualifier, Target } from '../../src/data/types.js';
import { decideBounds, truthInterval } from '../../src/evaluate/record-judgement.js';
import { dataVintage, recordVerdict } from '../../src/evaluate/target-verdict.js';
import { recordColumns, recordRows } from '../../src/output/targets-table.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

let line = 1;
function fy(series: string, year: number, value: number | undefined, qualifier: Qualifier = 'exact', extra: Partial<Observation> = {}): Observation {
  return {
    series, region: 'Beijing', unit: '亿元', period: 'FY', year, value, qualifier, status: 'reported', kind: 'observed', confidence: 'high',
    source: `src-${year}`, published: `${year + 1}-03-31`, quote: `quote ${series} ${year}`, file: 'data/observations.csv', line: line++, ...extra,
  };
}

function target(fields: Partial<Target>): Target {
  return { id: 't', labelZh: '', labelEn: '', region: 'Beijing', series: 's', kind: 'level', year: 2025, unit: '亿元', writtenUnit: '亿元', source: 'plan', quote: 'q', reading: 'r', file: 'f', line: 1, ...fields };
}

function data(observations: Observation[], targets: Target[] = []): DataSet {
  return { observations, series: [{ id: 's', region: 'Beijing', scope: '', unit: '亿元', labelZh: '', labelEn: '', description: '', breaks: [] }], sources: [], targets };
}

const atLeast3000 = target({ lower: { value: 3000, inclusive: true } });

describe('truth intervals and decisions', () => {
  it('decides only where the whole interval lies on one side ("超过2500" cannot decide ≥ 3000)', () => {
    expect(decideBounds(truthInterval(2500, 'atLeast'), atLeast3000)).toBe('undecided');
    expect(decideBounds(truthInterval(3000, 'atLeast'), atLeast3000)).toBe('met');
    expect(decideBounds(truthInterval(3500, 'approx'), atLeast3000)).toBe('met'); // "近3500": 3395–3605
    expect(decideBounds(truthInterval(3050, 'approx'), atLeast3000)).toBe('undecided'); // 2958.5–3141.5
    expect(decideBounds(truthInterval(2900, 'exact'), atLeast3000)).toBe('missed');
    expect(decideBounds(truthInterval(2900, 'atMost'), atLeast3000)).toBe('missed');
    // "首破万亿元" passes "突破1万亿元" (exclusive) at its bound.
    expect(decideBounds(truthInterval(10000, 'atLeast'), { lower: { value: 10000, inclusive: false } })).toBe('met');
    expect(decideBounds(truthInterval(10000, 'exact'), { lower: { value: 10000, inclusive: false } })).toBe('missed');
  });
});

describe('recordVerdict(target, data): level', () => {
  it('is achieved by a figure reached before the target year, naming the deciding observation', () => {
    const rows = [fy('s', 2023, 2500, 'atLeast'), fy('s', 2024, 3000, 'atLeast'), fy('s', 2024, 3500, 'approx', { published: '2025-07-01' })];
    const verdict = recordVerdict(atLeast3000, data(rows));
    expect(verdict.status).toBe('achieved');
    // The latest vintage of 2024 ("近3500", mid-2025) decides.
    expect(verdict.judgement.deciding).toEqual([rows[2]]);
    expect(verdict.judgement.reason).toBe('reached in 2024, 1 year early: 2024: ≈ 3500 (src-2024)');
  });

  it('is missed by the target year\'s own figure, and stays open or unknown while no figure decides', () => {
    expect(recordVerdict(atLeast3000, data([fy('s', 2025, 2900)])).status).toBe('missed');
    const bound = data([fy('s', 2023, 2500, 'atLeast')]);
    expect(recordVerdict(atLeast3000, bound)).toMatchObject({ status: 'open', windowClosed: false });
    // A later publication closes the window (the vintage is the latest publication date).
    const closed = data([fy('s', 2023, 2500, 'atLeast'), fy('other', 2025, 1, 'exact', { published: '2026-02-01' })]);
    expect(dataVintage(closed)).toBe('2026-02-01');
    expect(recordVerdict(atLeast3000, closed)).toMatchObject({ status: 'unknown', windowClosed: true });
    expect(recordVerdict(atLeast3000, closed).judgement.reason).toBe('no full-year figure for 2025 on record; the latest, 2023: ≥ 2500 (src-2023), does not reach it');
  });

  it('judges a ceiling in its year only, and ignores external forecasts and partial years', () => {
    const ceiling = target({ upper: { value: 500, inclusive: true } });
    expect(recordVerdict(ceiling, data([fy('s', 2023, 400), fy('s', 2025, 520)])).status).toBe('missed');
    expect(recordVerdict(ceiling, data([fy('s', 2025, 480)])).status).toBe('achieved');
    const forecasts = [fy('s', 2024, 3600, 'exact', { kind: 'externalForecast' }), fy('s', 2024, 3600, 'exact', { period: 'H1' })];
    expect(recordVerdict(atLeast3000, data(forecasts)).status).toBe('open');
  });
});

describe('recordVerdict: growth every year, CAGR, sums', () => {
  const floor = target({ kind: 'growthEachYear', fromYear: 2023, year: 2025, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.1, inclusive: true } });

  it('misses a growth floor on one slow year, achieves it when every year is on record above it', () => {
    const growth = (year: number, yoy: number, qualifier: Qualifier = 'exact') => fy('s', year, undefined, qualifier, { yoy });
    expect(recordVerdict(floor, data([growth(2023, 0.12), growth(2024, 0.08)])).status).toBe('missed');
    const all = recordVerdict(floor, data([growth(2023, 0.12), growth(2024, 0.15), growth(2025, 0.11)]));
    expect(all.status).toBe('achieved');
    expect(all.judgement.value).toBe(0.11);
    // "保持两位数增长" (at least 10%) meets a 10% floor; a year not on record leaves it open.
    expect(recordVerdict(floor, data([growth(2023, 0.1, 'atLeast'), growth(2024, 0.2)])).judgement.reason).toMatch(/^2025 not settled by the record/);
  });

  it('decides a CAGR from both end levels as intervals', () => {
    const cagr = target({ kind: 'cagr', fromYear: 2021, year: 2025, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.12, inclusive: true } });
    // (13.7 / 8.2)^(1/5) − 1 = 0.1080…: missed (python3: (13.7/8.2)**0.2-1)
    expect(recordVerdict(cagr, data([fy('s', 2020, 8.2), fy('s', 2025, 13.7)])).status).toBe('missed');
    expect(recordVerdict(cagr, data([fy('s', 2020, 8.2), fy('s', 2025, 15)])).status).toBe('achieved');
    // A bound decides only on its side: ≥ 15 gives ≥ 12.8%; ≥ 14 gives only ≥ 11.3%; ≤ 14 gives ≤ 11.3%.
    expect(recordVerdict(cagr, data([fy('s', 2020, 8.2), fy('s', 2025, 15, 'atLeast')])).status).toBe('achieved');
    expect(recordVerdict(cagr, data([fy('s', 2020, 8.2), fy('s', 2025, 14, 'atLeast')])).status).toBe('unknown');
    expect(recordVerdict(cagr, data([fy('s', 2020, 8.2), fy('s', 2025, 14, 'atMost')])).status).toBe('missed');
  });

  it('achieves a sum early, and misses a ceiling as soon as the counted flow passes it', () => {
    const unicorns = target({ kind: 'cumulative', baseYear: 2022, year: 2025, unit: 'count', writtenUnit: 'count', lower: { value: 5, inclusive: true }, aspiration: 10 });
    const six = recordVerdict(unicorns, data([fy('s', 2023, 6, 'exact', { unit: 'count' })]));
    expect(six).toMatchObject({ status: 'achieved', judgement: { value: 6 } });
    // The aspiration is no ceiling: 14 counted is still achieved.
    expect(recordVerdict(unicorns, data([fy('s', 2023, 6), fy('s', 2024, 8)])).status).toBe('achieved');
    const ceiling = target({ kind: 'cumulative', baseYear: 2022, year: 2025, unit: 'count', writtenUnit: 'count', upper: { value: 10, inclusive: true } });
    expect(recordVerdict(ceiling, data([fy('s', 2023, 6), fy('s', 2024, 8)])).status).toBe('missed');
    expect(recordVerdict(ceiling, data([fy('s', 2023, 6)])).status).toBe('open');
    const all = target({ kind: 'cumulative', baseYear: 2022, year: 2024, unit: 'count', writtenUnit: 'count', lower: { value: 20, inclusive: true } });
    expect(recordVerdict(all, data([fy('s', 2023, 6), fy('s', 2024, 8)])).status).toBe('missed');
  });
});

describe('the shipped record', () => {
  const shipped = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
  const verdict = (id: string) => recordVerdict(shipped.targets.find((t) => t.id === id)!, shipped);

  it('judges the 十三五 targets from observations.csv: revenue passed 1万亿 in 2018, value added 11.3% of GDP in 2017', () => {
    expect(verdict('bj-swinfo-revenue-2020')).toMatchObject({ status: 'achieved', judgement: { deciding: [{ year: 2018, source: 'ref-chinanews-20220617' }] } });
    expect(verdict('bj-infosoft-va-share-2020')).toMatchObject({ status: 'achieved', judgement: { deciding: [{ year: 2017, value: 11.3 }] } });
    // Only 2016's growth (+10.2%) is on record: "every year above 10%" stays unknown, with the reason.
    expect(verdict('bj-swinfo-growth-2016-2020').status).toBe('unknown');
  });

  it('writes record.csv: every decided target or closed window, with margin and deciding observation', () => {
    const rows = recordRows(shipped);
    for (const row of rows) expect(Object.keys(row)).toEqual([...recordColumns]);
    const revenue = rows.find((r) => r.target === 'bj-swinfo-revenue-2020')!;
    expect(revenue).toMatchObject({ outcome: 'achieved', unit: '亿元', threshold: '10000', value: '10000', margin: '0', decidingSeries: 'bj.swinfo.revenue', decidingYear: '2018', decidingSource: 'ref-chinanews-20220617' });
    expect(rows.find((r) => r.target === 'bj-infosoft-va-share-2020')).toMatchObject({ margin: '0.3', marginRelative: String(Number((0.3 / 11).toPrecision(8))) });
    expect(rows.find((r) => r.target === 'bj-swinfo-growth-2016-2020')).toMatchObject({ outcome: 'unknown', windowClosed: 'true', decidingSeries: '' });
  });
});
