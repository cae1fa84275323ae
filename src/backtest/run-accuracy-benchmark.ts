// A whole yardstick in one call: every annual method, the protocol's `default`, then the engine's laws.
import type { M3Series } from './read-m3-csv.js';
import { runAccuracy, type AccuracyResult, type AccuracyRow, type RunAccuracyOptions } from './run-accuracy.js';
import { runLawAccuracy, type LawAccuracyRow, type RunLawAccuracyOptions } from './run-law-accuracy.js';

/** Options for {@link runAccuracyBenchmark}: those of runAccuracy and runLawAccuracy; `laws: []` skips the laws. */
export interface RunAccuracyBenchmarkOptions extends RunAccuracyOptions {
  readonly laws?: RunLawAccuracyOptions['laws'];
  readonly lawDraws?: number;
  readonly hindcastDraws?: number;
  readonly seed?: number;
}

/** A row of either table: law rows carry `seriesCalibrated` and `intervalScale`. */
export type AccuracyBenchmarkRow = AccuracyRow | LawAccuracyRow;

/**
 * runAccuracy (annual methods and `default`) followed by runLawAccuracy (law:<name>, +cal, +scale):
 * the rows of `<collection>-metrics.csv`, used by both `bench/accuracy.ts` and `forecast backtest --m3`.
 *
 * @param series a collection in the M3 layout (readM3Csv)
 * @param options methods, laws, horizon, draws, clock
 * @returns the horizon, method rows then law rows, and the protocol's selection
 * @see Makridakis & Hibon (2000) IJF 16:451–476; docs/backtest.md (the protocol and the columns).
 * @example runAccuracyBenchmark(series, { laws: ['compound'] }).rows.at(-1)?.method; // => 'law:compound+scale'
 */
export function runAccuracyBenchmark(series: readonly M3Series[], options: RunAccuracyBenchmarkOptions = {}): AccuracyResult & { readonly rows: readonly AccuracyBenchmarkRow[] } {
  const result = runAccuracy(series, options);
  const lawRows = options.laws?.length === 0
    ? []
    : runLawAccuracy(series, { laws: options.laws, horizon: result.horizon, draws: options.lawDraws, hindcastDraws: options.hindcastDraws, seed: options.seed, now: options.now });
  return { ...result, rows: [...result.rows, ...lawRows] };
}
