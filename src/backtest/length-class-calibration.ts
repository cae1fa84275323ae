// Conformal score pools by horizon and training-length class, learnt from hindcasts inside training parts.
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import { ERROR_TABLE_PROBABILITIES, type ErrorQuantileTable } from '../forecast/error-quantile-table.js';
import { LENGTH_CLASSES, lengthClass, type LengthClass } from '../forecast/length-class.js';
import { borrowShorterHorizons, calibratedQuantile, conformalScore, POINT_FLOOR } from './calibrate-intervals.js';

/** One hindcast: the window it was made from, its horizon, the outcome, the forecast and the window's error scale. */
export interface LengthClassSample {
  readonly horizon: number;
  /** Values in the window the hindcast was fitted on. */
  readonly windowLength: number;
  readonly actual: number;
  readonly point: number;
  /** Error scale s̃ of the window (> 0). */
  readonly scale: number;
}

/** Sorted absolute scores per class and horizon, after borrowing for thin pools. */
export interface LengthClassCalibration {
  /** `sortedScores[class][k − 1]`: ascending r = |ln(y/ŷ)|/s̃ used for that class at horizon k. */
  readonly sortedScores: Readonly<Record<LengthClass, readonly (readonly number[])[]>>;
  /** Hindcasts of the class's own at each horizon (before borrowing). */
  readonly ownCounts: Readonly<Record<LengthClass, readonly number[]>>;
  /** Whether the class used all classes' scores at k (fewer than `minimumPool` of its own). */
  readonly borrowed: Readonly<Record<LengthClass, readonly boolean[]>>;
}

/** A pool with fewer scores than this is replaced by the scores of all classes at that horizon. */
export const MINIMUM_POOL = 50;

/**
 * Pools hindcast errors into split-conformal score distributions by horizon k and by the length
 * class of the window (lengthClass): r = |ln(y / max(ŷ, 1e-9))| / s̃, +∞ when y ≤ 0 (never covered).
 * A class with fewer than `minimumPool` scores at k uses all classes' scores at k; a horizon with no
 * score at all borrows the nearest shorter one, widened by √(k/k') (random-walk growth of spread).
 * The level-L interval of a series with n values is ŷ_k·exp(±s̃·Q(L)), Q the type-7 quantile of the
 * pool of lengthClass(n) at k (lengthClassForecast).
 *
 * Why by length class: a forecast from a short window is less accurate than one from a long window,
 * and a short window's own error scale is noisier; pooling all windows (as before) gave series with
 * fewer than 14 values bands that covered far less than nominal. Pooling by class keeps the
 * calibration exchangeable with the forecasts it serves while borrowing strength across series.
 *
 * @param samples hindcasts from training parts only
 * @param horizon largest horizon H (≥ 1)
 * @param minimumPool fewest own scores a class needs at a horizon (default 50)
 * @returns the pools
 * @throws Error when there are no horizon-1 samples at all
 * @see Lei, G'Sell, Rinaldo, Tibshirani & Wasserman (2018) Distribution-free predictive inference for regression. JASA 113:1094–1111 (split conformal, locally weighted scores §5.2); Vovk, Gammerman & Shafer (2005) Algorithmic Learning in a Random World, ch. 4 (Mondrian, i.e. class-conditional, conformal prediction).
 * @example calibrateByLengthClass([{ horizon: 1, windowLength: 5, actual: Math.E, point: 1, scale: 1 }], 1, 1).sortedScores['<10']; // => [[1]]
 */
export function calibrateByLengthClass(samples: readonly LengthClassSample[], horizon: number, minimumPool = MINIMUM_POOL): LengthClassCalibration {
  const empty = () => Array.from({ length: horizon }, () => [] as number[]);
  const own = Object.fromEntries(LENGTH_CLASSES.map((c) => [c, empty()])) as Record<LengthClass, number[][]>;
  const all = empty();
  for (const sample of samples) {
    if (sample.horizon < 1 || sample.horizon > horizon) continue;
    const score = conformalScore(sample.actual, sample.point, sample.scale);
    own[lengthClass(sample.windowLength)][sample.horizon - 1].push(score);
    all[sample.horizon - 1].push(score);
  }
  if (all[0].length === 0) throw new Error('calibrateByLengthClass samples must include horizon 1, got none');
  borrowShorterHorizons(all);
  const sortAscending = (values: number[]) => values.sort((a, b) => a - b);
  all.forEach(sortAscending);
  const sortedScores = {} as Record<LengthClass, number[][]>;
  const borrowed = {} as Record<LengthClass, boolean[]>;
  const ownCounts = {} as Record<LengthClass, number[]>;
  for (const c of LENGTH_CLASSES) {
    ownCounts[c] = own[c].map((scores) => scores.length);
    borrowed[c] = own[c].map((scores) => scores.length < minimumPool);
    sortedScores[c] = own[c].map((scores, k) => (scores.length < minimumPool ? all[k] : sortAscending(scores)));
  }
  return { sortedScores, ownCounts, borrowed };
}

/**
 * Calibrated forecast of a series with `length` values: the points are kept, quantile(p)_k =
 * max(ŷ_k, 1e-9)·exp(s̃·q_k(p)), q_k(p) = sign(p − ½)·Q_k(|2p − 1|) from the pool of its length class
 * at k (calibratedQuantile); the level-L interval is ŷ_k·exp(±s̃·Q_k(L)).
 *
 * @param point point forecasts for k = 1..h (h ≤ the calibration's horizon)
 * @param scale the series' error scale s̃ (> 0)
 * @param calibration from calibrateByLengthClass
 * @param length training values of the series (selects the class)
 * @returns the calibrated forecast
 * @throws Error when the forecast has more horizons than the calibration
 * @see Lei et al. (2018) JASA 113:1094–1111; Hyndman & Fan (1996) Am. Stat. 50:361–365 (type 7).
 * @example lengthClassForecast([10], 1, { sortedScores: { '<10': [[0, 0]] } } as never, 5).quantile(0.9); // => [10]
 */
export function lengthClassForecast(point: readonly number[], scale: number, calibration: LengthClassCalibration, length: number): AnnualForecast {
  const pools = calibration.sortedScores[lengthClass(length)];
  if (point.length > pools.length) throw new Error(`lengthClassForecast point must have at most ${pools.length} horizons, got ${point.length}`);
  const base = point.map((value) => Math.max(value, POINT_FLOOR));
  return {
    point: [...point],
    quantile: (probability) => base.map((value, k) => value * Math.exp(scale * calibratedQuantile(pools[k], probability))),
  };
}

/**
 * The calibration as a stored table: q_{c,k}(p_j) = sign(p_j − ½)·Q_{c,k}(|2p_j − 1|) on
 * ERROR_TABLE_PROBABILITIES, one ErrorQuantileTable per length class (what the engine keeps in
 * src/forecast/default-annual-calibration.ts).
 *
 * @param calibration from calibrateByLengthClass
 * @returns one table per class
 * @example lengthClassTables(calibration)['<10'].byHorizon.length; // => the calibration's horizon
 */
export function lengthClassTables(calibration: LengthClassCalibration): Record<LengthClass, ErrorQuantileTable> {
  const tables = {} as Record<LengthClass, ErrorQuantileTable>;
  for (const c of LENGTH_CLASSES) {
    tables[c] = {
      probabilities: ERROR_TABLE_PROBABILITIES,
      byHorizon: calibration.sortedScores[c].map((sorted) => ERROR_TABLE_PROBABILITIES.map((p) => calibratedQuantile(sorted, p))),
    };
  }
  return tables;
}
