// Random walk with drift for a yearly series: the line through the first and last values, extended.
import type { AnnualForecast } from './annual-forecast.js';
import { normalForecast } from './normal-forecast.js';

/** Fitted random walk with drift. */
export interface DriftParams {
  readonly last: number;
  /** b = (x_n − x_1)/(n − 1), the mean yearly change (units of the series per year). */
  readonly slopePerYear: number;
  /** Residual sd of the yearly changes around b (n − 2 degrees of freedom). */
  readonly sigma: number;
  /** Standard error of b: σ/√(n − 1). */
  readonly slopeStandardError: number;
}

/**
 * Fits x_t = x_{t−1} + b + ε_t, ε_t ~ N(0, σ²), by least squares on the differences
 * (as R's `rwf(drift = TRUE)`): b̂ = (x_n − x_1)/(n − 1), σ̂² = Σ(Δx_t − b̂)²/(n − 2).
 *
 * @param series yearly values, oldest first (length ≥ 3)
 * @returns last value, b̂, σ̂ and se(b̂)
 * @throws Error when the series has fewer than three values
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.2 Drift method; https://otexts.com/fpp3/simple-methods.html
 * @example fitDrift([1, 3, 5, 7]).slopePerYear; // => 2
 */
export function fitDrift(series: readonly number[]): DriftParams {
  const n = series.length;
  if (n < 3) throw new Error(`fitDrift series must have at least 3 values, got ${n}`);
  const slopePerYear = (series[n - 1] - series[0]) / (n - 1);
  let sumSquares = 0;
  for (let t = 1; t < n; t += 1) sumSquares += (series[t] - series[t - 1] - slopePerYear) ** 2;
  const sigma = Math.sqrt(sumSquares / (n - 2));
  return { last: series[n - 1], slopePerYear, sigma, slopeStandardError: sigma / Math.sqrt(n - 1) };
}

/**
 * Drift forecast x̂_{n+k} = x_n + k·b with sd √(kσ² + k²·se(b)²), Gaussian (R's `rwf`).
 *
 * @param params from {@link fitDrift}
 * @param horizon number of years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.5 Table 5.2; https://otexts.com/fpp3/prediction-intervals.html
 * @example forecastDrift(fitDrift([1, 3, 5, 7]), 2).point; // => [9, 11]
 */
export function forecastDrift(params: DriftParams, horizon: number): AnnualForecast {
  const steps = Array.from({ length: horizon }, (_, i) => i + 1);
  return normalForecast(
    steps.map((k) => params.last + k * params.slopePerYear),
    steps.map((k) => Math.sqrt(k * params.sigma ** 2 + (k * params.slopeStandardError) ** 2)),
  );
}
