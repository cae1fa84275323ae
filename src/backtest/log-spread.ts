// A forecast's own spread on the log scale, per horizon: the yardstick its calibration rescales.
import type { AnnualForecast } from '../forecast/annual-forecast.js';

/** z_0.9 = Φ⁻¹(0.9): half the width of a central 80% normal interval in sd units. */
const Z90 = 1.2815515655446004;

/** Floor on the spread so a degenerate (zero-width) forecast still standardises finitely. */
const MINIMUM_SPREAD = 1e-6;

/**
 * s_k = ln(q_k(0.9) / q_k(0.1)) / (2·z_0.9), floored at 1e-6: the sd a lognormal forecast with the same
 * central 80% interval would have (a robust log-scale spread; bounds floored at 1e-9 before logs).
 *
 * @param forecast any forecast with a quantile function
 * @returns one spread per horizon (log points)
 * @see Lei et al. (2018) JASA 113:1094–1111 (locally weighted conformal scores: residual / local spread).
 * @example logSpread({ point: [1], quantile: (p) => [p < 0.5 ? Math.exp(-1.2815515655446004) : Math.exp(1.2815515655446004)] }); // => [1]
 */
export function logSpread(forecast: AnnualForecast): number[] {
  const low = forecast.quantile(0.1);
  const high = forecast.quantile(0.9);
  return low.map((value, k) => Math.max(Math.log(Math.max(high[k], 1e-9) / Math.max(value, 1e-9)) / (2 * Z90), MINIMUM_SPREAD));
}
