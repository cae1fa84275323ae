// backtest.csv of `forecast backtest`: one row per variable × cutoff × horizon × law; columns in docs/backtest.md.
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { BacktestPoint, BacktestSkip } from './run-backtest.js';

/** Columns of backtest.csv, one row per variable × cutoff × horizon × law (then the skipped ones). */
export const backtestColumns = [
  'variable', 'series', 'law', 'cutoff', 'vintage_date', 'base_year', 'year', 'horizon', 'actual', 'p50', 'p10', 'p90', 'p025', 'p975',
  'naive', 'drift', 'error', 'ape', 'smape', 'scaled_error', 'covered80', 'covered95', 'winkler80', 'winkler95', 'crps', 'note',
] as const;

/**
 * backtest.csv: every scored point (numbers to `digits` significant digits), then one row per skipped
 * law or variable with only `variable`, `law`, `cutoff` and `note` filled.
 * error = actual − p50; ape = 100|error|/|actual|; smape = 200|error|/(|actual| + |p50|);
 * scaled_error = |error|/Q; covered80/95 = actual inside [p10, p90] / [p025, p975].
 *
 * @param points rows of runBacktest
 * @param skipped what could not run, with the reason
 * @param digits significant digits (default 8)
 * @returns CSV text
 * @see docs/backtest.md (every column).
 * @example backtestCsv([], []).startsWith('variable,series,law,cutoff'); // => true
 */
export function backtestCsv(points: readonly BacktestPoint[], skipped: readonly BacktestSkip[], digits?: number): string {
  const n = (value: number) => formatNumber(value, digits);
  const rows: Record<string, Cell>[] = points.map((p) => {
    const error = p.actual - p.point;
    return {
      variable: p.variable, series: p.series, law: p.law, cutoff: p.cutoff, vintage_date: p.vintageDate, base_year: p.baseYear,
      year: p.year, horizon: p.horizon, actual: n(p.actual), p50: n(p.point), p10: n(p.lower80), p90: n(p.upper80),
      p025: n(p.lower95), p975: n(p.upper95), naive: n(p.naive), drift: n(p.drift), error: n(error),
      ape: n((100 * Math.abs(error)) / Math.abs(p.actual)), smape: n((200 * Math.abs(error)) / (Math.abs(p.actual) + Math.abs(p.point))),
      scaled_error: n(Math.abs(error) / p.maseScale), covered80: p.actual >= p.lower80 && p.actual <= p.upper80,
      covered95: p.actual >= p.lower95 && p.actual <= p.upper95, winkler80: n(p.winkler80), winkler95: n(p.winkler95), crps: n(p.crps), note: '',
    };
  });
  for (const skip of skipped) rows.push({ variable: skip.variable, law: skip.law, cutoff: skip.cutoff, note: `skipped: ${skip.reason}` });
  return toCsv(backtestColumns, rows);
}
