// The whole M3 yearly yardstick in one call: every annual method, `default`, then the engine's laws.
import { runM3, type M3MetricsRow, type RunM3Options } from './run-m3.js';
import { runM3Laws, type M3LawRow, type RunM3LawsOptions } from './run-m3-laws.js';
import type { M3Series } from './read-m3-csv.js';

/** Options for {@link runM3Benchmark}: those of runM3 and runM3Laws; `laws: []` skips the laws. */
export interface RunM3BenchmarkOptions extends RunM3Options {
  readonly laws?: RunM3LawsOptions['laws'];
  readonly lawDraws?: number;
  readonly hindcastDraws?: number;
  readonly seed?: number;
}

/** A row of either table: law rows carry `note`, `seriesCalibrated` and `intervalScale`. */
export type M3BenchmarkRow = M3MetricsRow | M3LawRow;

/**
 * runM3 (annual methods and `default`) followed by runM3Laws (law:<name>, +cal, +scale): the rows
 * of m3-metrics.csv, used by both `bench/m3-accuracy.ts` and `forecast backtest --m3`.
 *
 * @param series parsed M3 series (readM3Csv)
 * @param options methods, laws, horizon, draws, clock
 * @returns method rows then law rows
 * @see Makridakis & Hibon (2000) IJF 16:451–476; docs/backtest.md (the columns).
 * @example runM3Benchmark(series, { laws: ['compound'] }).at(-1)?.method; // => 'law:compound+scale'
 */
export function runM3Benchmark(series: readonly M3Series[], options: RunM3BenchmarkOptions = {}): M3BenchmarkRow[] {
  return [
    ...runM3(series, options),
    ...runM3Laws(series, { laws: options.laws, horizon: options.horizon, draws: options.lawDraws, hindcastDraws: options.hindcastDraws, seed: options.seed, now: options.now }),
  ];
}
