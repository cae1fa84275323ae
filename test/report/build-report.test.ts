import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectionRows } from '../../src/output/projections-table.js';
import { buildReport, type Report } from '../../src/report/build-report.js';
import { syntheticData, syntheticResults, syntheticSensitivity } from './fixtures/synthetic-run.js';

/** Vega-Lite warnings raised while compiling `spec` (errors throw). */
function compileWarnings(spec: object): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => 0,
    error: (...args: unknown[]) => { throw new Error(args.join(' ')); },
    warn: (...args: unknown[]) => void warnings.push(args.join(' ')),
    info: () => undefined,
    debug: () => undefined,
  };
  compile(spec as TopLevelSpec, { logger: logger as never });
  return warnings;
}

/** The inline SVG of each chart figure, by chart name. */
function chartSvgs(html: string): Map<string, string> {
  const charts = new Map<string, string>();
  for (const match of html.matchAll(/<figure class="chart-figure" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)) charts.set(match[1], match[2]);
  return charts;
}

describe('buildReport(results, data)', () => {
  let report: Report;
  let bare: Report;
  beforeAll(async () => {
    report = await buildReport(syntheticResults, syntheticData, { sensitivity: syntheticSensitivity });
    bare = await buildReport(syntheticResults, syntheticData);
  });

  it('makes one fan chart per variable, one first-passage chart per target with a curve (not ranges) and one tornado per target with sensitivity rows', () => {
    expect(Object.keys(report.specs)).toEqual([
      'fan-revenue',
      'fan-ai-core',
      'fan-unicorns',
      'first-passage-rev-2025',
      'tornado-rev-2025',
      'tornado-ai-2025',
    ]);
  });

  it('gives targets with a ceiling no first-passage curve (within it earlier does not meet them) and says so', () => {
    expect(report.html).toMatch(/No curve for targets with a ceiling[^<]*<\/span> <code>ai-2025<\/code>, <code>uni-cum<\/code>/);
  });

  it('gives specs that compile as Vega-Lite with zero warnings, and renders with zero warnings', () => {
    for (const [name, spec] of Object.entries(report.specs)) {
      expect(compileWarnings(spec), name).toEqual([]);
      expect((spec as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    }
    expect(report.warnings).toEqual([]);
  });

  it('inlines the data of every spec, so the spec opens anywhere (no url data)', () => {
    for (const spec of Object.values(report.specs)) expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
  });

  it('draws exactly the numbers of projections.csv', () => {
    const rows = projectionRows(syntheticResults, syntheticData).filter((r) => r.variable === 'revenue' && r.kind === 'projection');
    const drawn = (report.specs['fan-revenue'] as { datasets: { projections: { scenario: string; year: number; p05: number; p50: number; p95: number }[] } }).datasets.projections;
    expect(drawn).toHaveLength(rows.length);
    for (const row of rows) {
      const point = drawn.find((d) => d.scenario === row.scenario && d.year === Number(row.year))!;
      expect([point.p05, point.p50, point.p95]).toEqual([Number(row.p05), Number(row.p50), Number(row.p95)]);
    }
  });

  it('keeps each qualifier visible: exact, approx, at-least and at-most figures get their own markers and bands', () => {
    const points = (report.specs['fan-revenue'] as { datasets: { points: { year: number; marker: string; low: number; high: number }[] } }).datasets.points;
    expect(points.filter((p) => p.marker !== 'externalForecast' && p.marker !== 'target').map((p) => [p.year, p.marker])).toEqual([
      [2020, 'exact'], [2021, 'exact'], [2022, 'atLeast'], [2023, 'approx'],
    ]);
    expect(points.find((p) => p.year === 2023 && p.marker === 'approx')).toMatchObject({ low: 29100, high: 30900 });
    expect(points.find((p) => p.marker === 'atLeast')).toMatchObject({ low: 24000, high: 25920 });
  });

  it('draws the external forecasts beside ours and the targets in the variable\'s unit on the fan chart', () => {
    const spec = report.specs['fan-revenue'] as { datasets: { points: { marker: string; year: number; plotYear: number; value: number }[]; ranges: unknown[] } };
    expect(spec.datasets.points.filter((p) => p.marker === 'externalForecast')).toMatchObject([{ year: 2025, plotYear: 2025.2, value: 36000 }]);
    expect(spec.datasets.points.filter((p) => p.marker === 'target')).toMatchObject([{ year: 2025, value: 35000 }]);
    const ai = report.specs['fan-ai-core'] as { datasets: { ranges: { lower: number; upper: number }[] } };
    expect(ai.datasets.ranges).toMatchObject([{ lower: 3000, upper: 3600 }]);
  });

  it('has a section for every variable and a table row for every judged target in every scenario', () => {
    for (const variable of syntheticResults[0].model.spec.variables) {
      expect(report.html).toContain(`id="variable-${variable.name}"`);
      expect(report.html).toContain(variable.labelZh);
      expect(report.html).toContain(variable.labelEn);
    }
    for (const target of syntheticResults[0].targets) expect(report.html).toContain(`id="target-${target.target.id}"`);
    const table = report.html.slice(report.html.indexOf('<table class="targets">'), report.html.indexOf('</table>', report.html.indexOf('<table class="targets">')));
    expect(table.match(/<td class="status /g)).toHaveLength(syntheticResults.length * syntheticResults[0].targets.length);
    expect(report.html).toContain('other-region');
  });

  it('has drawn marks in every chart and gives every SVG element id a chart-unique prefix', () => {
    const svgs = chartSvgs(report.html);
    expect([...svgs.keys()]).toEqual(Object.keys(report.specs));
    for (const [name, svg] of svgs) {
      expect(svg, name).toMatch(/^\s*<svg class="chart( chart-wide)?" role="img" aria-label="/);
      if (name.startsWith('fan-') || name.startsWith('tornado-')) expect(svg, `${name} has a compact variant for narrow screens`).toContain('<svg class="chart chart-compact"');
      expect(svg.match(/role-mark/g)?.length ?? 0, name).toBeGreaterThan(0);
      expect(svg.match(/<path /g)?.length ?? 0, name).toBeGreaterThan(3);
    }
    const ids = [...report.html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('loads nothing from the network: no scripts, no stylesheet links, no remote src, url() or @import', () => {
    const html = report.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // The only http(s) addresses are SVG namespaces, the CSP-free <a> links of the sources list, and nothing else.
    const addresses = [...html.matchAll(/(\w[\w:-]*)=["'](https?:\/\/[^"']+)["']/g)].map((m) => m[1]);
    expect(new Set(addresses)).toEqual(new Set(['xmlns', 'xmlns:xlink', 'href']));
    for (const link of html.matchAll(/<(\w+)[^>]*\bhref="https?:/g)) expect(link[1]).toBe('a');
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('escapes quotes and HTML in quoted passages, titles and labels', () => {
    expect(report.html).toContain('接近3万亿元 — &quot;quoted&quot; &amp; &lt;escaped&gt;');
    expect(report.html).not.toContain('<escaped>');
    expect(report.html).toContain('北京市经济和信息化局 统计公报 &lt;2024&gt;');
    expect(report.html).toContain('Industry outlook &quot;2025&quot;');
    expect(report.html).toContain('href="https://jxj.beijing.gov.cn/example?a=1&amp;b=2"');
    expect(report.html).not.toContain('<目标>');
  });

  it('lists every observation and target used under its source, with the quoted passage', () => {
    const sources = report.html.slice(report.html.indexOf('id="sources"'));
    for (const o of syntheticData.observations) expect(sources).toContain(`<code>${o.series}</code> · ${o.year} FY`);
    for (const t of syntheticData.targets) expect(sources).toContain(`<code>${t.id}</code>`);
    for (const s of syntheticData.sources) expect(sources).toContain(`id="source-${s.id}"`);
    expect(sources).toContain('<blockquote>超过2500亿元</blockquote>');
  });

  it('leaves the sensitivity section out when no sensitivity rows are given', () => {
    expect(report.html).toContain('id="sensitivity"');
    expect(bare.html).not.toContain('id="sensitivity"');
    expect(Object.keys(bare.specs).some((name) => name.startsWith('tornado-'))).toBe(false);
  });

  it('has print rules for A4 and a responsive layout for narrow screens', () => {
    expect(report.html).toContain('@page { size: A4;');
    expect(report.html).toContain('break-before: page');
    expect(report.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(report.html).toMatch(/figure svg\.chart \{[^}]*width: 100%/);
    expect(report.html).toMatch(/\.scroll \{ overflow-x: auto;/);
  });

  it('is deterministic: the same inputs give the same bytes', async () => {
    const again = await buildReport(syntheticResults, syntheticData, { sensitivity: syntheticSensitivity });
    expect(again.html).toBe(report.html);
    expect(JSON.stringify(again.specs)).toBe(JSON.stringify(report.specs));
  });

  it('never mutates its inputs', async () => {
    const before = JSON.stringify([syntheticResults, syntheticData]);
    await buildReport(syntheticResults, syntheticData, { sensitivity: syntheticSensitivity });
    expect(JSON.stringify([syntheticResults, syntheticData])).toBe(before);
  });
});
