// A forecast given by Monte Carlo draws: the median as point, empirical quantiles, the draws kept for CRPS.
import type { AnnualForecast } from '../forecast/annual-forecast.js';

/** An AnnualForecast whose distribution is a sample: `draws[k − 1]` holds the sorted draws of horizon k. */
export interface SampledForecast extends AnnualForecast {
  readonly draws: readonly Float64Array[];
}

/**
 * Empirical quantile of a sorted sample (Hyndman & Fan type 7): h = (m − 1)p,
 * Q(p) = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)).
 *
 * @param sorted ascending sample (length ≥ 1)
 * @param probability p in [0, 1]
 * @returns the p-quantile
 * @see Hyndman & Fan (1996) Am. Stat. 50:361–365 (type 7, R's default).
 * @example sortedSampleQuantile(Float64Array.of(1, 2, 3, 4, 5), 0.25); // => 2
 */
export function sortedSampleQuantile(sorted: ArrayLike<number>, probability: number): number {
  const position = (sorted.length - 1) * Math.min(Math.max(probability, 0), 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  // Exactly on a sample point: return it (an infinite sample must not turn 0·∞ into NaN).
  if (position === below || sorted[above] === sorted[below]) return sorted[below];
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * A forecast from draws per horizon: point_k = median of the draws of horizon k (the path a
 * planner reads as "central"), quantile(p)_k = the type-7 empirical p-quantile.
 *
 * @param draws one column of draws per horizon k = 1..h (sorted in place)
 * @returns the forecast, keeping the sorted draws
 * @throws Error when a horizon has no draws
 * @see Hyndman & Fan (1996) Am. Stat. 50:361–365; Gneiting & Katzfuss (2014) Probabilistic forecasting, Annu. Rev. Stat. Appl. 1:125–151.
 * @example sampledForecast([Float64Array.of(3, 1, 2)]).point; // => [2]
 */
export function sampledForecast(draws: readonly Float64Array[]): SampledForecast {
  for (const [k, column] of draws.entries()) {
    if (column.length === 0) throw new Error(`sampledForecast draws of horizon ${k + 1} must not be empty, got none`);
    column.sort();
  }
  return {
    point: draws.map((column) => sortedSampleQuantile(column, 0.5)),
    quantile: (probability) => draws.map((column) => sortedSampleQuantile(column, probability)),
    draws,
  };
}
