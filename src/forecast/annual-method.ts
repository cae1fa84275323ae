// The common shape of an annual forecasting method: series in, forecast out.
import type { AnnualForecast } from './annual-forecast.js';

/**
 * A named forecasting method for positive yearly series: `forecast(series, h)` fits the method
 * (plain parameters) and runs its forecast step for horizons 1..h.
 *
 * @example
 * const naive: AnnualMethod = { name: 'naive', description: 'last value', minimumLength: 2,
 *   forecast: (series, h) => forecastNaive(fitNaive(series), h) };
 */
export interface AnnualMethod {
  /** snake_case identifier used in CSV output (`theta`, `damped`, …). */
  readonly name: string;
  readonly description: string;
  /** Fewest observations the method accepts. */
  readonly minimumLength: number;
  readonly forecast: (series: readonly number[], horizon: number) => AnnualForecast;
}
