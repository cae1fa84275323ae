// The result of every annual forecast step: point forecasts plus a predictive quantile function.

/**
 * Forecast of a yearly series for horizons 1..h.
 *
 * `point[k − 1]` is the point forecast k years after the last observation; `quantile(p)` returns
 * the predictive p-quantile for every horizon (p in (0, 1)), so an interval at level L is
 * `[quantile((1 − L)/2), quantile((1 + L)/2)]`. Quantile functions keep combinations simple:
 * averaging quantiles ("Vincentization") combines distributions of any shape.
 *
 * @see Lichtendahl, Grushka-Cockayne & Winkler (2013) Is it better to average probabilities or quantiles? Management Science 59:1594–1611.
 */
export interface AnnualForecast {
  readonly point: readonly number[];
  readonly quantile: (probability: number) => number[];
}
