// Mean absolute scaled error: forecast MAE relative to the in-sample naive MAE.
import { mae } from './mae.js';

/**
 * MASE = MAE(y, f) / Q with Q = (1/(n−1)) Σ_{t=2}^{n} |x_t − x_{t−1}| over the training data
 * (non-seasonal scaling, as the M3 reference figures).
 *
 * @param training in-sample values x_1..x_n (n ≥ 2)
 * @param actual observed out-of-sample values
 * @param forecast point forecasts, same length as `actual`
 * @returns the MASE (unitless; 1 = as good as the in-sample naive one-step forecast)
 * @throws Error when the training series has fewer than two values or lengths differ
 * @see Hyndman & Koehler (2006) Another look at measures of forecast accuracy. IJF 22:679–688, §3.4.
 * @example mase([1, 3, 5], [7, 9], [8, 8]); // => 0.5
 */
export function mase(training: readonly number[], actual: readonly number[], forecast: readonly number[]): number {
  if (training.length < 2) throw new Error(`mase training must have at least 2 values, got ${training.length}`);
  let scale = 0;
  for (let t = 1; t < training.length; t += 1) scale += Math.abs(training[t] - training[t - 1]);
  scale /= training.length - 1;
  return mae(actual, forecast) / scale;
}
