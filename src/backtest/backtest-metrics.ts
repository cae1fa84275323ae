// Aggregates backtest points into metrics per variable × law × horizon, and over all variables.
import type { BacktestPoint } from './run-backtest.js';

/** One aggregate: `variable` and `horizon` are `all` on pooled rows. */
export interface BacktestMetricsRow {
  readonly variable: string;
  readonly law: string;
  readonly horizon: number | 'all';
  /** Scored points and distinct cutoffs behind them. */
  readonly n: number;
  readonly cutoffs: number;
  readonly mae: number;
  /** Percent. */
  readonly mape: number;
  /** Percent, 200|y − f|/(|y| + |f|). */
  readonly smape: number;
  /** mean of |y − f| / maseScale over points with a scale. */
  readonly mase: number;
  readonly coverage80: number;
  readonly coverage95: number;
  readonly winkler80: number;
  readonly winkler95: number;
  readonly crps: number;
  readonly maeNaive: number;
  readonly maeDrift: number;
  readonly smapeNaive: number;
  readonly smapeDrift: number;
  /** 1 − MAE/MAE(naive) and 1 − MAE/MAE(drift) on the same points (NaN when the benchmark is perfect). */
  readonly skillNaive: number;
  readonly skillDrift: number;
}

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length);
const pointSmape = (actual: number, forecast: number): number => (200 * Math.abs(actual - forecast)) / (Math.abs(actual) + Math.abs(forecast));

/**
 * Metrics of groups of backtest points: per (variable, law, horizon), (variable, law, all),
 * (all, law, horizon) and (all, law, all), in that order (variables, laws and horizons sorted as met).
 * MAE = mean|y − f|; MAPE = mean 100|y − f|/|y|; sMAPE = mean 200|y − f|/(|y| + |f|);
 * MASE = mean |y − f|/Q (Q the in-sample mean yearly change known at the cutoff); coverage =
 * share of y inside the central 80% / 95% intervals; Winkler and CRPS averaged; skill = 1 − MAE/MAE_b
 * against naive and drift on the same points. Pooled rows mix units in MAE, Winkler and CRPS: read
 * their unit-free columns.
 *
 * @param points rows of runBacktest
 * @returns aggregate rows
 * @see Hyndman & Koehler (2006) IJF 22:679–688 (MASE); Gneiting & Raftery (2007) JASA 102:359–378 (interval score, CRPS); Murphy (1988) MWR 116:2417–2424 (skill).
 * @example backtestMetrics(points).at(-1)?.variable; // => 'all'
 */
export function backtestMetrics(points: readonly BacktestPoint[]): BacktestMetricsRow[] {
  const variables = [...new Set(points.map((p) => p.variable))];
  const lawNames = [...new Set(points.map((p) => p.law))];
  const horizons = [...new Set(points.map((p) => p.horizon))].sort((a, b) => a - b);
  const rows: BacktestMetricsRow[] = [];
  for (const variable of [...variables, 'all']) {
    for (const law of lawNames) {
      for (const horizon of [...horizons, 'all' as const]) {
        const group = points.filter(
          (p) => (variable === 'all' || p.variable === variable) && p.law === law && (horizon === 'all' || p.horizon === horizon),
        );
        if (group.length > 0) rows.push(aggregate(variable, law, horizon, group));
      }
    }
  }
  return rows;
}

function aggregate(variable: string, law: string, horizon: number | 'all', group: readonly BacktestPoint[]): BacktestMetricsRow {
  const mae = mean(group.map((p) => Math.abs(p.actual - p.point)));
  const maeNaive = mean(group.map((p) => Math.abs(p.actual - p.naive)));
  const maeDrift = mean(group.map((p) => Math.abs(p.actual - p.drift)));
  const skill = (benchmark: number) => (benchmark > 0 ? 1 - mae / benchmark : Number.NaN);
  return {
    variable,
    law,
    horizon,
    n: group.length,
    cutoffs: new Set(group.map((p) => `${p.variable}:${p.cutoff}`)).size,
    mae,
    mape: mean(group.map((p) => (100 * Math.abs(p.actual - p.point)) / Math.abs(p.actual))),
    smape: mean(group.map((p) => pointSmape(p.actual, p.point))),
    mase: mean(group.filter((p) => p.maseScale > 0).map((p) => Math.abs(p.actual - p.point) / p.maseScale)),
    coverage80: mean(group.map((p) => (p.actual >= p.lower80 && p.actual <= p.upper80 ? 1 : 0))),
    coverage95: mean(group.map((p) => (p.actual >= p.lower95 && p.actual <= p.upper95 ? 1 : 0))),
    winkler80: mean(group.map((p) => p.winkler80)),
    winkler95: mean(group.map((p) => p.winkler95)),
    crps: mean(group.map((p) => p.crps)),
    maeNaive,
    maeDrift,
    smapeNaive: mean(group.map((p) => pointSmape(p.actual, p.naive))),
    smapeDrift: mean(group.map((p) => pointSmape(p.actual, p.drift))),
    skillNaive: skill(maeNaive),
    skillDrift: skill(maeDrift),
  };
}
