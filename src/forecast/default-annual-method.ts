// The engine's default annual method for one series: the protocol's choice on the M3 and tourism training parts.
import type { AnnualForecast } from './annual-forecast.js';
import type { AnnualMethod } from './annual-method.js';
import { defaultAnnualCalibration as stored } from './default-annual-calibration.js';
import { forecastDefaultMembers, mixDefaultMembers, BASE_MEMBER_NAMES } from './default-members.js';
import { probabilityNodes, tableQuantileAt } from './error-quantile-table.js';
import { lengthClass } from './length-class.js';
import { shrunkErrorScale } from './shrunk-error-scale.js';
import { inverseNormalCdf } from '../simulate/distributions/inverse-normal-cdf.js';

/** Point forecasts at or below zero are floored here before the log-scale band is put around them. */
const POINT_FLOOR = 1e-9;
const nodes = probabilityNodes(stored.probabilities);

/**
 * Forecast of one series by the stored default (src/forecast/default-annual-calibration.ts, generated
 * by the selection protocol of docs/backtest.md §0 on the M3 and tourism training parts):
 * ŷ_k = w·drift_k + (1 − w)·median(DOTM, Theta on ln y, drift on ln y)_k (mixDefaultMembers), and
 * quantile(p)_k = max(ŷ_k, 1e-9)·exp(s̃·q_{c,k}(p)), s̃ = shrunkErrorScale(series, S, k), q_{c,k} the
 * stored conformal quantiles of the series' length class c at horizon k (beyond the table's last
 * horizon H, q_H·√(k/H)), read between grid points by tableQuantileAt.
 *
 * @param series yearly values, oldest first (length ≥ 1)
 * @param horizon years ahead h (≥ 1)
 * @returns the forecast
 * @see docs/backtest.md §0; Lei et al. (2018) JASA 113:1094–1111 (split conformal); Fiorucci et al. (2016) IJF 32:1151–1161.
 * @example defaultAnnualForecast([100, 110, 121, 133.1, 146.41], 1).point[0] > 146.41; // => true
 */
export function defaultAnnualForecast(series: readonly number[], horizon: number): AnnualForecast {
  const point = mixDefaultMembers(forecastDefaultMembers(series, horizon), stored.trendWeight).point;
  const scale = shrunkErrorScale(series, stored.pooledScale, stored.scalePriorChanges);
  const table = { probabilities: stored.probabilities, byHorizon: stored.byLengthClass[lengthClass(series.length)] };
  return {
    point: [...point],
    quantile: (probability) => {
      const z = inverseNormalCdf(probability);
      return point.map((value, k) => Math.max(value, POINT_FLOOR) * Math.exp(scale * tableQuantileAt(table, nodes, k + 1, z)));
    },
  };
}

/**
 * The method the engine uses when a model does not name one: the stored default as an AnnualMethod.
 *
 * @example defaultAnnualMethod.name; // => 'default'
 */
export const defaultAnnualMethod: AnnualMethod = {
  name: 'default',
  description: `${stored.trendWeight}·drift + ${Number((1 - stored.trendWeight).toFixed(10))}·median(${BASE_MEMBER_NAMES.join(', ')}), w and intervals from the M3 and tourism training parts`,
  minimumLength: 1,
  forecast: defaultAnnualForecast,
};
