// Naive (random walk) forecasting of a yearly series: tomorrow equals today.
import type { AnnualForecast } from './annual-forecast.js';
import { normalForecast } from './normal-forecast.js';

/** Fitted naive model: the last value and the one-step innovation standard deviation. */
export interface NaiveParams {
  readonly last: number;
  /** σ = √(mean (x_t − x_{t−1})²), the random-walk innovation sd (units of the series). */
  readonly sigma: number;
}

/**
 * Fits the random walk x_t = x_{t−1} + ε_t, ε_t ~ N(0, σ²).
 *
 * σ̂² = (1/(n−1)) Σ_{t=2}^{n} (x_t − x_{t−1})², as R's `forecast::naive` (`lagwalk`).
 *
 * @param series yearly values, oldest first (length ≥ 2)
 * @returns the last value and σ̂
 * @throws Error when the series has fewer than two values
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.2 Some simple forecasting methods; https://otexts.com/fpp3/simple-methods.html
 * @example fitNaive([1, 3, 5]); // => { last: 5, sigma: 2 }
 */
export function fitNaive(series: readonly number[]): NaiveParams {
  const n = series.length;
  if (n < 2) throw new Error(`fitNaive series must have at least 2 values, got ${n}`);
  let sumSquares = 0;
  for (let t = 1; t < n; t += 1) sumSquares += (series[t] - series[t - 1]) ** 2;
  return { last: series[n - 1], sigma: Math.sqrt(sumSquares / (n - 1)) };
}

/**
 * Naive forecast: x̂_{n+k} = x_n with sd σ√k (Gaussian intervals, as R's `naive()`).
 *
 * @param params from {@link fitNaive}
 * @param horizon number of years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.5 Table 5.2; https://otexts.com/fpp3/prediction-intervals.html
 * @example forecastNaive({ last: 5, sigma: 2 }, 2).point; // => [5, 5]
 */
export function forecastNaive(params: NaiveParams, horizon: number): AnnualForecast {
  const steps = Array.from({ length: horizon }, (_, i) => i + 1);
  return normalForecast(
    steps.map(() => params.last),
    steps.map((k) => params.sigma * Math.sqrt(k)),
  );
}
