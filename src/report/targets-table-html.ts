// The targets table: every target across scenarios, with a coloured status, probability ± se, median and growth.
import type { Target } from '../data/types.js';
import { targetKind } from '../evaluate/target-kinds/registry.js';
import { compactWritten, displayNumber, signedGap } from './display-number.js';
import { escapeHtml } from './escape-html.js';
import type { ReportTarget } from './report-data.js';
import { statusClass, statusLabels } from './status-colours.js';

/** How a kind of target reads, Chinese first (from its plug-in). @example targetKindLabel('cagr'); // => '年均增速 CAGR' */
export function targetKindLabel(kind: string): string {
  const definition = targetKind(kind);
  return `${definition.labelZh} ${definition.labelEn}`;
}

/**
 * A target's bounds as written, in the unit the target was written in: `≥ 3000亿元`, `> 10%`,
 * `≥ 5, aspiration 10`, `≈ 2000亿元 ±5% (met from 1900亿元)`.
 * @example thresholdText(infosoft2027); // => '≥ 4.8万亿元'
 */
export function thresholdText(target: Target): string {
  const show = (value: number) => compactWritten(target, value);
  if (target.approx) return `≈ ${show(target.approx.value)} ±${Number((target.approx.tolerance * 100).toPrecision(4))}% (met from ${show(target.lower!.value)})`;
  const parts: string[] = [];
  if (target.lower) parts.push(`${target.lower.inclusive ? '≥' : '>'} ${show(target.lower.value)}`);
  if (target.upper) parts.push(`${target.upper.inclusive ? '≤' : '<'} ${show(target.upper.value)}`);
  return (parts.join(', ') || '–') + (target.aspiration !== undefined ? `, aspiration ${show(target.aspiration)}` : '');
}

/** Each basis in Chinese and English. */
export const basisLabels: Readonly<Record<string, string>> = {
  data: '数据 data',
  mixed: '部分假设 mixed',
  assumption: '纯属假设 assumption',
};

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
    '依据<br><span class="en">Basis</span>',
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
    const lead = `<td rowspan="${span}" class="target" id="target-${escapeHtml(target.id)}"><strong>${escapeHtml(target.labelZh)}</strong><br><span class="en">${escapeHtml(target.labelEn)}</span><br>${escapeHtml(years)} · ${escapeHtml(thresholdText(target))} · <span class="muted">${escapeHtml(targetKindLabel(target.kind))}</span><br><span class="muted">${escapeHtml(target.reading)}</span><br><code>${escapeHtml(target.id)}</code></td>`;
    if (t.verdicts.length === 0) return `<tr>${lead}<td colspan="8" class="muted">未评估 not judged</td></tr>`;
    const rate = t.unit === 'rate';
    return t.verdicts
      .map((v, i) => {
        const cells = [
          `<td class="scenario"><span class="swatch" style="background:${escapeHtml(colours[v.scenario] ?? '#888')}"></span>${escapeHtml(v.scenario)}</td>`,
          // Chinese and English words each kept whole, so a narrow column breaks between them.
          `<td class="status ${statusClass(v.status)}">${(statusLabels[v.status] ?? v.status)
            .split(/ (?=[a-z])/)
            .map((part) => `<span class="nobr">${escapeHtml(part)}</span>`)
            .join(' ')}</td>`,
          `<td class="basis basis-${escapeHtml(v.basis || 'none')}">${escapeHtml(basisLabels[v.basis] ?? '–')}</td>`,
          v.judgedOn === 'projection' || v.judgedOn === 'nowcast'
            ? `<td class="num">${v.probabilityMetBound === 'lower' ? '≥ ' : v.probabilityMetBound === 'upper' ? '≤ ' : ''}${displayNumber(v.probabilityMet, 'probability')} ± ${displayNumber(v.probabilityMetSe, 'probability')}${target.aspiration !== undefined ? `<br><span class="muted">≥ ${escapeHtml(compactWritten(target, target.aspiration))}: ${displayNumber(v.probabilityAspiration, 'probability')}</span>` : ''}${v.judgedOn === 'nowcast' ? `<br><span class="muted">${escapeHtml(v.reason)}</span>` : ''}</td>`
            : v.judgedOn === 'record'
              ? `<td class="num">${displayNumber(v.probabilityMet, 'probability')}<br><span class="muted">${escapeHtml(v.reason)}</span></td>`
              : `<td class="muted">${escapeHtml(v.reason)}</td>`,
          `<td class="num">${Number.isFinite(v.p50) ? `${escapeHtml(rate ? displayNumber(v.p50, 'rate') : compactWritten(target, v.p50))} [${escapeHtml(rate ? displayNumber(v.p05, 'rate') : compactWritten(target, v.p05))}–${escapeHtml(rate ? displayNumber(v.p95, 'rate') : compactWritten(target, v.p95))}]` : '–'}</td>`,
          `<td class="num">${v.judgedOn === 'projection' || v.judgedOn === 'nowcast' ? escapeHtml(signedGap(rate ? v.gap : v.gapRelative, rate)) : '–'}</td>`,
          `<td class="num">${displayNumber(v.requiredCagr, 'rate')} / ${displayNumber(v.assumedCagr, 'rate')} / ${displayNumber(v.historicalCagr, 'rate')}</td>`,
          `<td class="num">${v.firstYearMedianMeets === undefined || Number.isNaN(v.firstYearMedianMeets) ? '–' : escapeHtml(v.firstYearMedianMeets)}</td>`,
        ].join('');
        return `<tr>${i === 0 ? lead : ''}${cells}</tr>`;
      })
      .join('\n');
  });
  return `<div class="scroll"><table class="targets">\n<thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>`;
}
