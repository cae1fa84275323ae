// Empirical, horizon-specific forecast-error distributions learnt from rolling-origin hindcasts.

/** One hindcast error with the scale of the series it came from (see logChangeScale). */
export interface CalibrationSample {
  readonly horizon: number;
  readonly actual: number;
  readonly point: number;
  /** Volatility of the series at the hindcast origin (> 0, e.g. sd of log changes). */
  readonly scale: number;
}

/**
 * Sorted standardised log errors for horizons 1..H: `sortedErrors[k − 1]` holds
 * z = ln(y / ŷ) / s of every hindcast at horizon k.
 */
export interface IntervalCalibration {
  readonly sortedErrors: readonly (readonly number[])[];
}

/** Forecasts at or below zero are floored here before logs are taken. */
export const POINT_FLOOR = 1e-9;

/**
 * Pools hindcast errors by horizon into empirical error distributions (split-conformal style,
 * with a per-series scale so quiet and volatile series can share one table).
 *
 * z_i = ln(y_i / max(ŷ_i, 1e-9)) / s_i, grouped by horizon and sorted. A horizon with no samples
 * borrows the nearest shorter one, widened by √(k / k'), the random-walk growth of spread.
 *
 * @param samples hindcast errors (from training data only), each with its horizon and scale
 * @param horizon largest horizon H the calibration must serve (≥ 1)
 * @returns sorted standardised errors per horizon
 * @throws Error when there are no horizon-1 samples
 * @see Vovk, Gammerman & Shafer (2005) Algorithmic Learning in a Random World, ch. 2 (conformal prediction); Lei et al. (2018) JASA 113:1094–1111 (split conformal, locally weighted).
 * @example calibrateIntervals([{ horizon: 1, actual: Math.E, point: 1, scale: 1 }], 1).sortedErrors; // => [[1]]
 */
export function calibrateIntervals(samples: readonly CalibrationSample[], horizon: number): IntervalCalibration {
  const byHorizon: number[][] = Array.from({ length: horizon }, () => []);
  for (const sample of samples) {
    if (sample.horizon < 1 || sample.horizon > horizon) continue;
    byHorizon[sample.horizon - 1].push(Math.log(sample.actual / Math.max(sample.point, POINT_FLOOR)) / sample.scale);
  }
  if (byHorizon[0].length === 0) throw new Error('calibrateIntervals samples must include horizon 1, got none');
  for (let k = 1; k < horizon; k += 1) {
    if (byHorizon[k].length > 0) continue;
    let from = k - 1;
    while (byHorizon[from].length === 0) from -= 1;
    const widen = Math.sqrt((k + 1) / (from + 1));
    byHorizon[k] = byHorizon[from].map((z) => z * widen);
  }
  return { sortedErrors: byHorizon.map((errors) => errors.sort((a, b) => a - b)) };
}
