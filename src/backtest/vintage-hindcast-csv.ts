// vintage.csv of `forecast backtest --as-of`: one row per variable × as-of date × year; columns in docs/backtest.md.
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { VintageHindcast } from './vintage-hindcast.js';

/** Columns of vintage.csv. */
export const vintageColumns = [
  'variable', 'series', 'law', 'as_of', 'base_year', 'year', 'horizon', 'p05', 'p10', 'p50', 'p90', 'p95',
  'outcome', 'outcome_qualifier', 'outcome_kind', 'outcome_source', 'outcome_published', 'in80', 'in90', 'note',
] as const;

/**
 * vintage.csv: every scored year (numbers to `digits` significant digits; in80/in90 are inside,
 * above, below or undecided), then one row per skipped variable or year with `variable`, `as_of`,
 * `year` and `note` filled.
 * @param hindcast vintageHindcast's result
 * @param digits significant digits (default 8)
 * @returns CSV text
 * @example vintageHindcastCsv({ rows: [], skipped: [] }).startsWith('variable,series,law,as_of'); // => true
 */
export function vintageHindcastCsv(hindcast: VintageHindcast, digits?: number): string {
  const n = (value: number) => formatNumber(value, digits);
  const rows: Record<string, Cell>[] = hindcast.rows.map((r) => ({
    variable: r.variable, series: r.series, law: r.law, as_of: r.asOf, base_year: r.baseYear, year: r.year, horizon: r.horizon,
    p05: n(r.p05), p10: n(r.p10), p50: n(r.p50), p90: n(r.p90), p95: n(r.p95),
    outcome: n(r.outcome.value), outcome_qualifier: r.outcome.qualifier, outcome_kind: r.outcome.kind, outcome_source: r.outcome.source,
    outcome_published: r.outcome.published, in80: r.in80, in90: r.in90, note: '',
  }));
  for (const skip of hindcast.skipped) rows.push({ variable: skip.variable, as_of: skip.asOf, year: skip.year, note: `skipped: ${skip.reason}` });
  return toCsv(vintageColumns, rows);
}
