// Judged on the record when the record decides it: each kind's judge on record, on fixtures (and on
// the shipped data's past targets), with the deciding observation; closed windows stay unknown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import type { DataSet, Observation, Qualifier, Target } from '../../src/data/types.js';
import { decideBounds, truthInterval } from '../../src/evaluate/record-judgement.js';
import { dataVintage, recordVerdict } from '../../src/evaluate/target-verdict.js';
import { boundsItsYear, yearOnRecord } from '../../src/evaluate/year-on-record.js';
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

  it('judges a ceiling in its year only, and ignores external forecasts and estimates', () => {
    const ceiling = target({ upper: { value: 500, inclusive: true } });
    expect(recordVerdict(ceiling, data([fy('s', 2023, 400), fy('s', 2025, 520)])).status).toBe('missed');
    expect(recordVerdict(ceiling, data([fy('s', 2025, 480)])).status).toBe('achieved');
    const forecasts = [fy('s', 2024, 3600, 'exact', { kind: 'externalForecast' }), fy('s', 2024, 3600, 'exact', { kind: 'estimate' }), fy('s', 2024, 3600, 'exact', { period: 'H1', kind: 'estimate' })];
    expect(recordVerdict(atLeast3000, data(forecasts)).status).toBe('open');
  });
});

describe('recordVerdict: a part of the year bounds a flow of money from below', () => {
  it('achieves a level early when the months on record already pass it (the full year is at least as much)', () => {
    const verdict = recordVerdict(atLeast3000, data([fy('s', 2024, 3100, 'exact', { period: 'M1-M11' })]));
    expect(verdict.status).toBe('achieved');
    expect(verdict.judgement).toMatchObject({ value: 3100, qualifier: 'atLeast', reason: 'reached in 2024, 1 year early: January–November 2024: 3100 (src-2024), a lower bound on the year' });
  });

  it('leaves a strict target undecided when the months fall short, saying so ("1—11月 13.98万亿" against "突破14万亿")', () => {
    const above = target({ lower: { value: 140000, inclusive: false } });
    const rows = [fy('s', 2024, 137276), fy('s', 2025, 139777, 'exact', { period: 'M1-M11', published: '2026-01-06' })];
    const verdict = recordVerdict(above, data(rows));
    expect(verdict.status).toBe('unknown');
    expect(verdict.judgement.reason).toBe('no full-year figure for 2025 on record; January–November 2025: 139777 (src-2025), a lower bound on the year, does not decide it; the latest full year, 2024: 137276 (src-2024), does not reach it');
    // The months decide a miss only of a ceiling they pass.
    const ceiling = target({ upper: { value: 139000, inclusive: true } });
    expect(recordVerdict(ceiling, data(rows)).status).toBe('missed');
    expect(recordVerdict(target({ upper: { value: 150000, inclusive: true } }), data(rows)).status).toBe('unknown');
  });

  it('reads only amounts of money this way: a part-year count, share or upper bound says nothing about the year', () => {
    const count = target({ unit: 'count', writtenUnit: 'count', lower: { value: 3000, inclusive: true } });
    expect(recordVerdict(count, data([fy('s', 2024, 3600, 'exact', { period: 'H1', unit: 'count' })])).status).toBe('open');
    const share = target({ kind: 'share', unit: 'percent', writtenUnit: 'percent', lower: { value: 20, inclusive: true } });
    expect(recordVerdict(share, data([fy('s', 2024, 30, 'exact', { period: 'H1', unit: 'percent' })])).status).toBe('open');
    expect(recordVerdict(atLeast3000, data([fy('s', 2024, 3600, 'atMost', { period: 'H1' })])).status).toBe('open');
  });

  it('bounds a CAGR from below by the months of its last year: it can achieve a floor, never miss one', () => {
    const cagr = target({ kind: 'cagr', fromYear: 2021, year: 2025, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.12, inclusive: true } });
    // (139777 / 81616)^(1/5) − 1 = 0.11360733…, short of 12%: undecided (python3: (139777/81616)**0.2-1)
    const short = recordVerdict(cagr, data([fy('s', 2020, 81616), fy('s', 2025, 139777, 'exact', { period: 'M1-M11' })]));
    expect(short.status).toBe('unknown');
    expect(short.judgement.value).toBeCloseTo(0.1136073322672344, 12);
    expect(short.judgement.reason).toBe('no full-year level for 2025 on record; 2020: 81616 → 2025: ≥ 139777 (January–November 2025), 11.4% a year at least, which does not decide it');
    // (150000 / 81616)^(1/5) − 1 = 0.1294…: the months alone achieve it.
    expect(recordVerdict(cagr, data([fy('s', 2020, 81616), fy('s', 2025, 150000, 'exact', { period: 'Q1-Q3' })])).status).toBe('achieved');
  });
});

describe('yearOnRecord(observations, year)', () => {
  it('takes the latest vintage of each part of the year and the greatest of them, weak grades only when nothing better', () => {
    const rows = [
      fy('s', 2025, 50000, 'exact', { period: 'M1-M5', published: '2025-07-01' }),
      fy('s', 2025, 52000, 'exact', { period: 'M1-M5', published: '2025-06-01' }),
      fy('s', 2025, 60000, 'exact', { period: 'H1', confidence: 'low', published: '2025-08-01' }),
    ];
    // The H1 figure is graded low and a better-graded part exists: the later vintage of January–May (50000) stands.
    expect(yearOnRecord(rows, 2025)).toMatchObject({ interval: { low: 50000, high: Infinity }, partYear: rows[0] });
    expect(yearOnRecord([rows[2]], 2025)?.interval.low).toBe(60000);
    // A full year settles it; a part above an exact full year is a contradiction and is set aside.
    expect(yearOnRecord([...rows, fy('s', 2025, 55000)], 2025)?.interval).toEqual({ low: 55000, high: 55000 });
    expect(yearOnRecord([fy('s', 2025, 49000, 'approx'), rows[0]], 2025)).toMatchObject({ interval: { low: 50000, high: 49000 * 1.03 } });
    expect(yearOnRecord(rows, 2024)).toBeUndefined();
  });

  it('holds on the shipped record: no full year of a money flow is below a part of that year on the same basis', () => {
    const shipped = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
    const bySeries = new Map<string, Observation[]>();
    for (const o of shipped.observations) bySeries.set(o.series, [...(bySeries.get(o.series) ?? []), o]);
    let compared = 0;
    for (const [series, rows] of bySeries) {
      for (const part of rows.filter((o) => boundsItsYear(o) && o.qualifier !== 'atMost')) {
        for (const full of rows.filter((o) => o.period === 'FY' && o.kind === 'observed' && o.year === part.year && o.value !== undefined && o.basis === part.basis && o.qualifier !== 'atLeast')) {
          compared++;
          const fullHigh = full.qualifier === 'approx' ? full.value! * 1.03 : full.value!;
          expect(fullHigh, `${series} ${part.year}: FY ${full.value} (line ${full.line}) against ${part.period} ${part.value} (line ${part.line})`).toBeGreaterThanOrEqual(part.value! * (part.qualifier === 'approx' ? 0.97 : 1));
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('is used by no target on a profit series: profit can fall within a year, so its months bound nothing', () => {
    const shipped = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
    const profit = new Set(shipped.series.filter((s) => /profit|利润/i.test(`${s.labelEn} ${s.labelZh} ${s.scope}`)).map((s) => s.id));
    expect(profit.size).toBeGreaterThan(0);
    expect(shipped.targets.filter((t) => t.series !== undefined && profit.has(t.series)).map((t) => t.id)).toEqual([]);
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

  it('reads January–November 2025 as a lower bound on China\'s 2025 software revenue: > 14万亿 still unknown, the 十四五 CAGR at least 11.4%', () => {
    expect(verdict('cn-software-revenue-2025')).toMatchObject({ status: 'unknown', judgement: { value: 139777, qualifier: 'atLeast', deciding: [{ period: 'M1-M11', year: 2025, source: 'ref26-chinairn-20260106' }] } });
    expect(verdict('cn-software-growth-2021-2025')).toMatchObject({ status: 'unknown', judgement: { qualifier: 'atLeast' } });
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
