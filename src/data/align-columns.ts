// Plain-text tables for the terminal, aligned by display width (a CJK character takes two columns).
import { displayWidth } from '../report/terminal-summary.js';

/**
 * Lays out rows as columns separated by two spaces, each padded to its widest cell (by display
 * width, so 亿元 counts as 4); trailing spaces are trimmed.
 * @example alignColumns([['id', 'unit'], ['bj.ai.core', '亿元']]); // => 'id          unit\nbj.ai.core  亿元'
 */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows
    .map((row) => row.map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i] - displayWidth(cell)))).join('  ').trimEnd())
    .join('\n');
}
