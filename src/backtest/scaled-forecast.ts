// One factor on a forecast's log deviations from its median: the engine-ready form of interval calibration.
import type { SampledForecast } from './sampled-forecast.js';

/**
 * Widens (c > 1) or narrows (c < 1) a forecast around its median on the log scale:
 * x' = m_k·(x / m_k)^c for every draw x of horizon k with median m_k, so q'(p) = m_k·(q(p)/m_k)^c.
 * The map is increasing, so quantiles map to quantiles, the median is kept and paths stay paths
 * (applied to each year's column it scales year-on-year log growth deviations by c too).
 *
 * @param forecast a sampled forecast with positive draws
 * @param factor c ≥ 0 (1: unchanged)
 * @returns the rescaled forecast (new arrays)
 * @see Gneiting, Balabdaoui & Raftery (2007) Probabilistic forecasts, calibration and sharpness. JRSS B 69:243–268 (recalibration by spread).
 * @example scaledForecast(sampledForecast([Float64Array.of(1, 10, 100)]), 0.5).quantile(1); // => [31.62…]
 */
export function scaledForecast(forecast: SampledForecast, factor: number): SampledForecast {
  const draws = forecast.draws.map((column, k) => {
    const median = Math.max(forecast.point[k], 1e-9);
    return column.map((value) => median * (Math.max(value, 1e-12) / median) ** factor);
  });
  const point = [...forecast.point];
  return {
    point,
    quantile: (probability) => forecast.quantile(probability).map((value, k) => Math.max(point[k], 1e-9) * (Math.max(value, 1e-12) / Math.max(point[k], 1e-9)) ** factor),
    draws,
  };
}
