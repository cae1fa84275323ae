// Simple exponential smoothing (ETS(A,N,N)) of a yearly series.
import type { AnnualForecast } from './annual-forecast.js';
import { fitExponentialSmoothing, type ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { forecastExponentialSmoothing } from './forecast-exponential-smoothing.js';

/**
 * Fits simple exponential smoothing ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}) with α and ℓ_0 chosen to
 * minimise the one-step SSE (R: `forecast::ses(x)`, i.e. `ets(x, "ANN")`).
 *
 * @param series yearly values, oldest first (length ≥ 3)
 * @returns fitted parameters (α, ℓ_0, ℓ_n, σ̂²)
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.1; https://otexts.com/fpp3/ses.html
 * @example fitSes([5, 5, 5, 5]).level; // => 5
 */
export function fitSes(series: readonly number[]): ExponentialSmoothingParams {
  return fitExponentialSmoothing(series, 'none');
}

/**
 * SES forecast: flat ŷ_{n+k} = ℓ_n, sd σ√(1 + (k−1)α²).
 *
 * @param params from {@link fitSes}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §8.7 Table 8.8; https://otexts.com/fpp3/ets-forecasting.html
 * @example forecastSes(fitSes([5, 5, 5, 5]), 2).point; // => [5, 5]
 */
export function forecastSes(params: ExponentialSmoothingParams, horizon: number): AnnualForecast {
  return forecastExponentialSmoothing(params, horizon);
}
