// The selection protocol of docs/backtest.md §0: the default annual method of a collection, chosen from its training parts only.
//
//   training parts ──► S = median error scale
//                  ──► rolling-origin hindcasts of D (drift) and B (median of DOTM, log Theta, log drift)
//                  ──► w = argmin over {0, 0.1, …, 1} of the horizon-balanced hindcast sMAPE of w·D + (1 − w)·B
//                  ──► conformal score pools of F_w by horizon and length class (shrunk scales s̃)
//                  ──► the default method: F_w with those intervals
import type { AnnualMethod } from '../forecast/annual-method.js';
import { BASE_MEMBER_NAMES, forecastDefaultMembers, mixDefaultMembers } from '../forecast/default-members.js';
import { logChangeMoments, MINIMUM_ERROR_SCALE } from '../forecast/log-change-scale.js';
import { ERROR_SCALE_PRIOR_CHANGES, shrunkErrorScale } from '../forecast/shrunk-error-scale.js';
import { defaultMemberHindcasts, mixedHindcastPoint, type HindcastOrigins, type MemberHindcast } from './default-member-hindcasts.js';
import { calibrateByLengthClass, lengthClassForecast, MINIMUM_POOL, type LengthClassCalibration, type LengthClassSample } from './length-class-calibration.js';
import { smape } from './smape.js';

/** The candidate drift weights w: 0, 0.1, …, 1. */
export const TREND_WEIGHTS: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

/** Settings of the protocol; the defaults are the rule of docs/backtest.md §0. */
export interface DefaultProtocolOptions extends HindcastOrigins {
  /** Largest horizon H to choose and calibrate for (≥ 1). */
  readonly horizon: number;
  readonly weights?: readonly number[];
  /** k of the shrunk error scale (default 3). */
  readonly scalePriorChanges?: number;
  /** Fewest own scores a length class needs at a horizon (default 50). */
  readonly minimumPool?: number;
}

/** What the protocol chose, and the pseudo-test numbers it chose from. */
export interface DefaultSelection {
  /** The chosen drift weight w. */
  readonly trendWeight: number;
  readonly weights: readonly number[];
  /** Mean hindcast sMAPE `hindcastSmape[j][k − 1]` of weight j at horizon k (NaN without hindcasts). */
  readonly hindcastSmape: readonly (readonly number[])[];
  /** The criterion: mean over horizons with hindcasts of hindcastSmape[j]. */
  readonly hindcastScore: readonly number[];
  /** Hindcasts per horizon. */
  readonly hindcastCounts: readonly number[];
  /** S: the median error scale of the collection's training parts. */
  readonly pooledScale: number;
  readonly scalePriorChanges: number;
  /** Score pools of F_w by length class and horizon; undefined when no series was long enough for a hindcast. */
  readonly calibration: LengthClassCalibration | undefined;
  /** `<member>: <reason>` → number of hindcast windows it was left out of. */
  readonly leftOut: ReadonlyMap<string, number>;
  /** F_w with these intervals (without a calibration: the members' own intervals). */
  readonly method: AnnualMethod;
}

/**
 * Runs the selection protocol on the training parts of one collection (docs/backtest.md §0):
 * 1. S = median over series of √(sd² + mean²) of their yearly log changes;
 * 2. hindcasts inside each training part from origins o = max(4, n − 10) … n − 1, h ≤ H, of
 *    D = drift and B = median(DOTM, Theta on ln y, drift on ln y) (forecastDefaultMembers);
 * 3. w = the weight with the smallest horizon-balanced hindcast sMAPE of F_w = w·D + (1 − w)·B
 *    (mean over k of the mean sMAPE at k; ties to the smaller w);
 * 4. split-conformal pools of |ln(y/F_w)|/s̃ by horizon and window length class (calibrateByLengthClass),
 *    s̃ = shrunkErrorScale(window, S, 3).
 * No value after the end of a training part is read.
 *
 * @param trainingParts one training part per series (values oldest first; any length ≥ 1)
 * @param options horizon H and the protocol's settings
 * @returns the chosen method and the numbers it was chosen from
 * @throws Error when there are no series or H < 1
 * @see Tashman (2000) IJF 16:437–450 (rolling-origin evaluation); Kourentzes, Barrow & Petropoulos (2019) Another look at forecast selection and combination: evidence from forecast pooling. IJPE 209:226–235; Lei et al. (2018) JASA 113:1094–1111.
 * @example selectDefaultAnnualMethod(m3.map((s) => s.train), { horizon: 6 }).trendWeight; // => a weight in [0, 1]
 */
export function selectDefaultAnnualMethod(trainingParts: readonly (readonly number[])[], options: DefaultProtocolOptions): DefaultSelection {
  const horizon = options.horizon;
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new Error(`selectDefaultAnnualMethod horizon must be a positive integer, got ${horizon}`);
  if (trainingParts.length === 0) throw new Error('selectDefaultAnnualMethod trainingParts must not be empty, got []');
  const weights = options.weights ?? TREND_WEIGHTS;
  const prior = options.scalePriorChanges ?? ERROR_SCALE_PRIOR_CHANGES;
  const pooledScale = medianScale(trainingParts);

  // 2. Hindcasts: the members' points once per window; every weight reuses them.
  const { records: windows, leftOut } = defaultMemberHindcasts(trainingParts, horizon, options);
  // 3. The criterion per weight.
  const hindcastCounts = new Array<number>(horizon).fill(0);
  for (const w of windows) hindcastCounts[w.horizon - 1] += 1;
  const hindcastSmape = weights.map((weight) => {
    const totals = new Array<number>(horizon).fill(0);
    for (const w of windows) totals[w.horizon - 1] += smape([w.actual], [mixedHindcastPoint(w, weight)]);
    return totals.map((total, k) => (hindcastCounts[k] > 0 ? total / hindcastCounts[k] : Number.NaN));
  });
  const hindcastScore = hindcastSmape.map((row) => {
    const present = row.filter((value) => !Number.isNaN(value));
    return present.length > 0 ? present.reduce((sum, value) => sum + value, 0) / present.length : Number.NaN;
  });
  let chosen = 0;
  for (let j = 1; j < weights.length; j += 1) if (hindcastScore[j] < hindcastScore[chosen]) chosen = j;
  const trendWeight = weights[chosen];

  // 4. Score pools of F_w.
  const scales = new Map<string, number>();
  const scaleOf = (w: MemberHindcast): number => {
    const key = `${w.series}:${w.windowLength}`;
    if (!scales.has(key)) scales.set(key, shrunkErrorScale(trainingParts[w.series].slice(0, w.windowLength), pooledScale, prior));
    return scales.get(key)!;
  };
  const samples: LengthClassSample[] = windows.map((w) => ({ horizon: w.horizon, windowLength: w.windowLength, actual: w.actual, point: mixedHindcastPoint(w, trendWeight), scale: scaleOf(w) }));
  const calibration = hindcastCounts[0] > 0 ? calibrateByLengthClass(samples, horizon, options.minimumPool ?? MINIMUM_POOL) : undefined;
  const description = `${trendWeight}·drift + ${Number((1 - trendWeight).toFixed(10))}·median(${BASE_MEMBER_NAMES.join(', ')}), w chosen on hindcasts inside the training parts`;
  const method: AnnualMethod = {
    name: 'default',
    description,
    minimumLength: 1,
    forecast: (series, h) => {
      const members = forecastDefaultMembers(series, h);
      const mixed = mixDefaultMembers(members, trendWeight);
      if (calibration === undefined || h > horizon) return mixed;
      return lengthClassForecast(mixed.point, shrunkErrorScale(series, pooledScale, prior), calibration, series.length);
    },
  };
  return { trendWeight, weights, hindcastSmape, hindcastScore, hindcastCounts, pooledScale, scalePriorChanges: prior, calibration, leftOut, method };
}

/** S: the median over series of √(sd² + mean²) of their log changes (series without one skipped); 0.001 floor. */
function medianScale(trainingParts: readonly (readonly number[])[]): number {
  const scales = trainingParts
    .map((series) => logChangeMoments(series))
    .filter((moments) => moments !== undefined)
    .map((moments) => Math.sqrt(moments.squaredScale))
    .sort((a, b) => a - b);
  if (scales.length === 0) return MINIMUM_ERROR_SCALE;
  const middle = scales.length >> 1;
  return Math.max(scales.length % 2 === 1 ? scales[middle] : (scales[middle - 1] + scales[middle]) / 2, MINIMUM_ERROR_SCALE);
}
