// The ensemble law's central path at horizon h: drift mixed with the median of three member lines.
import type { EnsemblePath } from './ensemble-path.js';

/** Ratios at or below zero (a DOTM or drift line crossing zero) are floored here: levels stay positive. */
export const ENSEMBLE_RATIO_FLOOR = 1e-9;

/**
 * ŷ_h / y_n = max(w·(1 + b·h) + (1 − w)·median(a_d + b_d·h, exp(a_t + b_t·h), exp(b_r·h)), 1e-9): the
 * point forecast of the default annual method (w·drift + (1 − w)·median of DOTM, Theta on ln y and
 * drift on ln y) h years after y_n.
 *
 * @param path the fitted coefficients (fitEnsemblePath)
 * @param horizon years after the last level, h ≥ 0 (need not be an integer)
 * @returns the ratio of the point forecast to the last level
 * @see Fiorucci et al. (2016) IJF 32:1151–1161; Petropoulos & Svetunkov (2020) A simple combination of univariate models. IJF 36:110–115 (median combinations); docs/backtest.md §0 (w).
 * @example ensemblePointRatio({ trendWeight: 0, driftSlope: 0, dotmIntercept: 1, dotmSlope: 0.1, logThetaIntercept: 0, logThetaSlope: 0, logDriftSlope: 0 }, 2); // => 1
 */
export function ensemblePointRatio(path: EnsemblePath, horizon: number): number {
  const a = path.dotmIntercept + path.dotmSlope * horizon;
  const b = Math.exp(path.logThetaIntercept + path.logThetaSlope * horizon);
  const c = Math.exp(path.logDriftSlope * horizon);
  const median = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  const w = path.trendWeight;
  return Math.max(w * (1 + path.driftSlope * horizon) + (1 - w) * median, ENSEMBLE_RATIO_FLOOR);
}
