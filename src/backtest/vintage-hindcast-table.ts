// The vintage hindcast as the Markdown that `forecast backtest --as-of` prints and docs/backtest.md carries.
import type { BandVerdict } from './band-verdict.js';
import type { VintageHindcast, VintageHindcastRow } from './vintage-hindcast.js';

/** A level as the table shows it: whole numbers from 100 on, else 3 significant digits. */
function level(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

const verdictCell: Readonly<Record<BandVerdict, string>> = { inside: 'in', above: '**above**', below: '**below**', undecided: '? (bound)' };

/** The outcome: its value with ≥/≤ for a bound, ≈ for an approximate figure, and "estimate" when it is one. */
function outcomeCell(row: VintageHindcastRow): string {
  const { value, qualifier, kind } = row.outcome;
  const sign = qualifier === 'atLeast' ? '≥ ' : qualifier === 'atMost' ? '≤ ' : qualifier === 'approx' ? '≈ ' : '';
  return `${sign}${level(value)}${kind === 'estimate' ? ' (estimate)' : ''}`;
}

/**
 * Three parts, each a Markdown block: the rows (variable, as-of date, base year, year, h, the outcome
 * on record today, the 80% and 90% bands and the verdicts), the tally by h ("k of n": of the n outcomes a
 * band's verdict decides, k fell inside; estimates also apart), and what was skipped.
 * @param hindcast vintageHindcast's result
 * @returns the text, ending in a newline
 * @example vintageHindcastTable({ rows: [], skipped: [] }).startsWith('| variable |'); // => true
 */
export function vintageHindcastTable(hindcast: VintageHindcast): string {
  const lines = [
    '| variable | as of | base | year | h | outcome on record | 80% band | 90% band | in 80% | in 90% |',
    '|---|---|---:|---:|---:|---:|---|---|---|---|',
    ...hindcast.rows.map(
      (row) =>
        `| ${row.variable} | ${row.asOf} | ${row.baseYear} | ${row.year} | ${row.horizon} | ${outcomeCell(row)} | ${level(row.p10)}–${level(row.p90)} | ${level(row.p05)}–${level(row.p95)} | ${verdictCell[row.in80]} | ${verdictCell[row.in90]} |`,
    ),
    '',
    '| h | outcomes | inside the 80% band | inside the 90% band | estimates among the outcomes: inside 80%, inside 90% |',
    '|---:|---:|---:|---:|---|',
  ];
  const horizons = [...new Set(hindcast.rows.map((row) => row.horizon))].sort((a, b) => a - b);
  // "k of n": n the outcomes the band's verdict decides (a bound may decide one band and not the other).
  const share = (rows: readonly VintageHindcastRow[], band: 'in80' | 'in90') =>
    `${rows.filter((row) => row[band] === 'inside').length} of ${rows.filter((row) => row[band] !== 'undecided').length}`;
  for (const h of [...horizons, 'all' as const]) {
    const rows = hindcast.rows.filter((row) => h === 'all' || row.horizon === h);
    const estimates = rows.filter((row) => row.outcome.kind === 'estimate');
    lines.push(`| ${h} | ${rows.length} | ${share(rows, 'in80')} | ${share(rows, 'in90')} | ${estimates.length === 0 ? '–' : `${share(estimates, 'in80')}, ${share(estimates, 'in90')}`} |`);
  }
  lines.push('');
  // Skips of one variable for the same reason are one line, their dates listed.
  const groups = new Map<string, { head: string; dates: string[] }>();
  for (const skip of hindcast.skipped) {
    const head = `not ${skip.year === undefined ? 'forecast' : 'scored'}: ${skip.variable}`;
    const key = `${head}\u0000${skip.reason}`;
    groups.set(key, { head, dates: [...(groups.get(key)?.dates ?? []), skip.asOf] });
  }
  for (const [key, group] of groups) lines.push(`- ${group.head} as of ${group.dates.join(', ')}: ${key.split('\u0000')[1]}`);
  return `${lines.join('\n')}\n`;
}
