// Builds an AnnualForecast from Gaussian predictive means and standard deviations.
import type { AnnualForecast } from './annual-forecast.js';
import { inverseNormalCdf } from '../simulate/distributions/inverse-normal-cdf.js';

/**
 * Gaussian forecast: Y_{n+k} ~ N(mean_k, sd_k²); quantile(p)_k = mean_k + sd_k·Φ⁻¹(p).
 * With `logScale: true` mean and sd describe log Y, so the forecast is log-normal, the point
 * forecast is the median exp(mean_k) and quantile(p)_k = exp(mean_k + sd_k·Φ⁻¹(p)).
 *
 * @param mean predictive means, one per horizon (original units, or logs with `logScale`)
 * @param sd predictive standard deviations (≥ 0), same length
 * @param logScale whether mean and sd are on the log scale (default false)
 * @returns the forecast; its `quantile(p)` throws for p outside [0, 1] (inverseNormalCdf)
 * @see Hyndman & Athanasopoulos (2021) Forecasting: Principles and Practice, 3rd ed., §5.5 Prediction intervals; https://otexts.com/fpp3/prediction-intervals.html
 * @example normalForecast([100], [10]).quantile(0.5); // => [100]
 */
export function normalForecast(mean: readonly number[], sd: readonly number[], logScale = false): AnnualForecast {
  const location = [...mean];
  const scale = [...sd];
  const transform = logScale ? Math.exp : (value: number): number => value;
  return {
    point: location.map(transform),
    quantile: (probability) => {
      const z = inverseNormalCdf(probability);
      return location.map((m, k) => transform(m + z * scale[k]));
    },
  };
}
