// Colours and bilingual words for target statuses, shared by the table and the charts.
import { likelihoodOf, targetStatuses, type NowcastStatus, type TargetStatus } from '../evaluate/target-status.js';

/**
 * Background colours of each status (light, so black text keeps a 7:1 contrast), matching the
 * terminal summary's green / cyan / yellow / red; record outcomes share the likelihoods' ends, and
 * `unknown` / `not judged` are grey.
 * @example statusColours['very likely']; // => '#c7e9c0'
 */
export const statusColours: Readonly<Record<TargetStatus, string>> = withNowcasts({
  'very likely': '#c7e9c0',
  likely: '#c6e2f0',
  'as likely as not': '#fde6a8',
  unlikely: '#f8c5c0',
  'very unlikely': '#f4a9a3',
  achieved: '#c7e9c0',
  missed: '#f4a9a3',
  unknown: '#e4e4e4',
  'not judged': '#e4e4e4',
}, (colour) => colour);

/**
 * Each status in Chinese and English, as the table shows it (the IPCC's Chinese likelihood terms).
 * @example statusLabels['as likely as not']; // => '或许可能 as likely as not'
 * @example statusLabels['likely (nowcast)']; // => '可能（即时预测） likely (nowcast)'
 */
export const statusLabels: Readonly<Record<TargetStatus, string>> = withNowcasts({
  'very likely': '很可能 very likely',
  likely: '可能 likely',
  'as likely as not': '或许可能 as likely as not',
  unlikely: '不太可能 unlikely',
  'very unlikely': '很不可能 very unlikely',
  achieved: '已达成 achieved',
  missed: '未达成 missed',
  unknown: '未知 unknown',
  'not judged': '未评估 not judged',
}, (label) => label.replace(/ (?=[a-z])/, '（即时预测） ') + ' (nowcast)');

/**
 * The table of every status from that of the projected words and record outcomes: a nowcast
 * (`likely (nowcast)`) takes its word's entry, marked by `mark`.
 */
function withNowcasts(own: Readonly<Record<Exclude<TargetStatus, NowcastStatus>, string>>, mark: (entry: string) => string): Readonly<Record<TargetStatus, string>> {
  const all: Record<string, string> = { ...own };
  for (const status of targetStatuses) {
    const word = likelihoodOf(status);
    if (word !== undefined && status !== word) all[status] = mark(own[word]);
  }
  return all as Record<TargetStatus, string>;
}

/**
 * The CSS class of a status cell: its words joined by hyphens, punctuation dropped.
 * @example statusClass('as likely as not'); // => 'status-as-likely-as-not'
 * @example statusClass('likely (nowcast)'); // => 'status-likely-nowcast'
 */
export function statusClass(status: string): string {
  return `status-${status.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`;
}
