// The two parts the default annual method mixes: drift, and the median of DOTM, log Theta and log drift.
import type { AnnualForecast } from './annual-forecast.js';
import { annualMethods } from './annual-methods.js';
import { combineForecasts } from './combine-forecasts.js';
import { fitDrift, forecastDrift } from './drift.js';
import { fitNaive, forecastNaive } from './naive.js';

/** The members of B, in this order (names in annualMethods). */
export const BASE_MEMBER_NAMES = ['dotm', 'log_theta', 'log_drift'] as const;

const baseMembers = BASE_MEMBER_NAMES.map((name) => annualMethods.find((method) => method.name === name)!);

/** Fewest values drift needs (its residual sd has n − 2 degrees of freedom). */
const DRIFT_MINIMUM = 3;

/** D and B for one window, and which members could not take part and why. */
export interface DefaultMembers {
  /** D: random walk with drift in levels; undefined below three values. */
  readonly drift: AnnualForecast | undefined;
  /** B: the median of the members of BASE_MEMBER_NAMES that could fit; undefined when none could. */
  readonly base: AnnualForecast | undefined;
  /** The fallback below three values: the last value (naive; zero spread with one value). */
  readonly naive: AnnualForecast;
  /** One entry per member left out: `<name>: <reason>`. */
  readonly leftOut: readonly string[];
}

/**
 * Fits D (drift, R `rwf(x, drift = TRUE)`) and B = median(DOTM, Theta on ln y, drift on ln y) on one
 * series. A member that cannot fit is left out with its reason: DOTM needs 4 values, the log members
 * positive values; B is then the median (mean, for two) of the others.
 *
 * @param series yearly values, oldest first (length ≥ 1)
 * @param horizon years ahead h (≥ 1)
 * @returns D, B and the reasons for any member left out
 * @see Fiorucci et al. (2016) IJF 32:1151–1161 (DOTM); Hyndman & Billah (2003) IJF 19:287–290 (Theta); Petropoulos & Svetunkov (2020) IJF 36:110–115 (median combinations).
 * @example forecastDefaultMembers([1, 2, 3], 1).leftOut; // => ['dotm: needs at least 4 values, got 3']
 */
export function forecastDefaultMembers(series: readonly number[], horizon: number): DefaultMembers {
  const n = series.length;
  if (n < 1) throw new Error('forecastDefaultMembers series must not be empty, got []');
  const leftOut: string[] = [];
  const fitted: AnnualForecast[] = [];
  const positive = series.every((value) => value > 0);
  for (const member of baseMembers) {
    if (n < member.minimumLength) leftOut.push(`${member.name}: needs at least ${member.minimumLength} values, got ${n}`);
    else if (member.name.startsWith('log_') && !positive) leftOut.push(`${member.name}: needs positive values`);
    else fitted.push(member.forecast(series, horizon));
  }
  if (n < DRIFT_MINIMUM) leftOut.push(`drift: needs at least ${DRIFT_MINIMUM} values, got ${n}`);
  return {
    drift: n >= DRIFT_MINIMUM ? forecastDrift(fitDrift(series), horizon) : undefined,
    base: fitted.length > 0 ? combineForecasts(fitted, 'median') : undefined,
    naive: n >= 2 ? forecastNaive(fitNaive(series), horizon) : forecastNaive({ last: series[0], sigma: 0 }, horizon),
    leftOut,
  };
}

/**
 * F_w = w·D + (1 − w)·B, pointwise and per quantile (quantile averaging). Without B it is D; without
 * D (fewer than three values) it is the last value (naive; its random-walk spread from the one change
 * of a two-value series, none for one value).
 *
 * @param members from forecastDefaultMembers
 * @param weight w in [0, 1]: the weight of drift
 * @returns the mixed forecast
 * @see Lichtendahl, Grushka-Cockayne & Winkler (2013) Management Science 59:1594–1611 (quantile averaging); Bates & Granger (1969) The combination of forecasts. Operational Research Quarterly 20:451–468.
 * @example mixDefaultMembers(forecastDefaultMembers([10, 20, 30, 40], 1), 1).point; // => [50]
 */
export function mixDefaultMembers(members: DefaultMembers, weight: number): AnnualForecast {
  if (!(weight >= 0 && weight <= 1)) throw new Error(`mixDefaultMembers weight must be in [0, 1], got ${weight}`);
  const { drift, base } = members;
  if (drift === undefined) return members.naive;
  if (base === undefined || weight === 1) return drift;
  if (weight === 0) return base;
  const mix = (d: readonly number[], b: readonly number[]): number[] => d.map((value, k) => weight * value + (1 - weight) * b[k]);
  return {
    point: mix(drift.point, base.point),
    quantile: (probability) => mix(drift.quantile(probability), base.quantile(probability)),
  };
}
