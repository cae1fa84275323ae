// The ensemble law's interval table: per-horizon quantiles of the default method's standardised hindcast errors.
import { defaultAnnualMethod } from '../forecast/default-annual-method.js';
import { calibratedQuantile, calibrateIntervals, type CalibrationSample } from './calibrate-intervals.js';
import { logChangeScale } from '../forecast/log-change-scale.js';
import type { M3Series } from './read-m3-csv.js';
import { rollingOriginHindcasts } from './rolling-origin-hindcasts.js';

/** Per-horizon quantiles q_k(p_j) of the standardised log error on a fixed probability grid. */
export interface ErrorQuantileTable {
  /** Increasing probabilities p_j in (0, 1). */
  readonly probabilities: readonly number[];
  /** `byHorizon[k − 1][j]` = q_k(p_j), non-decreasing in j, q_k(½) = 0 and q_k(1 − p) = −q_k(p). */
  readonly byHorizon: readonly (readonly number[])[];
  /** Hindcast errors behind each horizon's row. */
  readonly samples: readonly number[];
}

/** The grid: 0.001, 0.0025, 0.005, 0.01, 0.02, …, 0.99, 0.995, 0.9975, 0.999 (105 points; tails kept). */
export const ERROR_TABLE_PROBABILITIES: readonly number[] = [
  0.001,
  0.0025,
  0.005,
  ...Array.from({ length: 99 }, (_, i) => Number(((i + 1) / 100).toFixed(2))),
  0.995,
  0.9975,
  0.999,
];

/**
 * Builds the table the ensemble law maps its draws through, from the training parts only:
 * 1. rolling-origin hindcasts of the default method inside each training part (latest 10 origins,
 *    h ≤ 6, as runM3 does);
 * 2. scores r = |ln(y/ŷ)|/s with s = logChangeScale(training part), pooled by horizon (calibrateIntervals);
 * 3. q_k(p_j) = sign(p_j − ½)·Q_k(|2p_j − 1|), Q_k the type-7 empirical quantile of horizon k's scores
 *    (calibratedQuantile): the symmetric split-conformal quantiles the default method's calibrated
 *    intervals use in runM3, so law:ensemble and `default` share one calibration.
 *
 * @param series M3-style series (only `train` is read)
 * @param horizon largest horizon (default 6)
 * @returns the quantile table (rounded by the caller when stored)
 * @see Lei, G'Sell, Rinaldo, Tibshirani & Wasserman (2018) Distribution-free predictive inference for regression. JASA 113:1094–1111 (split conformal); Hyndman & Fan (1996) Am. Stat. 50:361–365.
 * @example ensembleErrorTable(readM3Csv(text)).byHorizon.length; // => 6
 */
export function ensembleErrorTable(series: readonly M3Series[], horizon = 6): ErrorQuantileTable {
  const samples: CalibrationSample[] = [];
  for (const entry of series) {
    const scale = logChangeScale(entry.train);
    for (const hindcast of rollingOriginHindcasts(entry.train, defaultAnnualMethod, { horizon })) {
      samples.push({ horizon: hindcast.horizon, actual: hindcast.actual, point: hindcast.point, scale });
    }
  }
  const calibration = calibrateIntervals(samples, horizon);
  return {
    probabilities: ERROR_TABLE_PROBABILITIES,
    byHorizon: calibration.sortedScores.map((sorted) => ERROR_TABLE_PROBABILITIES.map((p) => calibratedQuantile(sorted, p))),
    samples: calibration.sortedScores.map((sorted) => sorted.length),
  };
}
