// Scores forecasts of a collection against its test parts: overall and by training-length class.
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import { LENGTH_CLASSES, lengthClass, type LengthClass } from '../forecast/length-class.js';
import { intervalCoverage } from './interval-coverage.js';
import { logIntervalScore } from './log-interval-score.js';
import { mase } from './mase.js';
import type { M3Series } from './read-m3-csv.js';
import { smape } from './smape.js';

/** The figures of one group of series (all, or one length class). */
export interface GroupScores {
  /** Series in the group. */
  readonly series: number;
  /** sMAPE in percent: per series the mean over its scored horizons, then the mean over series. */
  readonly smape: number;
  /** MASE scaled by the in-sample naive MAE of the training part, mean over series. */
  readonly mase: number;
  /** MASE scaled by the naive MAE of the whole series (training and test; the tourism paper's tables). */
  readonly masePaper: number;
  /** Share of test points inside the 80% / 95% intervals. */
  readonly coverage80: number;
  readonly coverage95: number;
  /** Mean log interval score ×100 of the 80% / 95% intervals (logIntervalScore; lower is better). */
  readonly intervalScore80: number;
  readonly intervalScore95: number;
}

/** Overall figures, sMAPE by horizon and the same figures per length class. */
export interface CollectionScores extends GroupScores {
  /** Mean sMAPE over the series scored at horizon k (`smapeByHorizon[k − 1]`). */
  readonly smapeByHorizon: readonly number[];
  /** One entry per length class that has series. */
  readonly byLength: readonly ({ readonly lengthClass: LengthClass } & GroupScores)[];
}

const LEVELS = [0.8, 0.95] as const;

/**
 * Scores one forecast per series on its test part, h_i = min(H, test length) points each:
 * sMAPE (Makridakis & Hibon 2000), MASE (Hyndman & Koehler 2006: MAE / mean |Δy| of the training
 * part; series whose scale is 0 are left out of the mean), the paper-scale MASE (scale from the whole
 * series; Athanasopoulos et al. 2011 Table 6, as benchmarks/README explains), coverage and the log
 * interval score of the forecasts' 80% and 95% central intervals. The same figures per training-length
 * class (lengthClass).
 *
 * @param series the collection, test parts included (each at least one test value)
 * @param forecasts one forecast per series with at least min(H, test length) horizons
 * @param horizon H
 * @returns overall, by-horizon and by-class figures
 * @throws Error when the counts differ or a series has no test value
 * @see Makridakis & Hibon (2000) IJF 16:451–476; Hyndman & Koehler (2006) IJF 22:679–688; Athanasopoulos, Hyndman, Song & Wu (2011) IJF 27:822–844; Gneiting & Raftery (2007) JASA 102:359–378.
 * @example scoreForecasts(series, forecasts, 6).byLength.map((group) => group.lengthClass); // => ['14-19', '>=20']
 */
export function scoreForecasts(series: readonly M3Series[], forecasts: readonly AnnualForecast[], horizon: number): CollectionScores {
  if (forecasts.length !== series.length) throw new Error(`scoreForecasts forecasts must match the ${series.length} series, got ${forecasts.length}`);
  const scored = series.map((entry, index) => {
    const steps = Math.min(horizon, entry.test.length);
    if (steps < 1) throw new Error(`scoreForecasts series ${entry.id} must have a test value, got none`);
    const actual = entry.test.slice(0, steps);
    const forecast = forecasts[index];
    const point = forecast.point.slice(0, steps);
    const bounds = LEVELS.flatMap((level) => [forecast.quantile((1 - level) / 2).slice(0, steps), forecast.quantile((1 + level) / 2).slice(0, steps)]);
    return { entry, actual, point, bounds, lengthClass: lengthClass(entry.train.length) };
  });
  const group = (members: typeof scored): GroupScores => {
    const actual = members.flatMap((m) => m.actual);
    const bound = (i: number) => members.flatMap((m) => m.bounds[i]);
    const scaledMeans = (scaleFrom: (m: (typeof scored)[number]) => readonly number[]) => {
      // A scale of 0 (a flat history) gives no finite MASE: such series are left out of the mean.
      const values = members.map((m) => (scaleFrom(m).length >= 2 ? mase(scaleFrom(m), m.actual, m.point) : Number.NaN)).filter(Number.isFinite);
      return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
    };
    return {
      series: members.length,
      smape: members.reduce((sum, m) => sum + smape(m.actual, m.point), 0) / members.length,
      mase: scaledMeans((m) => m.entry.train),
      masePaper: scaledMeans((m) => [...m.entry.train, ...m.entry.test]),
      coverage80: intervalCoverage(actual, bound(0), bound(1)),
      coverage95: intervalCoverage(actual, bound(2), bound(3)),
      intervalScore80: logIntervalScore(actual, bound(0), bound(1), LEVELS[0]),
      intervalScore95: logIntervalScore(actual, bound(2), bound(3), LEVELS[1]),
    };
  };
  const smapeByHorizon = Array.from({ length: horizon }, (_, k) => {
    const at = scored.filter((m) => m.actual.length > k);
    return at.length > 0 ? at.reduce((sum, m) => sum + smape([m.actual[k]], [m.point[k]]), 0) / at.length : Number.NaN;
  });
  const byLength = LENGTH_CLASSES.map((c) => ({ c, members: scored.filter((m) => m.lengthClass === c) }))
    .filter(({ members }) => members.length > 0)
    .map(({ c, members }) => ({ lengthClass: c, ...group(members) }));
  return { ...group(scored), smapeByHorizon, byLength };
}
