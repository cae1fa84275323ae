// Applies an IntervalCalibration to point forecasts: quantiles from pooled hindcast errors.
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import { POINT_FLOOR, type IntervalCalibration } from './calibrate-intervals.js';

/**
 * Empirical quantile of sorted values (Hyndman & Fan type 7, linear interpolation):
 * h = (m − 1)p, Q = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)).
 */
function sortedQuantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * Math.min(Math.max(probability, 0), 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Calibrated forecast: the point forecasts are kept; quantile(p)_k = max(ŷ_k, 1e-9)·exp(s_k·Q_k(p)),
 * where Q_k is the empirical p-quantile of the standardised hindcast log errors at horizon k and
 * s_k the scale (the same definition as in the calibration): one number for every horizon (the
 * series' volatility) or one per horizon (e.g. a law's own log spread at k).
 *
 * @param point point forecasts for k = 1..h (h ≤ the calibration's horizon)
 * @param scale the scale s (> 0), e.g. logChangeScale(training), or one scale per horizon
 * @param calibration from calibrateIntervals
 * @returns a forecast whose intervals come from the calibration
 * @throws Error when the calibration has fewer horizons than the forecast
 * @see Hyndman & Fan (1996) Sample quantiles in statistical packages. Am. Stat. 50:361–365; Lei et al. (2018) JASA 113:1094–1111.
 * @example calibratedForecast([10], 1, { sortedErrors: [[0, 0]] }).quantile(0.9); // => [10]
 */
export function calibratedForecast(
  point: readonly number[],
  scale: number | readonly number[],
  calibration: IntervalCalibration,
): AnnualForecast {
  if (point.length > calibration.sortedErrors.length) {
    throw new Error(`calibratedForecast point must have at most ${calibration.sortedErrors.length} horizons, got ${point.length}`);
  }
  const base = point.map((value) => Math.max(value, POINT_FLOOR));
  return {
    point: [...point],
    quantile: (probability) =>
      base.map((value, k) => value * Math.exp((typeof scale === 'number' ? scale : scale[k]) * sortedQuantile(calibration.sortedErrors[k], probability))),
  };
}
