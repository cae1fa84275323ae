// The shipped data/ folder: every series and target the issue asks for is there, each with its source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { collectGrowthEvidence } from '../../src/calibrate/growth-evidence.js';
import { asOf } from '../../src/data/as-of.js';
import { observationsOf } from '../../src/data/observations-of.js';
import { levelOfEachYear } from '../../src/data/year-levels.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
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
    expect(value('bj.infosoft.va', 2024, 'Q1')?.value).toBe(2379.2);
    expect(value('bj.infosoft.va.real', 2024, 'Q1')?.yoy).toBe(0.137);
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
    const rows = data.observations.filter((o) => o.series === 'bj.ai.core.enterprises' && o.period === '2022-10');
    expect(rows.map((o) => [o.value, o.source, o.published])).toEqual([[1048, 'seed-003', '2023-06'], [1048, 'ref-people-20230214', '2023-02-14']]);
  });

  it('keeps Beijing GDP on both census bases in one series with its breaks, and never reads growth across them', () => {
    const gdp = data.series.find((s) => s.id === 'bj.gdp')!;
    expect(gdp.breaks.map((b) => b.year)).toEqual([2018, 2023]);
    const levels = levelOfEachYear(observationsOf(data, 'bj.gdp'));
    expect([...levels.keys()]).toEqual([2013, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    // 2023: the census revision (2025-05-16) replaces the preliminary 43760.7; 2025: 52073.4 stays beside the later "5.2万亿元"
    expect(levels.get(2023)).toMatchObject({ value: 47353.7, observation: { basis: 2023 } });
    expect(levels.get(2022)?.observation.basis).toBe(2018);
    expect(levels.get(2025)?.value).toBe(52073.4);
    // before the census bulletin (2025-05-16) the 2023 level is the preliminary one, on the old basis
    expect(levelOfEachYear(observationsOf(asOf(data, '2025-04-30'), 'bj.gdp')).get(2023)).toMatchObject({ value: 43760.7, observation: { basis: 2018 } });
    expect(gdp.breaks[1]).toMatchObject({ year: 2023, publishedFrom: '2025-05-16' });
    // calibration (from 2018): nominal growth from level ratios within a basis only, never 2022 → 2023 (+13.8% across the revision)
    const evidence = collectGrowthEvidence(
      { variable: 'beijingGdp', observations: observationsOf(data, 'bj.gdp'), growthEvidence: [], fromYear: 2018 },
      'compound',
    );
    expect(evidence.samples.map((s) => [s.year, s.kind])).toEqual([[2019, 'levels'], [2020, 'levels'], [2021, 'levels'], [2022, 'levels'], [2024, 'levels'], [2025, 'levels']]);
    expect(evidence.samples.find((s) => s.year === 2024)?.value).toBeCloseTo(Math.log(49843.1 / 47353.7), 15);
    expect(evidence.notes).toContain('bj.gdp level ratio 2022→2023 not used: the series is on a new basis from 2023 (a break, data/series.csv), so the levels are not comparable');
  });

  it('declares the Beijing AI unicorn stock\'s jump (≈ 20 → ≈ 40) as a break, not growth', () => {
    const unicorns = data.series.find((s) => s.id === 'bj.ai.unicorns')!;
    expect(unicorns.breaks.map((b) => b.year)).toEqual([2026]);
    expect(observationsOf(data, 'bj.ai.unicorns').map((o) => [o.period, o.value, o.basis])).toEqual([['2025-01', 20.5, undefined], ['2026-01', 40, 2026]]);
  });

  it('keeps the vintages of Beijing\'s 2024 AI core industry side by side, and 2025 as estimates', () => {
    const rows = observationsOf(data, 'bj.ai.core').filter((o) => o.year === 2024 && o.period === 'FY');
    expect(rows.map((o) => [o.published, o.qualifier, o.value])).toEqual([
      ['2025-01-16', 'atLeast', 3000], ['2025-03-10', 'atLeast', 3000], ['2025-03-21', 'atLeast', 3000], ['2025-06', 'approx', 3500], ['2025-08-15', 'approx', 3500],
    ]);
    const level2024 = (date?: string) => levelOfEachYear(observationsOf(date ? asOf(data, date) : data, 'bj.ai.core')).get(2024);
    expect(level2024('2025-03-31')).toMatchObject({ value: 3000, qualifier: 'atLeast' });
    expect(level2024('2025-09-30')).toMatchObject({ value: 3500, qualifier: 'approx' });
    const y2025 = levelOfEachYear(observationsOf(data, 'bj.ai.core')).get(2025);
    expect(y2025).toMatchObject({ value: 4500, qualifier: 'approx', kind: 'estimate' });
    expect(levelOfEachYear(observationsOf(asOf(data, '2025-09-30'), 'bj.ai.core')).get(2025)).toBeUndefined();
  });

  it('gives every derived row its arithmetic and every row a source and a quote', () => {
    for (const o of data.observations) {
      expect(o.quote.length, `${o.file}:${o.line}`).toBeGreaterThan(0);
      if (o.status === 'derived') expect(o.derivation, `${o.file}:${o.line}`).toMatch(/[=/×]/);
    }
    expect(data.observations.filter((o) => o.status === 'derived').length).toBe(23);
    // a derived row is graded below what it is computed from: never high
    expect(data.observations.filter((o) => o.status === 'derived' && o.confidence === 'high')).toEqual([]);
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

  it('types the targets of 2025–2026 (issue "The record to 2025 and the targets of 2026–2030", item 2)', () => {
    const byId = new Map(data.targets.map((t) => [t.id, t]));
    // Beijing: the 2026-01-05 action plan ("within two years" = 2026–2027), the 2026 work plan, the 十五五 纲要
    expect(byId.get('bj-ai-core-2027')).toMatchObject({ variable: 'aiCoreIndustry', series: 'bj.ai.core', kind: 'level', year: 2027, lower: { value: 1, inclusive: false }, writtenUnit: '万亿元' });
    expect(byId.get('bj-ai-unicorns-2027')).toMatchObject({ variable: 'newAiUnicorns', kind: 'cumulative', baseYear: 2025, year: 2027, lower: { value: 20, inclusive: false } });
    expect(byId.get('bj-ai-listings-2027')).toMatchObject({ kind: 'cumulative', baseYear: 2025, year: 2027, lower: { value: 10, inclusive: false } });
    expect(byId.get('bj-ai-listings-2027')?.variable).toBeUndefined();
    expect(byId.get('bj-ai-industry-2026')).toMatchObject({ variable: 'aiCoreIndustry', proxy: 'narrower', series: 'bj.ai.industry', year: 2026, lower: { value: 5500, inclusive: false } });
    expect(byId.get('bj-ai-related-2027')).toMatchObject({ series: 'bj.ai.related.industry', year: 2027, lower: { value: 2, inclusive: false } });
    expect(byId.get('bj-ai-cluster-2030')).toMatchObject({ variable: 'aiCoreIndustry', proxy: 'narrower', year: 2030, lower: { value: 1, inclusive: true } });
    expect(byId.get('bj-ai-adoption-2030')).toMatchObject({ kind: 'share', year: 2030, lower: { value: 90, inclusive: false } });
    // national: 十五五 and the State Council's opinion; the 十四五 software target
    expect(byId.get('cn-ai-related-2030')).toMatchObject({ region: 'China', year: 2030, lower: { value: 10, inclusive: false }, writtenUnit: '万亿元' });
    expect(byId.get('cn-digital-core-share-2030')).toMatchObject({ kind: 'share', lower: { value: 12.5, inclusive: true } });
    expect(byId.get('cn-ai-adoption-2027')).toMatchObject({ year: 2027, lower: { value: 70, inclusive: false } });
    expect(byId.get('cn-ai-adoption-2030')).toMatchObject({ year: 2030, lower: { value: 90, inclusive: false } });
    expect(byId.get('cn-software-revenue-2025')).toMatchObject({ region: 'China', variable: 'nationalSoftwareRevenue', year: 2025, lower: { value: 14, inclusive: false } });
    expect(byId.get('cn-software-growth-2021-2025')).toMatchObject({ kind: 'cagr', fromYear: 2021, year: 2025, lower: { value: 0.12, inclusive: true } });
    // other regions whose target has a level on record: judged by their own model
    expect(byId.get('jl-auto-2025')).toMatchObject({ region: 'Jilin', variable: 'jlAutoIndustry', series: 'jl.auto.output' });
    expect(byId.get('js-suzhou-robot-2027')).toMatchObject({ region: 'Suzhou', variable: 'suzhouRobotIndustry', series: 'js.suzhou.robot.industry' });
    // every target of the new sheet quotes it (the quote check holds the passage to the sheet)
    expect(data.targets.filter((t) => t.source.startsWith('ref26-')).length).toBeGreaterThanOrEqual(35);
  });

  it('holds the observations that decide the closed windows (2023–2025 plan, 十三五, 十四五 software)', () => {
    // 2023–2025 plan: 3000亿 passed in 2024 (three vintages), 6 new AI unicorns in 2023
    expect(value('bj.ai.core', 2024)).toMatchObject({ qualifier: 'atLeast', value: 3000 });
    expect(value('bj.ai.unicorns.new', 2023)?.value).toBe(6);
    // 十三五: 1万亿 first passed in 2018; value added 11.3% of GDP in 2017, 15.3% in 2020 (derived)
    expect(value('bj.swinfo.revenue', 2018)).toMatchObject({ value: 10000, qualifier: 'atLeast' });
    expect(value('bj.infosoft.va.share', 2017)?.value).toBe(11.3);
    expect(value('bj.infosoft.va.share', 2020)).toMatchObject({ value: 15.3, status: 'derived', derivation: '5540.5 / 36102.6 × 100 = 15.3' });
    // 十四五: the 2020 base, the latest full year (2024) and the newest partial year (January–November 2025)
    expect(value('cn.software.revenue', 2020)?.value).toBe(81616);
    expect(value('cn.software.revenue', 2024)).toMatchObject({ value: 137276, yoy: 0.1 });
    expect(value('cn.software.revenue', 2025, 'M1-M11')).toMatchObject({ value: 139777, yoy: 0.133 });
    // the 2025 digital-economy growth target: +8.7% on record
    expect(data.observations.find((o) => o.series === 'bj.digital.va' && o.year === 2025)?.yoy).toBe(0.087);
  });

  it('lists the ten AI unicorns of 2023, six of them in Beijing, as the series say', () => {
    const table = parseCsv('data/unicorns-2023.csv', readFileSync(join(projectRoot, 'data', 'unicorns-2023.csv'), 'utf8'));
    expect(table.columns).toEqual(['name', 'city', 'field', 'founderBackground', 'source', 'quote']);
    expect(table.records).toHaveLength(value('cn.ai.unicorns.new', 2023)?.value ?? -1);
    expect(table.records.filter((r) => r.fields.city === '北京').map((r) => r.fields.name)).toEqual(['智谱 AI', '镁佳科技', '百川智能', '长扬科技', '芯华章', '零一万物']);
    expect(table.records.filter((r) => r.fields.city === '北京')).toHaveLength(value('bj.ai.unicorns.new', 2023)?.value ?? -1);
  });
});
