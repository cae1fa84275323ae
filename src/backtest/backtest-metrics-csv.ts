// metrics.csv of `forecast backtest`: aggregates per variable × law × horizon; columns in docs/backtest.md.
import { formatNumber } from '../io/format-number.js';
import { toCsv } from '../io/to-csv.js';
import type { BacktestMetricsRow } from './backtest-metrics.js';

/** Columns of metrics.csv. */
export const backtestMetricsColumns = [
  'variable', 'law', 'horizon', 'n', 'cutoffs', 'mae', 'mape', 'smape', 'mase', 'coverage80', 'coverage95', 'winkler80', 'winkler95', 'crps',
  'mae_naive', 'mae_drift', 'smape_naive', 'smape_drift', 'skill_naive', 'skill_drift',
] as const;

/**
 * metrics.csv: one row per aggregate of backtestMetrics.
 * @param rows aggregates
 * @param digits significant digits (default 8)
 * @returns CSV text
 * @see docs/backtest.md (every column).
 * @example backtestMetricsCsv([]).startsWith('variable,law,horizon,n'); // => true
 */
export function backtestMetricsCsv(rows: readonly BacktestMetricsRow[], digits?: number): string {
  const n = (value: number) => formatNumber(value, digits);
  return toCsv(
    backtestMetricsColumns,
    rows.map((r) => ({
      variable: r.variable, law: r.law, horizon: r.horizon, n: r.n, cutoffs: r.cutoffs, mae: n(r.mae), mape: n(r.mape), smape: n(r.smape),
      mase: n(r.mase), coverage80: n(r.coverage80), coverage95: n(r.coverage95), winkler80: n(r.winkler80), winkler95: n(r.winkler95),
      crps: n(r.crps), mae_naive: n(r.maeNaive), mae_drift: n(r.maeDrift), smape_naive: n(r.smapeNaive), smape_drift: n(r.smapeDrift),
      skill_naive: n(r.skillNaive), skill_drift: n(r.skillDrift),
    })),
  );
}
