// Holt's linear trend method (ETS(A,A,N)) for a yearly series.
import type { AnnualForecast } from './annual-forecast.js';
import { fitExponentialSmoothing, type ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { forecastExponentialSmoothing } from './forecast-exponential-smoothing.js';

/**
 * Fits Holt's linear method ℓ_t = ℓ_{t−1} + b_{t−1} + αe_t, b_t = b_{t−1} + βe_t by least
 * squares over (α, β, ℓ_0, b_0) (R: `forecast::holt(x)`, i.e. `ets(x, "AAN", damped = FALSE)`).
 *
 * @param series yearly values, oldest first (length ≥ 5)
 * @returns fitted parameters
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.2; https://otexts.com/fpp3/holt.html
 * @example Math.round(fitHolt([1, 2, 3, 4, 5, 6]).slope * 1e6) / 1e6; // => 1
 */
export function fitHolt(series: readonly number[]): ExponentialSmoothingParams {
  return fitExponentialSmoothing(series, 'additive');
}

/**
 * Holt forecast ŷ_{n+k} = ℓ_n + k b_n, sd σ√(1 + Σ_{j<k}(α + βj)²).
 *
 * @param params from {@link fitHolt}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.7 Table 8.8; https://otexts.com/fpp3/ets-forecasting.html
 * @example forecastHolt(fitHolt([1, 2, 3, 4, 5, 6]), 2).point.map(Math.round); // => [7, 8]
 */
export function forecastHolt(params: ExponentialSmoothingParams, horizon: number): AnnualForecast {
  return forecastExponentialSmoothing(params, horizon);
}
