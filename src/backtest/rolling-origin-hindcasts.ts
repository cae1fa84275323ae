// Rolling-origin hindcasts inside a training series: refit at each origin, forecast what followed.
import type { AnnualMethod } from '../forecast/annual-method.js';

/** Options for {@link rollingOriginHindcasts}. */
export interface HindcastOptions {
  /** Largest horizon to score (years). */
  readonly horizon: number;
  /** Fewest observations a hindcast fit may use (default: max(method.minimumLength, 8)). */
  readonly minimumTrain?: number;
  /** Use only the latest this many origins (default 10): recent origins resemble the real one. */
  readonly maxOrigins?: number;
}

/** One hindcast point: fitted on the first `origin` values, forecasting `horizon` years ahead. */
export interface Hindcast {
  readonly origin: number;
  readonly horizon: number;
  readonly actual: number;
  readonly point: number;
}

/**
 * Rolling-origin evaluation inside `series`: for each origin o (the first o values are known),
 * fit the method and forecast y_{o+1..o+min(h, n−o)}; origins run over
 * [max(minimumTrain, n − maxOrigins), n − 1]. Nothing after the end of `series` is touched, so
 * when `series` is a training part the test part stays unseen.
 *
 * @param series yearly values, oldest first
 * @param method the forecasting method
 * @param options horizon, minimum training length, how many origins
 * @returns one record per (origin, horizon) pair; empty when the series is too short
 * @see Tashman (2000) Out-of-sample tests of forecasting accuracy: an analysis and review. IJF 16:437–450.
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.10 Time series cross-validation; https://otexts.com/fpp3/tscv.html
 * @example rollingOriginHindcasts([1, 2, 3, 4], naiveMethod, { horizon: 2, minimumTrain: 3 });
 * // => [{ origin: 3, horizon: 1, actual: 4, point: 3 }]
 */
export function rollingOriginHindcasts(
  series: readonly number[],
  method: AnnualMethod,
  options: HindcastOptions,
): Hindcast[] {
  const n = series.length;
  const minimumTrain = options.minimumTrain ?? Math.max(method.minimumLength, 8);
  const firstOrigin = Math.max(minimumTrain, n - (options.maxOrigins ?? 10));
  const hindcasts: Hindcast[] = [];
  for (let origin = firstOrigin; origin < n; origin += 1) {
    const steps = Math.min(options.horizon, n - origin);
    const forecast = method.forecast(series.slice(0, origin), steps);
    for (let k = 1; k <= steps; k += 1) {
      hindcasts.push({ origin, horizon: k, actual: series[origin + k - 1], point: forecast.point[k - 1] });
    }
  }
  return hindcasts;
}
