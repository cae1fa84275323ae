// The targets table: every target across scenarios, with a coloured status, probability ± se, median and growth.
import type { Target, TargetKind } from '../data/types.js';
import { displayNumber } from './display-number.js';
import { escapeHtml } from './escape-html.js';
import type { ReportTarget } from './report-data.js';
import { statusLabels } from './status-colours.js';

/** How each kind of target reads, Chinese first. */
export const targetKindLabels: Readonly<Record<TargetKind, string>> = {
  level: '水平 level in year',
  growthEachYear: '每年增速 growth every year',
  cagr: '年均增速 CAGR',
  cumulative: '累计 cumulative',
  share: '占比 share',
};

/**
 * A target's threshold in words: `≥ 3,000 亿元`, `> 10.0%`, `5–10 count`.
 * @example thresholdText({ lower: { value: 3000, inclusive: true }, unit: '亿元' }); // => '≥ 3,000 亿元'
 */
export function thresholdText(target: Pick<Target, 'lower' | 'upper' | 'unit'>): string {
  // A threshold in percent ("85%") is a level, not a change: no sign, and the % is its unit.
  const unit = target.unit === 'rate' || target.unit === 'percent' ? '' : ` ${target.unit}`;
  const show = (value: number) => (target.unit === 'percent' ? `${displayNumber(value, 'count')}%` : displayNumber(value, target.unit));
  const { lower, upper } = target;
  if (lower && upper) return `${lower.inclusive ? '' : '> '}${show(lower.value)}–${upper.inclusive ? '' : '< '}${show(upper.value)}${unit}`;
  if (lower) return `${lower.inclusive ? '≥' : '>'} ${show(lower.value)}${unit}`;
  if (upper) return `${upper.inclusive ? '≤' : '<'} ${show(upper.value)}${unit}`;
  return '–';
}

/**
 * The HTML table of every target (rows grouped by target, one sub-row per scenario). Status
 * cells carry their word and a colour (colour never alone); numbers are right-aligned; the
 * table sits in a sideways-scrolling box for narrow screens. Every text is escaped.
 * @param targets targets with their verdicts, in report order
 * @param colours scenario → colour (a swatch before each scenario name)
 * @returns an HTML fragment (`<div class="scroll"><table>…</table></div>`)
 * @example targetsTableHtml(targets, colours).startsWith('<div class="scroll">'); // => true
 */
export function targetsTableHtml(targets: readonly ReportTarget[], colours: Readonly<Record<string, string>>): string {
  const header = [
    '目标<br><span class="en">Target</span>',
    '情景<br><span class="en">Scenario</span>',
    '状态<br><span class="en">Status</span>',
    '达成概率 ± 标准误<br><span class="en">P(met) ± se</span>',
    '中位数 [p05–p95]<br><span class="en">Median [5–95%]</span>',
    '差距<br><span class="en">Gap</span>',
    '年增速 所需 / 假设 / 历史<br><span class="en">Growth/yr: required / assumed / historical</span>',
    '中位数达标年<br><span class="en">Median meets in</span>',
  ];
  const body = targets.map((t) => {
    const span = Math.max(1, t.verdicts.length);
    const target = t.target;
    const years = target.fromYear !== undefined ? `${target.fromYear}–${target.year}` : String(target.year);
    const lead = `<td rowspan="${span}" class="target" id="target-${escapeHtml(target.id)}"><strong>${escapeHtml(target.labelZh)}</strong><br><span class="en">${escapeHtml(target.labelEn)}</span><br>${escapeHtml(years)} · ${escapeHtml(thresholdText(target))} · <span class="muted">${escapeHtml(targetKindLabels[target.kind])}</span><br><code>${escapeHtml(target.id)}</code></td>`;
    if (t.verdicts.length === 0) return `<tr>${lead}<td colspan="7" class="muted">未评估 not judged</td></tr>`;
    return t.verdicts
      .map((v, i) => {
        const cells = [
          `<td class="scenario"><span class="swatch" style="background:${escapeHtml(colours[v.scenario] ?? '#888')}"></span>${escapeHtml(v.scenario)}</td>`,
          // Chinese and English words each kept whole, so a narrow column breaks between them.
          `<td class="status status-${v.status.replace(' ', '-')}">${(statusLabels[v.status] ?? v.status)
            .split(/ (?=[a-z])/)
            .map((part) => `<span class="nobr">${escapeHtml(part)}</span>`)
            .join(' ')}</td>`,
          `<td class="num">${displayNumber(v.probabilityMet, 'probability')} ± ${displayNumber(v.probabilityMetSe, 'probability')}</td>`,
          `<td class="num">${escapeHtml(displayNumber(v.p50, t.unit))} [${escapeHtml(displayNumber(v.p05, t.unit))}–${escapeHtml(displayNumber(v.p95, t.unit))}]${t.unit === 'rate' ? '' : ` ${escapeHtml(t.unit)}`}</td>`,
          `<td class="num">${displayNumber(v.gapPercent, 'percent')}</td>`,
          `<td class="num">${displayNumber(v.requiredCagr, 'rate')} / ${displayNumber(v.assumedCagr, 'rate')} / ${displayNumber(v.historicalCagr, 'rate')}</td>`,
          `<td class="num">${v.firstYearMedianMeets === undefined || Number.isNaN(v.firstYearMedianMeets) ? '–' : escapeHtml(v.firstYearMedianMeets)}</td>`,
        ].join('');
        return `<tr>${i === 0 ? lead : ''}${cells}</tr>`;
      })
      .join('\n');
  });
  return `<div class="scroll"><table class="targets">\n<thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>`;
}
