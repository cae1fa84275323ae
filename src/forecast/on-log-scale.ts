// Runs any annual method on ln y and maps its forecast back: growth-rate versions of level methods.
import type { AnnualMethod } from './annual-method.js';

/**
 * Log-scale version of a method: fit and forecast z_t = ln y_t, then ŷ_k = exp(ẑ_k) and
 * quantile(p)_k = exp(quantile_z(p)_k) (quantiles survive monotone transforms; the point forecast
 * becomes a median, without bias adjustment).
 *
 * @param method the method to wrap
 * @param name name of the wrapped method (default `log_<method.name>`)
 * @returns a method for positive series
 * @throws Error (from the returned method) when a value is not positive
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.6 Forecasting using transformations; https://otexts.com/fpp3/ftransformations.html
 * @example onLogScale(driftMethod).forecast([1, 2, 4], 1).point; // => [8] (to rounding)
 */
export function onLogScale(method: AnnualMethod, name = `log_${method.name}`): AnnualMethod {
  return {
    name,
    description: `${method.description}, on ln y`,
    minimumLength: method.minimumLength,
    forecast: (series, horizon) => {
      const logs = series.map((value, index) => {
        if (!(value > 0)) throw new Error(`${name} series[${index}] must be positive, got ${value}`);
        return Math.log(value);
      });
      const forecast = method.forecast(logs, horizon);
      return {
        point: forecast.point.map(Math.exp),
        quantile: (probability) => forecast.quantile(probability).map(Math.exp),
      };
    },
  };
}
