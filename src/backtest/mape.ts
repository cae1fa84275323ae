// Mean absolute percentage error of a forecast.
import { checkLengths } from './mae.js';

/**
 * MAPE = (100/h) Σ_k |y_k − f_k| / |y_k|, in percent.
 *
 * @param actual observed values y_1..y_h (non-zero)
 * @param forecast point forecasts f_1..f_h
 * @returns the MAPE in percent (∞ when some y_k = 0)
 * @throws Error when the lengths differ or are zero
 * @see Hyndman & Koehler (2006) IJF 22:679–688.
 * @example mape([100, 200], [110, 180]); // => 10
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  checkLengths('mape', actual, forecast);
  let total = 0;
  for (let k = 0; k < actual.length; k += 1) total += Math.abs(actual[k] - forecast[k]) / Math.abs(actual[k]);
  return (100 * total) / actual.length;
}
