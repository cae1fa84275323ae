// Rolling-origin hindcasts of the default's two parts (drift D and the median B) inside training parts, once per window.
import { forecastDefaultMembers } from '../forecast/default-members.js';

/** One hindcast point of D and B: fitted on the first `windowLength` values of series `series`. */
export interface MemberHindcast {
  /** Index of the series in the training parts given. */
  readonly series: number;
  readonly windowLength: number;
  readonly horizon: number;
  readonly actual: number;
  /** D's point (NaN below three values), B's point (NaN without a member) and the last value. */
  readonly drift: number;
  readonly base: number;
  readonly naive: number;
}

/** Where the protocol puts its origins (docs/backtest.md §0 step 2). */
export interface HindcastOrigins {
  /** Latest origins per series (default 10). */
  readonly maxOrigins?: number;
  /** Smallest window (default 4). */
  readonly firstOrigin?: number;
}

/**
 * For each training part y_1..y_n and origin o = max(4, n − 10) … n − 1: D and B fitted on y_1..y_o
 * (forecastDefaultMembers), forecasting y_{o+1}..y_{min(o+H, n)}. Nothing after y_n is read. Every
 * drift weight w reuses these points: F_w = w·D + (1 − w)·B (mixedHindcastPoint).
 *
 * @param trainingParts one training part per series
 * @param horizon H (≥ 1)
 * @param origins the origin settings
 * @returns the hindcast points and, per member left out, the windows it was left out of
 * @see Tashman (2000) Out-of-sample tests of forecasting accuracy: an analysis and review. IJF 16:437–450.
 * @example defaultMemberHindcasts([[1, 2, 3, 4, 5]], 1).records.length; // => 1 (origin 4 → y_5)
 */
export function defaultMemberHindcasts(
  trainingParts: readonly (readonly number[])[],
  horizon: number,
  origins: HindcastOrigins = {},
): { readonly records: readonly MemberHindcast[]; readonly leftOut: ReadonlyMap<string, number> } {
  const maxOrigins = origins.maxOrigins ?? 10;
  const firstOrigin = origins.firstOrigin ?? 4;
  const records: MemberHindcast[] = [];
  const leftOut = new Map<string, number>();
  trainingParts.forEach((series, index) => {
    const n = series.length;
    for (let origin = Math.max(firstOrigin, n - maxOrigins); origin < n; origin += 1) {
      const steps = Math.min(horizon, n - origin);
      const members = forecastDefaultMembers(series.slice(0, origin), steps);
      for (const reason of members.leftOut) leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
      for (let k = 1; k <= steps; k += 1) {
        records.push({
          series: index,
          windowLength: origin,
          horizon: k,
          actual: series[origin + k - 1],
          drift: members.drift?.point[k - 1] ?? Number.NaN,
          base: members.base?.point[k - 1] ?? Number.NaN,
          naive: members.naive.point[k - 1],
        });
      }
    }
  });
  return { records, leftOut };
}

/**
 * F_w's hindcast point: w·D + (1 − w)·B; D alone without B; the last value without D (as mixDefaultMembers).
 *
 * @param record one hindcast
 * @param weight w in [0, 1]
 * @returns the point
 * @example mixedHindcastPoint({ drift: 10, base: 20, naive: 5 } as MemberHindcast, 0.25); // => 17.5
 */
export function mixedHindcastPoint(record: MemberHindcast, weight: number): number {
  if (Number.isNaN(record.drift)) return record.naive;
  if (Number.isNaN(record.base)) return record.drift;
  return weight * record.drift + (1 - weight) * record.base;
}
