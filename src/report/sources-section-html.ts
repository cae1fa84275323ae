// The sources section: every observation and target the report uses, under its source, with the quoted passage.
import type { Observation, Source, Target } from '../data/types.js';
import { reportedNumber } from './display-number.js';
import { escapeHtml } from './escape-html.js';
import { thresholdText } from './targets-table-html.js';

const qualifierWords: Readonly<Record<Observation['qualifier'], string>> = {
  exact: '',
  approx: '约 approx.',
  atLeast: '下限 at least',
  atMost: '上限 at most',
};

function observationItem(o: Observation): string {
  const parts = [
    `<code>${escapeHtml(o.series)}</code>`,
    `${escapeHtml(o.year)} ${escapeHtml(o.period)}`,
    // A source list shows each figure as reported (7287.6, not 7,288): it is checked against the quote.
    o.value === undefined ? '' : `${escapeHtml(reportedNumber(o.value, o.unit))} ${escapeHtml(o.unit)}${o.qualifier === 'exact' ? '' : ` (${qualifierWords[o.qualifier]})`}`,
    o.yoy === undefined ? '' : `同比 yoy ${o.yoy >= 0 ? '+' : ''}${reportedNumber(o.yoy, 'rate')}`,
    o.kind === 'externalForecast' ? '<em>外部预测 external forecast</em>' : '',
    o.status === 'derived' ? `推算 derived${o.derivation ? `: <code>${escapeHtml(o.derivation)}</code>` : ''}` : '',
    o.published ? `<span class="muted">发布 published ${escapeHtml(o.published)}</span>` : '',
  ].filter((part) => part !== '');
  const note = o.note ? `<br><span class="muted">${escapeHtml(o.note)}</span>` : '';
  return `<li>${parts.join(' · ')}${note}${o.quote ? `<blockquote>${escapeHtml(o.quote)}</blockquote>` : ''}</li>`;
}

function targetItem(t: Target, skippedReason?: string, onRecordOnly?: boolean): string {
  const skipped = skippedReason ? ` · <span class="muted">未评估 not judged: ${escapeHtml(skippedReason)}</span>` : '';
  // A target judged from the draws links to its verdicts; one only on record, to its plan-record row.
  const anchor = onRecordOnly ? `record-${t.id}` : `target-${t.id}`;
  const id = skippedReason ? `<code>${escapeHtml(t.id)}</code>` : `<a href="#${escapeHtml(anchor)}"><code>${escapeHtml(t.id)}</code></a>`;
  return `<li>目标 target ${id} · ${escapeHtml(t.year)} · ${escapeHtml(thresholdText(t))}${skipped}${
    t.quote ? `<blockquote>${escapeHtml(t.quote)}</blockquote>` : ''
  }</li>`;
}

function locationHtml(location: string): string {
  // A web address is a link the reader may follow; nothing is loaded from it.
  if (/^https?:\/\//i.test(location)) return `<a href="${escapeHtml(location)}" rel="noreferrer">${escapeHtml(location)}</a>`;
  return `<code>${escapeHtml(location)}</code>`;
}

/**
 * The sources section body: one block per source (title, publisher, date, location), listing
 * each observation (series, period, value with its qualifier, growth, publication date) and
 * each target it supplies, each with its quoted passage. Sources are in data order; ids cited
 * but missing from sources.csv get a block of their own. All text is escaped; web addresses
 * become plain links (no resource is loaded from them).
 * @param sources the sources cited
 * @param observations the observations used, in data order
 * @param targets the targets used, in data order, with the reason for any not judged (`onRecordOnly`: shown only in the plan record)
 * @returns an HTML fragment
 * @example sourcesSectionHtml(sources, observations, targets).includes('<blockquote>'); // => true
 */
export function sourcesSectionHtml(
  sources: readonly Source[],
  observations: readonly Observation[],
  targets: readonly { readonly target: Target; readonly skippedReason?: string; readonly onRecordOnly?: boolean }[],
): string {
  const ids = [...new Set([...sources.map((s) => s.id), ...observations.map((o) => o.source), ...targets.map((t) => t.target.source)])];
  return ids
    .map((id) => {
      const source = sources.find((s) => s.id === id);
      const heading = source
        ? `<h3>${escapeHtml(source.title)}</h3><p class="muted">${[
            `<code>${escapeHtml(source.id)}</code>`,
            escapeHtml(source.publisher),
            escapeHtml(source.date),
            source.location ? locationHtml(source.location) : '',
          ].filter((part) => part !== '').join(' · ')}</p>`
        : `<h3><code>${escapeHtml(id)}</code></h3><p class="muted">不在 sources.csv 中 not listed in sources.csv</p>`;
      const items = [
        ...observations.filter((o) => o.source === id).map(observationItem),
        ...targets.filter((t) => t.target.source === id).map((t) => targetItem(t.target, t.skippedReason, t.onRecordOnly)),
      ];
      return `<article class="source" id="source-${escapeHtml(id)}">${heading}<ul>\n${items.join('\n')}\n</ul></article>`;
    })
    .join('\n');
}
