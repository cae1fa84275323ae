// Symmetric mean absolute percentage error, the M3 competition's headline metric.
import { checkLengths } from './mae.js';

/**
 * sMAPE = (1/h) Σ_k 200·|y_k − f_k| / (|y_k| + |f_k|), in percent (0–200); a point with
 * y_k = f_k = 0 counts 0.
 *
 * @param actual observed values y_1..y_h
 * @param forecast point forecasts f_1..f_h
 * @returns the sMAPE in percent
 * @throws Error when the lengths differ or are zero
 * @see Makridakis & Hibon (2000) The M3-Competition. IJF 16:451–476, §2 (the M3 definition used here).
 * @example smape([100, 100], [100, 300]); // => 50
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  checkLengths('smape', actual, forecast);
  let total = 0;
  for (let k = 0; k < actual.length; k += 1) {
    const denominator = Math.abs(actual[k]) + Math.abs(forecast[k]);
    total += denominator === 0 ? 0 : (200 * Math.abs(actual[k] - forecast[k])) / denominator;
  }
  return total / actual.length;
}
