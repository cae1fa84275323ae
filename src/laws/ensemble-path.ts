// Fits the ensemble law's central path: the default annual method's members, each as a line in h, and its drift weight.
import { annualMethods } from '../forecast/annual-methods.js';
import { defaultAnnualCalibration } from '../forecast/default-annual-calibration.js';

/**
 * The central path of the ensemble law relative to the last level y_n, as plain coefficients.
 * Every member forecasts along a line in the horizon h (DOTM and drift in levels, Theta and drift on ln y):
 *   drift:     ŷ_h / y_n = 1 + driftSlope·h
 *   dotm:      ŷ_h / y_n = dotmIntercept + dotmSlope·h
 *   log_theta: ln(ŷ_h / y_n) = logThetaIntercept + logThetaSlope·h
 *   log_drift: ln(ŷ_h / y_n) = logDriftSlope·h
 * and the path is w·drift + (1 − w)·median(dotm, log_theta, log_drift), w = trendWeight.
 */
export interface EnsemblePath {
  readonly trendWeight: number;
  readonly driftSlope: number;
  readonly dotmIntercept: number;
  readonly dotmSlope: number;
  readonly logThetaIntercept: number;
  readonly logThetaSlope: number;
  readonly logDriftSlope: number;
}

const member = (name: string) => annualMethods.find((method) => method.name === name)!;
const drift = member('drift');
const dotm = member('dotm');
const logTheta = member('log_theta');
const logDrift = member('log_drift');

/**
 * Fits the default annual method's members (drift; DOTM, Theta on ln y, drift on ln y) and reads each
 * one's line from its forecasts at h = 1, 2: slope = f_2 − f_1, intercept = f_1 − slope (on ln(f/y_n)
 * for the log members, on f/y_n for DOTM and drift). The forecasts of all four are exactly linear in h
 * (DOTM: Fiorucci et al. 2016 eq. 12; Theta: Hyndman & Billah 2003; drift: fpp3 §5.2), so the line
 * reproduces them at every horizon. w is the engine's stored default (default-annual-calibration.ts).
 *
 * @param series positive yearly levels, oldest first (length ≥ 4)
 * @param trendWeight w (default: the stored default's)
 * @returns the path coefficients relative to the last level
 * @throws Error when a value is not positive or the series is shorter than 4
 * @see Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016) IJF 32:1151–1161; Hyndman & Billah (2003) IJF 19:287–290; docs/backtest.md §0 (w).
 * @example fitEnsemblePath([100, 110, 121, 133.1, 146.41, 161.051]).logDriftSlope; // => Math.log(1.1) (≈ 0.0953)
 */
export function fitEnsemblePath(series: readonly number[], trendWeight = defaultAnnualCalibration.trendWeight): EnsemblePath {
  if (series.length < 4) throw new Error(`fitEnsemblePath series must have at least 4 values, got ${series.length}`);
  const last = series[series.length - 1];
  const [d1, d2] = dotm.forecast(series, 2).point;
  const [t1, t2] = logTheta.forecast(series, 2).point.map((value) => Math.log(value / last));
  const [r1] = logDrift.forecast(series, 1).point.map((value) => Math.log(value / last));
  const [l1] = drift.forecast(series, 1).point;
  const dotmSlope = (d2 - d1) / last;
  return {
    trendWeight,
    driftSlope: l1 / last - 1,
    dotmIntercept: d1 / last - dotmSlope,
    dotmSlope,
    logThetaIntercept: t1 - (t2 - t1),
    logThetaSlope: t2 - t1,
    logDriftSlope: r1,
  };
}
