// Mean absolute error of a forecast.

/**
 * MAE = (1/h) Σ_k |y_k − f_k|.
 *
 * @param actual observed values y_1..y_h
 * @param forecast point forecasts f_1..f_h (same length, ≥ 1)
 * @returns the mean absolute error (units of the series)
 * @throws Error when the lengths differ or are zero
 * @see Hyndman & Koehler (2006) Another look at measures of forecast accuracy. IJF 22:679–688.
 * @example mae([10, 20], [12, 17]); // => 2.5
 */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  checkLengths('mae', actual, forecast);
  let total = 0;
  for (let k = 0; k < actual.length; k += 1) total += Math.abs(actual[k] - forecast[k]);
  return total / actual.length;
}

/** Shared precondition of the point-accuracy metrics. */
export function checkLengths(metric: string, actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length === 0 || actual.length !== forecast.length) {
    throw new Error(`${metric} actual and forecast must have the same non-zero length, got ${actual.length} and ${forecast.length}`);
  }
}
