// Colours and bilingual words for target statuses, shared by the table and the charts.
import type { TargetStatus } from '../evaluate/target-status.js';

/**
 * Background colours of each status (light, so black text keeps a 7:1 contrast), matching the
 * terminal summary's green / cyan / yellow / red.
 * @example statusColours.met; // => '#c7e9c0'
 */
export const statusColours: Readonly<Record<TargetStatus, string>> = {
  met: '#c7e9c0',
  likely: '#c6e2f0',
  'at risk': '#fde6a8',
  unlikely: '#f8c5c0',
};

/**
 * Each status in Chinese and English, as the table shows it.
 * @example statusLabels['at risk']; // => '有风险 at risk'
 */
export const statusLabels: Readonly<Record<TargetStatus, string>> = {
  met: '稳达 met',
  likely: '可能达成 likely',
  'at risk': '有风险 at risk',
  unlikely: '不太可能 unlikely',
};
