// Damped trend on the log scale: damped growth *rates* for positive yearly series.
import type { AnnualForecast } from './annual-forecast.js';
import { fitExponentialSmoothing, type ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { forecastExponentialSmoothing } from './forecast-exponential-smoothing.js';

/**
 * Fits ETS(A,Ad,N) to z_t = ln y_t, so the trend is a growth rate that decays geometrically
 * (R: `holt(x, damped = TRUE, lambda = 0)` up to bias adjustment).
 *
 * @param series positive yearly values, oldest first (length ≥ 5)
 * @returns fitted parameters on the log scale
 * @throws Error when a value is not positive
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.6 Forecasting using transformations; https://otexts.com/fpp3/ftransformations.html
 * @example Math.round(Math.exp(fitLogDampedTrend([8, 8, 8, 8, 8]).level)); // => 8
 */
export function fitLogDampedTrend(series: readonly number[]): ExponentialSmoothingParams {
  const logs = series.map((value, index) => {
    if (!(value > 0)) throw new Error(`fitLogDampedTrend series[${index}] must be positive, got ${value}`);
    return Math.log(value);
  });
  return fitExponentialSmoothing(logs, 'damped');
}

/**
 * Forecast: median ŷ_{n+k} = exp(ℓ_n + (φ + … + φ^k) b_n), log-normal quantiles.
 *
 * @param params from {@link fitLogDampedTrend}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts (medians) and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.6; https://otexts.com/fpp3/ftransformations.html
 * @example forecastLogDampedTrend(fitLogDampedTrend([8, 8, 8, 8, 8]), 1).point.map(Math.round); // => [8]
 */
export function forecastLogDampedTrend(params: ExponentialSmoothingParams, horizon: number): AnnualForecast {
  return forecastExponentialSmoothing(params, horizon, true);
}
