// Combines several forecasts of the same series into one (mean or median, pointwise and per quantile).
import type { AnnualForecast } from './annual-forecast.js';

/** How forecasts are combined: arithmetic mean or median, per horizon. */
export type Combination = 'mean' | 'median';

const combineValues = (values: number[], how: Combination): number => {
  if (how === 'mean') return values.reduce((sum, value) => sum + value, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Combines forecasts: ŷ_k = mean_i ŷ_{i,k} (or the median), and quantile(p)_k = the same
 * combination of the members' p-quantiles ("Vincentization": quantile averaging).
 *
 * @param forecasts members, each with the same horizon (at least one)
 * @param how 'mean' (default) or 'median'
 * @returns the combined forecast
 * @throws Error when no forecasts are given
 * @see Makridakis & Hibon (2000) IJF 16:451–476 (Comb S-H-D); Lichtendahl et al. (2013) Management Science 59:1594–1611.
 * @example combineForecasts([normalForecast([10], [1]), normalForecast([20], [1])]).point; // => [15]
 */
export function combineForecasts(forecasts: readonly AnnualForecast[], how: Combination = 'mean'): AnnualForecast {
  if (forecasts.length === 0) throw new Error('combineForecasts forecasts must not be empty, got []');
  const horizon = forecasts[0].point.length;
  const combine = (rows: readonly (readonly number[])[]): number[] =>
    Array.from({ length: horizon }, (_, k) => combineValues(rows.map((row) => row[k]), how));
  return {
    point: combine(forecasts.map((forecast) => forecast.point)),
    quantile: (probability) => combine(forecasts.map((forecast) => forecast.quantile(probability))),
  };
}
