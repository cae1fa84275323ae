// Additive damped trend (ETS(A,Ad,N), Gardner & McKenzie 1985) for a yearly series.
import type { AnnualForecast } from './annual-forecast.js';
import { fitExponentialSmoothing, type ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { forecastExponentialSmoothing } from './forecast-exponential-smoothing.js';

/**
 * Fits the damped trend ℓ_t = ℓ_{t−1} + φb_{t−1} + αe_t, b_t = φb_{t−1} + βe_t with φ in
 * [0.8, 0.98], by least squares over (α, β, φ, ℓ_0, b_0)
 * (R: `forecast::holt(x, damped = TRUE)`, i.e. `ets(x, "AAN", damped = TRUE)`).
 *
 * @param series yearly values, oldest first (length ≥ 5)
 * @returns fitted parameters
 * @see Gardner & McKenzie (1985) Forecasting trends in time series. Management Science 31:1237–1246.
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.2 Damped trend methods; https://otexts.com/fpp3/holt.html
 * @example fitDampedTrend([3, 3, 3, 3, 3, 3]).level; // => 3
 */
export function fitDampedTrend(series: readonly number[]): ExponentialSmoothingParams {
  return fitExponentialSmoothing(series, 'damped');
}

/**
 * Damped forecast ŷ_{n+k} = ℓ_n + (φ + … + φ^k) b_n, Gaussian intervals.
 *
 * @param params from {@link fitDampedTrend}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.7; https://otexts.com/fpp3/ets-forecasting.html
 * @example forecastDampedTrend(fitDampedTrend([3, 3, 3, 3, 3, 3]), 2).point; // => [3, 3]
 */
export function forecastDampedTrend(params: ExponentialSmoothingParams, horizon: number): AnnualForecast {
  return forecastExponentialSmoothing(params, horizon);
}
