// Adapter: any engine growth law as an annual forecasting method on a plain yearly series (for M3 and backtests).
import type { Observation } from '../data/types.js';
import type { AnnualMethod } from '../forecast/annual-method.js';
import type { Calibration, Law } from '../laws/law.js';
import type { Distribution } from '../model/distribution.js';
import { lawForecastDraws } from './law-forecast-draws.js';
import type { SampledForecast } from './sampled-forecast.js';

/** Options for {@link lawForecaster}. */
export interface LawForecasterOptions {
  /** Monte Carlo draws per forecast (default 1000). */
  readonly draws?: number;
  /** Seed of the engine's streams (default 1). */
  readonly seed?: number;
  /** Calendar year of the first value (default 2000; only labels the observations). */
  readonly firstYear?: number;
  /** Parameters fixed for every series (e.g. a capacity), as a model file would give them. */
  readonly fixed?: Readonly<Record<string, Distribution>>;
  /** Method name (default `law:<law name>`). */
  readonly name?: string;
  /**
   * Floor the law's bands by the pooled short-series errors as the engine does (default false: a
   * yardstick's `law:<name>` row is the law's own bands, and the floor is measured from them).
   */
  readonly pooledBandFloor?: boolean;
}

/** A law run as an AnnualMethod: its forecasts carry the draws and the calibration used. */
export interface LawMethod extends AnnualMethod {
  readonly law: Law;
  readonly forecast: (series: readonly number[], horizon: number) => SampledForecast & { readonly calibration: Calibration };
}

/**
 * Wraps an engine law as an annual method. For a series y_1..y_n:
 * 1. observations: FY, exact, reported, observed levels y_t in years firstYear … firstYear + n − 1;
 * 2. calibration = law.calibrate({ variable: 'series', observations, fixed, pooledBandFloor }) (false by default:
 *    the law's own bands);
 * 3. draws as the engine makes them (lawForecastDraws), h years past the last value;
 * 4. point = median of the draws per horizon; quantile(p) = empirical quantile.
 * Calibration problems (ModelError: e.g. a capacity law on a series that does not slow down) are
 * thrown to the caller.
 *
 * @param law the engine law (laws.compound, …)
 * @param options draws, seed, first year, fixed parameters, name
 * @returns an AnnualMethod named `law:<name>` (minimumLength 3)
 * @see src/laws/README.md (the laws); src/simulate/simulate.ts (sampling).
 * @example lawForecaster(laws.compound, { draws: 500 }).forecast([100, 110, 121, 133.1], 1).point; // ≈ [146.4]
 */
export function lawForecaster(law: Law, options: LawForecasterOptions = {}): LawMethod {
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const firstYear = options.firstYear ?? 2000;
  const fixed = options.fixed ?? {};
  const pooledBandFloor = options.pooledBandFloor ?? false;
  return {
    name: options.name ?? `law:${law.name}`,
    description: law.summary,
    minimumLength: 3,
    law,
    forecast(series, horizon) {
      const observations = series.map((value, index) => yearlyObservation(firstYear + index, value, index));
      const calibration = law.calibrate({ variable: 'series', observations, growthEvidence: [], fixed, pooledBandFloor });
      const forecast = lawForecastDraws(law, calibration, { horizon, draws, seed, variable: 'series', fixed });
      return { ...forecast, calibration };
    },
  };
}

/** One full-year exact level, as data/observations.csv would hold it. */
function yearlyObservation(year: number, value: number, index: number): Observation {
  return {
    series: 'series',
    region: '',
    unit: '',
    period: 'FY',
    year,
    value,
    qualifier: 'exact',
    status: 'reported',
    kind: 'observed',
    confidence: 'high',
    source: 'law-forecaster',
    published: `${year + 1}-01-01`,
    quote: '',
    file: 'series',
    line: index + 1,
  };
}
