// The HTML report: fan charts, first-passage curves, target verdicts, sensitivity and sources in one offline file.
import type { TopLevelSpec } from 'vega-lite';
import type { DataSet } from '../data/types.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import { approxBandFraction, collectReportData } from './collect-report-data.js';
import { escapeHtml } from './escape-html.js';
import { fanChartSpec } from './fan-chart-spec.js';
import { firstPassageSpec } from './first-passage-spec.js';
import { renderChartSvg } from './render-chart-svg.js';
import type { ReportData, ReportTarget, ReportVariable } from './report-data.js';
import { reportStyles } from './report-styles.js';
import { scenarioColours } from './scenario-colours.js';
import type { SensitivityRow } from './sensitivity-row.js';
import { sourcesSectionHtml } from './sources-section-html.js';
import { statusThresholds } from '../evaluate/target-status.js';
import { recordTableHtml } from './record-table-html.js';
import { targetsTableHtml } from './targets-table-html.js';
import { tornadoSpec } from './tornado-spec.js';
import { groupedNumber } from './display-number.js';

/** What buildReport returns: the page, the Vega-Lite spec of each chart by name, and any chart warnings. */
export interface Report {
  /** report.html: one self-contained file (inline CSS and SVG, no scripts, no external resources). */
  readonly html: string;
  /** Chart name (e.g. `fan-info-software-revenue`) → Vega-Lite spec with its data inlined; written as `charts/<name>.vl.json`. */
  readonly specs: Record<string, object>;
  /** Warnings raised by Vega-Lite or Vega while rendering (none expected). */
  readonly warnings: readonly string[];
}

export interface BuildReportOptions {
  /** Tornado rows (from a sensitivity run); the section is left out when absent or empty. */
  readonly sensitivity?: readonly SensitivityRow[];
}

/**
 * Content-Security-Policy of the page: nothing may be fetched (no scripts, fonts, images or
 * styles from anywhere); only the inline stylesheet and data: URIs are allowed. This makes the
 * "works offline" promise checkable: a browser refuses, and reports, any load.
 */
export const reportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * A chart name from a variable or target id: kebab-case, ASCII letters, digits and hyphens.
 * @example chartSlug('infoSoftwareRevenue'); // => 'info-software-revenue'
 * @example chartSlug('bj-ai-core-2025'); // => 'bj-ai-core-2025'
 */
export function chartSlug(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'chart';
}

/** The spec as drawn inside the page: its title is the section heading, so the chart drops it. */
function withoutTitle(spec: TopLevelSpec): TopLevelSpec {
  const { title: _title, ...rest } = spec as TopLevelSpec & { title?: unknown };
  return rest as TopLevelSpec;
}

interface Chart {
  readonly name: string;
  readonly spec: TopLevelSpec;
  /** A smaller variant shown instead on narrow screens (its text stays legible at phone width). */
  readonly compactSpec?: TopLevelSpec;
  readonly label: string;
}

/**
 * Builds the report from the results of a run and the data it used.
 * 1. collect the numbers from the rows of projections.csv / targets.csv (so charts and CSV agree);
 * 2. make one Vega-Lite spec per chart: a fan chart per variable, a first-passage chart per
 *    target with a curve, a tornado chart per target with sensitivity rows;
 * 3. render each spec to SVG in Node (Vega, no browser); fan and tornado charts also get a
 *    compact SVG that CSS shows instead on narrow screens (the spec file is the full one);
 * 4. assemble the page: scenarios, targets table, projections, first passage, sensitivity,
 *    sources, notes — inline CSS with print rules, a CSP that forbids every network load.
 * Pure apart from the rendering: no files, clock or environment (same inputs ⇒ same bytes).
 * @param results one ScenarioResult per scenario, in run order
 * @param data the data set the run used (observations, sources, targets)
 * @param options optional sensitivity rows
 * @returns the HTML, the specs by chart name, and rendering warnings
 * @example const { html, specs } = await buildReport(results, data); Object.keys(specs)[0]; // => 'fan-info-software-revenue'
 */
export async function buildReport(results: readonly ScenarioResult[], data: DataSet, options: BuildReportOptions = {}): Promise<Report> {
  // 1. Numbers.
  const report = collectReportData(results, data, options.sensitivity ?? []);
  const scenarioNames = report.scenarios.map((s) => s.name);
  const colours = scenarioColours(scenarioNames);

  // 2. Specs.
  const fans: Chart[] = report.variables
    .filter((v) => v.projections.length > 0 || v.history.length > 0)
    .map((v) => ({
      name: `fan-${chartSlug(v.name)}`,
      spec: fanChartSpec(v, scenarioNames, colours),
      compactSpec: fanChartSpec(v, scenarioNames, colours, { compact: true }),
      label: `${v.labelZh} ${v.labelEn} (${v.unit})`,
    }));
  // A range ("5–10 unicorns") is judged in its year only: having been inside it earlier does not
  // meet it, so a "met by year" curve would contradict the verdict. Ranges get no curve.
  const hasCurve = (t: ReportTarget) => t.target.upper === undefined && t.verdicts.some((v) => v.firstPassage.length > 0);
  const passages: Chart[] = report.targets
    .filter(hasCurve)
    .map((t) => ({ name: `first-passage-${chartSlug(t.target.id)}`, spec: firstPassageSpec(t, scenarioNames, colours), label: `${t.target.id} first passage` }));
  const tornadoTargets = [...new Set(report.sensitivity.map((r) => r.target))];
  const tornadoes: Chart[] = tornadoTargets.map((id) => {
    const rows = report.sensitivity.filter((r) => r.target === id);
    return {
      name: `tornado-${chartSlug(id)}`,
      spec: tornadoSpec(id, rows, scenarioNames, colours),
      compactSpec: tornadoSpec(id, rows, scenarioNames, colours, { compact: true }),
      label: `${id} sensitivity`,
    };
  });

  // 3. SVG.
  const svgs = new Map<string, string>();
  const warnings: string[] = [];
  for (const chart of [...fans, ...passages, ...tornadoes]) {
    const wide = await renderChartSvg(withoutTitle(chart.spec), chart.name, chart.label, chart.compactSpec ? 'chart chart-wide' : 'chart');
    const compact = chart.compactSpec ? await renderChartSvg(withoutTitle(chart.compactSpec), `${chart.name}-compact`, chart.label, 'chart chart-compact') : undefined;
    svgs.set(chart.name, compact ? `${wide.svg}\n${compact.svg}` : wide.svg);
    warnings.push(...[...wide.warnings, ...(compact?.warnings ?? [])].map((w) => `${chart.name}: ${w}`));
  }

  // 4. Page.
  const specs = Object.fromEntries([...fans, ...passages, ...tornadoes].map((c) => [c.name, c.spec as object]));
  const html = pageHtml(report, colours, fans, passages, tornadoes, svgs);
  return { html, specs, warnings };
}

/**
 * Groups of scenarios whose projections of a variable are the same in every year and quantile
 * (no assumption of theirs reaches it): their bands lie on top of each other, which the caption says.
 * @example sameProjectionGroups(variable); // => [['baseline', 'optimistic', 'pessimistic']]
 */
export function sameProjectionGroups(variable: ReportVariable): string[][] {
  const key = (scenario: string) =>
    JSON.stringify(variable.projections.filter((p) => p.scenario === scenario).map((p) => [p.year, p.p05, p.p25, p.p50, p.p75, p.p95]));
  const groups = new Map<string, string[]>();
  for (const scenario of [...new Set(variable.projections.map((p) => p.scenario))]) {
    const k = key(scenario);
    groups.set(k, [...(groups.get(k) ?? []), scenario]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function figure(chart: Chart, svgs: ReadonlyMap<string, string>, caption: string): string {
  return `<figure class="chart-figure" data-chart="${escapeHtml(chart.name)}">\n${svgs.get(chart.name) ?? ''}\n<figcaption>${caption} <span class="muted">Vega-Lite: <code>charts/${escapeHtml(chart.name)}.vl.json</code></span></figcaption>\n</figure>`;
}

function pageHtml(
  report: ReportData,
  colours: Readonly<Record<string, string>>,
  fans: readonly Chart[],
  passages: readonly Chart[],
  tornadoes: readonly Chart[],
  svgs: ReadonlyMap<string, string>,
): string {
  const en = (text: string) => `<span class="en" lang="en">${escapeHtml(text)}</span>`;
  const swatch = (scenario: string) => `<span class="swatch" style="background:${escapeHtml(colours[scenario] ?? '#888')}"></span>`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;

  const scenarioRows = report.scenarios
    .map((s) => `<tr><td>${swatch(s.name)}<strong>${escapeHtml(s.name)}</strong></td><td>${escapeHtml(s.description)}</td><td class="num">${groupedNumber(s.draws)}</td><td class="num">${escapeHtml(s.seed)}</td><td class="num">${escapeHtml(s.horizon)}</td></tr>`)
    .join('\n');

  const variableSections = report.variables
    .map((v) => {
      const chart = fans.find((c) => c.name === `fan-${chartSlug(v.name)}`);
      const others = v.otherTargets.length
        ? `<p class="muted">其他目标见目标表 Growth and cumulative targets on this variable: ${v.otherTargets.map((id) => `<a href="#target-${escapeHtml(id)}"><code>${escapeHtml(id)}</code></a>`).join(', ')}</p>`
        : '';
      const caption = `${escapeHtml(v.labelZh)}（${escapeHtml(v.unit)}）。阴影：各情景 p05–p95 与 p25–p75 区间；实线：中位数。${en(
        `Shading: p05–p95 and p25–p75 per scenario; line: median. History: filled circle = reported, open circle with bar = approximate (±${approxBandFraction * 100}%), bar with arrow = bound (the arrow points to where the true figure lies); purple diamond = forecast by others; red dash / bar = target.`,
      )}`;
      const same = sameProjectionGroups(v)
        .map((group) => `${group.join(' = ')}：情景预测相同 ${en(`the same projection in ${group.length === 2 ? 'both' : 'these'} scenarios (no assumption of theirs reaches this variable): their bands lie on top of each other and their colours mix.`)}`)
        .join(' ');
      const body = chart ? figure(chart, svgs, same ? `${same} ${caption}` : caption) : '<p class="muted">无数据 nothing to draw</p>';
      return `<section class="variable" id="variable-${escapeHtml(v.name)}">
<h3>${escapeHtml(v.labelZh)}<br>${en(v.labelEn)}</h3>
<p class="muted"><code>${escapeHtml(v.name)}</code> · 单位 unit: ${escapeHtml(v.unit)} · ${escapeHtml(v.region)}${v.series ? ` · series <code>${escapeHtml(v.series)}</code>` : ''}</p>
${v.description ? `<p>${escapeHtml(v.description)}</p>` : ''}
${body}
${others}
</section>`;
    })
    .join('\n');

  const passageFigures = passages
    .map((chart) => {
      const target = report.targets.find((t) => `first-passage-${chartSlug(t.target.id)}` === chart.name)!;
      return `<div class="passage"><h4>${escapeHtml(target.target.labelZh)}<br>${en(target.target.labelEn)}</h4>${figure(chart, svgs, `<code>${escapeHtml(target.target.id)}</code> · 虚线 dashed: ${escapeHtml(target.target.year)}`)}</div>`;
    })
    .join('\n');
  const noPassage = report.targets.filter((t) => !t.verdicts.some((v) => v.firstPassage.length > 0));
  const ceilingTargets = report.targets.filter((t) => t.target.upper !== undefined && t.verdicts.some((v) => v.firstPassage.length > 0));

  const tornadoFigures = tornadoes
    .map((chart) => {
      const id = report.sensitivity.find((r) => `tornado-${chartSlug(r.target)}` === chart.name)?.target ?? chart.name;
      const target = report.targets.find((t) => t.target.id === id);
      const heading = target ? `${escapeHtml(target.target.labelZh)}<br>${en(target.target.labelEn)}` : `<code>${escapeHtml(id)}</code>`;
      const still = [...new Set(report.sensitivity.filter((r) => r.target === id).map((r) => r.input))].filter((input) =>
        report.sensitivity.filter((r) => r.target === id && r.input === input).every((r) => r.swingProbability === 0),
      );
      const stillText = still.length
        ? ` · ${still.length} 个输入不影响概率 ${en(`${still.length === 1 ? 'one input does' : `${still.length} inputs do`} not move it (not drawn; sensitivity.csv lists every input)`)}`
        : '';
      return `<section class="tornado"><h3>${heading}</h3>${figure(chart, svgs, `<code>${escapeHtml(id)}</code>: ${escapeHtml('○ low → ● high')}${stillText}`)}</section>`;
    })
    .join('\n');

  const skipped = report.skippedTargets.length
    ? `<h3>未评估的目标 ${en('Targets not judged')}</h3><ul>${report.skippedTargets
        .map((s) => `<li><code>${escapeHtml(s.id)}</code>${s.target ? ` ${escapeHtml(s.target.labelZh)}` : ''}: ${escapeHtml(s.reason)}</li>`)
        .join('')}</ul>`
    : '';

  // Every target the report shows, in data order: judged from the draws, in the plan record only, or not judged.
  const shownIds = new Set(report.targets.map((t) => t.target.id));
  const recordIds = new Set(report.record.map((r) => r.target));
  const skippedById = new Map(report.skippedTargets.map((s) => [s.id, s.reason]));
  const sourceTargets = report.allTargets.flatMap((target) =>
    shownIds.has(target.id) ? [{ target }]
      : recordIds.has(target.id) ? [{ target, onRecordOnly: true }]
        : skippedById.has(target.id) ? [{ target, skippedReason: skippedById.get(target.id)! }] : [],
  );

  const sections = [
    { id: 'targets', zh: '目标评估', en: 'Target verdicts' },
    { id: 'record', zh: '计划记录', en: 'Plan record' },
    { id: 'projections', zh: '预测', en: 'Projections' },
    { id: 'first-passage', zh: '首次达标概率', en: 'First passage' },
    ...(tornadoes.length ? [{ id: 'sensitivity', zh: '敏感性', en: 'Sensitivity' }] : []),
    { id: 'sources', zh: '来源', en: 'Sources' },
    { id: 'notes', zh: '说明', en: 'How to read this report' },
  ];
  const heading = (id: string) => {
    const s = sections.find((x) => x.id === id)!;
    return `<h2>${escapeHtml(s.zh)} ${en(s.en)}</h2>`;
  };

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${reportContentSecurityPolicy}">
<meta name="generator" content="forecast report">
<title>${escapeHtml(report.title)} — 预测报告 Forecast report</title>
<style>${reportStyles}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}<br>${en('Forecast report')} · 预测报告</h1>
<div class="scroll"><table class="scenarios">
<thead><tr><th>情景 ${en('Scenario')}</th><th>说明 ${en('Description')}</th><th>抽样数 ${en('Draws')}</th><th>种子 ${en('Seed')}</th><th>至 ${en('Horizon')}</th></tr></thead>
<tbody>
${scenarioRows}
</tbody>
</table></div>
<nav aria-label="contents"><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.zh)} ${en(s.en)}</a></li>`).join('')}</ol></nav>
</header>
<main>
<section class="major" id="targets">
${heading('targets')}
<p>按模型抽样评估的目标：未结束的按达成概率划分，已结束但尚无记录的为即时预测；已由记录判定或已结束的目标见计划记录 ${en(`The targets each scenario's model judges from its draws (one row per such scenario): an open window reads, by its probability of meeting the commitment, very likely ≥ ${pct(statusThresholds.veryLikely)}, likely ≥ ${pct(statusThresholds.likely)}, as likely as not ≥ ${pct(statusThresholds.asLikelyAsNot)}, unlikely ≥ ${pct(statusThresholds.unlikely)}, very unlikely below (the IPCC's likelihood language); a closed window the record cannot decide yet reads the same words marked "(nowcast)", from the draws the record allows (a January–November figure of revenue bounds the year from below). Targets the record decides (achieved, missed) and closed windows it leaves unknown are in the plan record below, once. A proxy's P(met) (a variable of narrower or broader scope than the target) is a bound on the target's own: "≥" a lower, "≤" an upper bound. Exceeding an aspiration ("5-10家": 10) is never a miss: its probability is shown under P(met). Basis: data (calibrated on observations), mixed, assumption (no observation informs it). Gap: median over the nearest bound, in % of it for levels, in percentage points for growth. Required growth: constant yearly growth from the last full-year figure that reaches the bound in the target year; assumed: the scenario's median growth.`)}</p>
${targetsTableHtml(report.targets, colours)}
${skipped}
</section>
<section class="major" id="record">
${heading('record')}
<p>已结束或已由记录判定的目标：计划与实际 ${en(`Targets the record decides, or whose window has closed, against what happened (record.csv; figures published up to ${report.vintage}); they do not depend on the scenario. Margin: the figure on record over the threshold. A closed window the record cannot decide yet stays unknown, with the nowcast of the first scenario whose model simulates its year beside it (every scenario's is in the verdicts above).`)}</p>
${recordTableHtml(report.record)}
</section>
<section class="major" id="projections">
${heading('projections')}
${variableSections}
</section>
<section class="major" id="first-passage">
${heading('first-passage')}
<p>到各年已达成目标的概率 ${en('Probability that each target has been met by each year, per scenario (first-passage.csv).')}</p>
<div class="grid">
${passageFigures}
</div>
${noPassage.length ? `<p class="muted">增速类目标无首次达标曲线 ${en('No curve (growth targets are judged over their whole window):')} ${noPassage.map((t) => `<code>${escapeHtml(t.target.id)}</code>`).join(', ')}</p>` : ''}
${ceilingTargets.length ? `<p class="muted">有上限的目标无首次达标曲线 ${en('No curve for targets with a ceiling (judged in their year only: being within it earlier does not meet them; see the verdicts table):')} ${ceilingTargets.map((t) => `<code>${escapeHtml(t.target.id)}</code>`).join(', ')}</p>` : ''}
</section>
${tornadoes.length ? `<section class="major" id="sensitivity">\n${heading('sensitivity')}\n<p>每个输入从低值到高值、其余保持不变时，达标概率的变化；变化最大者在上。${en('How far each input, swung from its low to its high value with the others at baseline, moves the probability of meeting the target. Widest swing on top; the dotted line is the scenario as it stands.')}</p>\n${tornadoFigures}\n</section>` : ''}
<section class="major" id="sources">
${heading('sources')}
<p>${en('Every figure and target used above, under the document it comes from, with the passage quoted.')}</p>
${sourcesSectionHtml(report.sources, report.observations, sourceTargets)}
</section>
<section class="major" id="notes">
${heading('notes')}
<ul>
<li>${en('Bands are quantiles over the Monte Carlo draws (p05–p95: 90% of draws; p25–p75: 50%); the line is the median. The numbers are those of projections.csv, targets.csv and first-passage.csv written by the same run.')}</li>
<li>${en(`Qualifiers stay visible: "接近/近/约" (approximate) is drawn as an open circle with a ±${approxBandFraction * 100}% bar (the band the calibration assumes); "突破/超过" (at least) as a bar at the bound with an arrow pointing up, "不到" (at most) with an arrow pointing down: a bound is never drawn as a point.`)}</li>
<li>${en('Each chart is also saved as a Vega-Lite spec with its data (charts/*.vl.json): open it in the Vega editor, Jupyter (altair.Chart.from_json) or Observable (vl.spec / vegaEmbed).')}</li>
</ul>
</section>
</main>
</body>
</html>
`;
}
