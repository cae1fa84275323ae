// The plan record table: each target the record decides, or whose window has closed, against what happened.
import { escapeHtml } from './escape-html.js';
import type { ReportRecordRow } from './report-data.js';
import { statusClass, statusLabels } from './status-colours.js';
import type { TargetStatus } from '../evaluate/target-status.js';
import { groupedNumber } from './display-number.js';

/** A number cell of record.csv as a reader sees it: rates as percentages, levels with separators. */
function shown(value: string, unit: string): string {
  if (value === '') return '–';
  const x = Number(value);
  if (!Number.isFinite(x)) return value;
  return unit === 'rate' ? `${Number((x * 100).toPrecision(4))}%` : groupedNumber(x, 4);
}

/**
 * The record.csv rows as an HTML table: target and window, threshold, outcome (coloured, with its
 * word), the figure on record and the margin, the deciding observation and its source, the reason,
 * and for a closed window the record leaves unknown the nowcast of the first scenario that gives one.
 * Every text is escaped.
 * @example recordTableHtml([]); // => '<p class="muted">…</p>'
 */
export function recordTableHtml(rows: readonly ReportRecordRow[]): string {
  if (rows.length === 0) return '<p class="muted">无 none: no target is decided on record and no window has closed</p>';
  const header = [
    '目标<br><span class="en">Target</span>',
    '期间<br><span class="en">Window</span>',
    '门槛<br><span class="en">Threshold</span>',
    '结果<br><span class="en">Outcome</span>',
    '记录值 / 差额<br><span class="en">On record / margin</span>',
    '判定依据<br><span class="en">Deciding figure</span>',
    '说明<br><span class="en">How</span>',
    '即时预测<br><span class="en">Nowcast</span>',
  ];
  const body = rows.map((r) => {
    const status = r.outcome as TargetStatus;
    const comparator = r.comparator === 'atLeast' ? '≥' : r.comparator === 'above' ? '>' : r.comparator === 'atMost' ? '≤' : r.comparator === 'below' ? '<' : r.comparator;
    const margin = r.margin === '' ? '' : ` / ${Number(r.margin) >= 0 ? '+' : ''}${shown(r.margin, r.unit)}`;
    const deciding = r.decidingSeries === '' ? '–' : `<code>${escapeHtml(r.decidingSeries)}</code> ${escapeHtml(r.decidingYear)} ${escapeHtml(r.decidingPeriod)} · ${escapeHtml(r.decidingSource)}`;
    // Rates show as percentages, shares with their % sign, counts as numbers; other units after the number.
    const unit = r.unit === 'rate' || r.unit === 'count' ? '' : r.unit === 'percent' ? '%' : ` ${r.unit}`;
    const nowcastProbability = r.nowcastProbabilityMet === '' ? '' : `${r.nowcastProbabilityMetBound === 'lower' ? '≥ ' : r.nowcastProbabilityMetBound === 'upper' ? '≤ ' : ''}${shown(r.nowcastProbabilityMet, 'rate')}`;
    const nowcast = r.nowcastStatus === '' ? '<td class="muted">–</td>' : `<td class="status ${statusClass(r.nowcastStatus)}">${escapeHtml(statusLabels[r.nowcastStatus as TargetStatus] ?? r.nowcastStatus)}<br><span class="muted">P(met) ${escapeHtml(nowcastProbability)} · ${escapeHtml(r.nowcastScenario)}</span></td>`;
    return `<tr id="record-${escapeHtml(r.target)}"><td><code>${escapeHtml(r.target)}</code></td><td class="num">${escapeHtml(r.window)}</td><td class="num">${escapeHtml(comparator)} ${escapeHtml(shown(r.threshold, r.unit))}${escapeHtml(unit)}</td>` +
      `<td class="status ${statusClass(status)}">${escapeHtml(statusLabels[status] ?? status)}</td>` +
      `<td class="num">${escapeHtml(shown(r.value, r.unit))}${escapeHtml(margin)}</td><td>${deciding}</td><td class="muted">${escapeHtml(r.reason)}</td>${nowcast}</tr>`;
  });
  return `<div class="scroll"><table class="record">\n<thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table></div>`;
}
