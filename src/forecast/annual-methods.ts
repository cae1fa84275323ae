// The registry of annual forecasting methods the engine offers, benchmarked by bench/accuracy.ts.
import type { AnnualForecast } from './annual-forecast.js';
import type { AnnualMethod } from './annual-method.js';
import { combineForecasts, type Combination } from './combine-forecasts.js';
import { fitDampedTrend, forecastDampedTrend } from './damped-trend.js';
import { fitDrift, forecastDrift } from './drift.js';
import { fitHolt, forecastHolt } from './holt.js';
import { fitLogDampedTrend, forecastLogDampedTrend } from './log-damped-trend.js';
import { fitNaive, forecastNaive } from './naive.js';
import { onLogScale } from './on-log-scale.js';
import { fitOptimisedTheta, forecastOptimisedTheta } from './optimised-theta.js';
import { fitSes, forecastSes } from './ses.js';
import { fitTheta, forecastTheta } from './theta.js';

type Forecaster = (series: readonly number[], horizon: number) => AnnualForecast;

const single = (name: string, description: string, minimumLength: number, forecast: Forecaster): AnnualMethod => ({
  name,
  description,
  minimumLength,
  forecast,
});

const naive = single('naive', 'random walk: last value', 2, (s, h) => forecastNaive(fitNaive(s), h));
const drift = single('drift', 'random walk with drift', 3, (s, h) => forecastDrift(fitDrift(s), h));
const ses = single('ses', 'simple exponential smoothing, ETS(A,N,N)', 3, (s, h) => forecastSes(fitSes(s), h));
const holt = single('holt', "Holt's linear trend, ETS(A,A,N)", 5, (s, h) => forecastHolt(fitHolt(s), h));
const damped = single('damped', 'additive damped trend, ETS(A,Ad,N)', 5, (s, h) =>
  forecastDampedTrend(fitDampedTrend(s), h),
);
const logDamped = single('log_damped', 'damped trend on ln y', 5, (s, h) =>
  forecastLogDampedTrend(fitLogDampedTrend(s), h),
);
const theta = single('theta', 'Theta method (SES with drift b/2), as R thetaf', 3, (s, h) =>
  forecastTheta(fitTheta(s), h),
);
const dotm = single('dotm', 'dynamic optimised Theta (Fiorucci et al. 2016)', 4, (s, h) =>
  forecastOptimisedTheta(fitOptimisedTheta(s), h),
);
const logTheta = onLogScale(theta);
const logDrift = onLogScale(drift);
const logDotm = onLogScale(dotm);

const combination = (name: string, members: readonly AnnualMethod[], how: Combination): AnnualMethod => ({
  name,
  description: `${how} of ${members.map((member) => member.name).join(', ')}`,
  minimumLength: Math.max(...members.map((member) => member.minimumLength)),
  forecast: (s, h) => combineForecasts(members.map((member) => member.forecast(s, h)), how),
});

/**
 * Every annual method, single and combined, in benchmark order.
 *
 * @example annualMethods.map((method) => method.name).slice(0, 3); // => ['naive', 'drift', 'ses']
 */
export const annualMethods: readonly AnnualMethod[] = [
  naive,
  drift,
  ses,
  holt,
  damped,
  logDamped,
  theta,
  dotm,
  logTheta,
  logDrift,
  logDotm,
  combination('comb_shd', [ses, holt, damped], 'mean'),
  combination('mean_dotm_ltheta', [dotm, logTheta], 'mean'),
  combination('median_dotm_ltheta_ldrift', [dotm, logTheta, logDrift], 'median'),
];
