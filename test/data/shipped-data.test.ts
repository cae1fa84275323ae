// The shipped data/ folder: every series and target the issue asks for is there, each with its source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { observationsOf } from '../../src/data/observations-of.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { projectRoot } from '../helpers/project.js';

const data = loadDataSet(join(projectRoot, 'data'), 'data');
const value = (series: string, year: number, period = 'FY', kind = 'observed') =>
  data.observations.find((o) => o.series === series && o.year === year && o.period === period && o.kind === kind);

describe('data/ as shipped', () => {
  it('loads without problems', () => {
    expect(data.observations.length).toBeGreaterThan(100);
    expect(data.targets.length).toBeGreaterThanOrEqual(16);
  });

  it('has every series the issue names, one id per scope', () => {
    const ids = new Set(data.series.map((s) => s.id));
    for (const id of [
      'bj.infosoft.revenue', 'bj.swinfo.revenue', 'bj.stats.ict.revenue', 'bj.infosoft.va', 'bj.infosoft.va.share',
      'bj.haidian.software.revenue', 'bj.miit.software.revenue', 'cn.software.revenue', 'cn.software.products.revenue',
      'cn.software.itservices.revenue', 'cn.software.cloud.revenue', 'cn.software.icdesign.revenue', 'cn.software.security.revenue',
      'cn.software.industrial.revenue', 'cn.software.profit', 'bj.ai.core', 'bj.ai.related.output', 'bj.ai.enterprises',
      'bj.ai.core.enterprises', 'bj.ai.talent', 'cn.ai.core', 'cn.ai.enterprises', 'cn.ai.unicorns.new', 'bj.ai.unicorns.new',
      'cn.unicorns.hurun', 'bj.unicorns.hurun', 'cn.unicorns.cnlist', 'bj.unicorns.cnlist', 'bj.ai.unicorns.share', 'bj.gdp',
      'cn.ai.financing.events', 'cn.ai.financing.amount', 'bj.ai.financing.events.share', 'cn.aigc.market',
      'cn.ai.basesoftware.market', 'cn.ai.basesoftware.market.cagr', 'world.software.spending', 'jl.industry.va',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('holds the headline figures as quoted', () => {
    expect(value('bj.infosoft.revenue', 2023, 'M1-M10')).toMatchObject({ value: 21201, yoy: 0.177, qualifier: 'exact' });
    expect(value('bj.infosoft.revenue', 2023)).toMatchObject({ value: 30000, qualifier: 'approx', source: 'seed-004' });
    expect(value('bj.infosoft.va', 2023, 'Q1-Q3')?.value).toBe(6361.3);
    expect(value('bj.infosoft.va.share', 2023, 'Q1-Q3')?.value).toBe(20.1);
    expect(value('bj.infosoft.va', 2024, 'Q1')).toMatchObject({ value: 2379.2, yoy: 0.137 });
    expect(value('bj.swinfo.revenue', 2021)?.value).toBe(22000);
    expect(value('cn.software.revenue', 2023, 'M1-M10')).toMatchObject({ value: 98191, yoy: 0.137 });
    expect(value('bj.ai.core', 2023)).toMatchObject({ value: 2500, qualifier: 'atLeast' });
    expect(value('bj.ai.unicorns.new', 2023)?.value).toBe(6);
    expect(value('cn.ai.unicorns.new', 2023)?.value).toBe(10);
    expect(value('bj.ai.core.enterprises', 2022, '2022-10')?.value).toBe(1048);
    expect(value('bj.ai.talent', 2022)).toMatchObject({ value: 40000, unit: 'persons', qualifier: 'atLeast' });
    expect(value('jl.industry.va', 2023)?.yoy).toBe(0.068);
    expect(value('jl.industry.va', 2024, 'Q1')?.yoy).toBe(0.104);
    expect(value('cn.aigc.market', 2030, 'FY', 'externalForecast')?.value).toBe(11441);
    expect(value('world.software.spending', 2023, 'FY', 'externalForecast')).toMatchObject({ value: 8560, unit: '亿美元', yoy: 0.093 });
    expect(value('cn.ai.basesoftware.market.cagr', 2028, 'FY', 'externalForecast')).toMatchObject({ value: 28, unit: 'percent' });
  });

  it('keeps a bounded or approximate growth in its own row beside the level (one qualifier per row)', () => {
    const rows = (series: string, year: number, period: string) =>
      data.observations.filter((o) => o.series === series && o.year === year && o.period === period && o.kind === 'observed');
    // 2023: "已接近3万亿元" (approx level) "并保持多年保持两位数增长" (growth ≥ 10%)
    expect(rows('bj.infosoft.revenue', 2023, 'FY').map((o) => [o.value, o.yoy, o.qualifier])).toEqual([[30000, undefined, 'approx'], [undefined, 0.1, 'atLeast']]);
    // Haidian Q1–Q3 2023: 12759亿元 (exact), "同比增长约16%" (approx)
    expect(rows('bj.haidian.software.revenue', 2023, 'Q1-Q3').map((o) => [o.value, o.yoy, o.qualifier])).toEqual([[12759, undefined, 'exact'], [undefined, 0.16, 'approx']]);
  });

  it('keeps both vintages of a figure published twice (1048 AI core enterprises: 人民日报 2023-02-14, seed 003)', () => {
    const rows = data.observations.filter((o) => o.series === 'bj.ai.core.enterprises');
    expect(rows.map((o) => [o.value, o.source, o.published])).toEqual([[1048, 'seed-003', '2023-06'], [1048, 'ref-people-20230214', '2023-02-14']]);
  });

  it('keeps GDP levels of different census bases apart', () => {
    expect(observationsOf(data, 'bj.gdp').map((o) => o.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(observationsOf(data, 'bj.gdp.precensus').map((o) => o.year)).toEqual([2015, 2016, 2017]);
  });

  it('gives every derived row its arithmetic and every row a source and a quote', () => {
    for (const o of data.observations) {
      expect(o.quote.length, `${o.file}:${o.line}`).toBeGreaterThan(0);
      if (o.status === 'derived') expect(o.derivation, `${o.file}:${o.line}`).toMatch(/[=/×]/);
    }
    expect(data.observations.filter((o) => o.status === 'derived').map((o) => o.series).sort()).toEqual([
      'bj.ai.financing.events', 'bj.ai.unicorns.new.share', 'bj.haidian.citywide.software.revenue', 'cn.ai.core.enterprises', 'cn.patents.per10k',
    ]);
  });

  it('uses every source at least once', () => {
    const used = new Set([...data.observations.map((o) => o.source), ...data.targets.map((t) => t.source)]);
    const unused = data.sources.map((s) => s.id).filter((id) => !used.has(id));
    // seed 002 has no numeric, dated figure or target (its "2 至 3 个" software parks has no year)
    expect(unused).toEqual(['seed-002']);
  });

  it('has every target the issue asks for', () => {
    const byId = new Map(data.targets.map((t) => [t.id, t]));
    expect(byId.get('bj-ai-core-2025')).toMatchObject({ variable: 'aiCoreIndustry', kind: 'level', year: 2025, lower: { value: 3000, inclusive: true }, unit: '亿元' });
    expect(byId.get('bj-ai-core-growth-2023-2025')).toMatchObject({ kind: 'growthEachYear', fromYear: 2023, year: 2025, lower: { value: 0.1, inclusive: true } });
    expect(byId.get('bj-ai-radiating-2025')).toMatchObject({ variable: 'aiRadiatingIndustry', lower: { value: 1, inclusive: false }, unit: '万亿元' });
    expect(byId.get('bj-ai-unicorns-2025')).toMatchObject({ variable: 'newAiUnicorns', kind: 'cumulative', baseYear: 2022, lower: { value: 5, inclusive: true }, aspiration: 10 });
    expect(byId.get('bj-ai-unicorns-2025')?.upper).toBeUndefined();
    expect(byId.get('bj-ai-scholars-2025')).toMatchObject({ variable: 'highLevelScholars', lower: { value: 10000, inclusive: false } });
    expect(byId.get('bj-infosoft-revenue-2027')).toMatchObject({ variable: 'infoSoftwareRevenue', year: 2027, lower: { value: 4.8 }, unit: '万亿元' });
    expect(byId.get('js-robot-chain-2025')).toMatchObject({ approx: { value: 2000, tolerance: 0.05 }, lower: { value: 1900, inclusive: true } });
    expect(byId.get('js-robot-chain-2025')?.upper).toBeUndefined();
    expect(byId.get('js-robot-core-2025')?.lower).toEqual({ value: 250, inclusive: true });
    expect(byId.get('js-robot-density-2025')).toMatchObject({ unit: 'per10kWorkers', lower: { value: 500 } });
    expect(byId.get('js-robot-unicorns-2025')).toMatchObject({ kind: 'cumulative', lower: { value: 5 } });
    expect(byId.get('jl-clusters-share-2030')).toMatchObject({ kind: 'share', year: 2030, lower: { value: 85 }, unit: 'percent' });
    expect(byId.get('bj-swinfo-revenue-2020')).toMatchObject({ series: 'bj.swinfo.revenue', lower: { value: 1, inclusive: false } });
    expect(byId.get('bj-swinfo-growth-2016-2020')).toMatchObject({ kind: 'growthEachYear', fromYear: 2016, year: 2020, lower: { value: 0.1, inclusive: false } });
    expect(byId.get('bj-infosoft-va-share-2020')).toMatchObject({ kind: 'share', lower: { value: 11, inclusive: false } });
    for (const t of data.targets) expect(t.reading.length, t.id).toBeGreaterThan(20);
  });

  it('lists the ten AI unicorns of 2023, six of them in Beijing, as the series say', () => {
    const table = parseCsv('data/unicorns-2023.csv', readFileSync(join(projectRoot, 'data', 'unicorns-2023.csv'), 'utf8'));
    expect(table.columns).toEqual(['name', 'city', 'field', 'founderBackground', 'source', 'quote']);
    expect(table.records).toHaveLength(value('cn.ai.unicorns.new', 2023)?.value ?? -1);
    expect(table.records.filter((r) => r.fields.city === '北京').map((r) => r.fields.name)).toEqual(['智谱 AI', '镁佳科技', '百川智能', '长扬科技', '芯华章', '零一万物']);
    expect(table.records.filter((r) => r.fields.city === '北京')).toHaveLength(value('bj.ai.unicorns.new', 2023)?.value ?? -1);
  });
});
