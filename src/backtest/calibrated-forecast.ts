// Applies an IntervalCalibration to point forecasts: symmetric log-scale intervals from pooled hindcast scores.
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import { calibratedQuantile, POINT_FLOOR, type IntervalCalibration } from './calibrate-intervals.js';

/**
 * Calibrated forecast: the point forecasts are kept; quantile(p)_k = max(ŷ_k, 1e-9)·exp(s_k·q_k(p)),
 * q_k(p) = sign(p − ½)·Q_k(|2p − 1|) with Q_k the empirical quantile of the absolute standardised
 * hindcast log errors at horizon k (calibratedQuantile), and s_k the scale (the same definition as
 * in the calibration): one number for every horizon (the series' volatility) or one per horizon
 * (e.g. a law's own log spread at k). The level-L interval is ŷ_k·exp(±s_k·Q_k(L)).
 *
 * @param point point forecasts for k = 1..h (h ≤ the calibration's horizon)
 * @param scale the scale s (> 0), e.g. logChangeScale(training), or one scale per horizon
 * @param calibration from calibrateIntervals
 * @returns a forecast whose intervals come from the calibration
 * @throws Error when the calibration has fewer horizons than the forecast
 * @see Lei et al. (2018) JASA 113:1094–1111 (split conformal, locally weighted); Hyndman & Fan (1996) Am. Stat. 50:361–365.
 * @example calibratedForecast([10], 1, { sortedScores: [[0, 0]] }).quantile(0.9); // => [10]
 */
export function calibratedForecast(
  point: readonly number[],
  scale: number | readonly number[],
  calibration: IntervalCalibration,
): AnnualForecast {
  if (point.length > calibration.sortedScores.length) {
    throw new Error(`calibratedForecast point must have at most ${calibration.sortedScores.length} horizons, got ${point.length}`);
  }
  const base = point.map((value) => Math.max(value, POINT_FLOOR));
  return {
    point: [...point],
    quantile: (probability) =>
      base.map((value, k) => value * Math.exp((typeof scale === 'number' ? scale : scale[k]) * calibratedQuantile(calibration.sortedScores[k], probability))),
  };
}
