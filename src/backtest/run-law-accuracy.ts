// The engine's growth laws on a yardstick (M3 layout): raw parameter-uncertainty intervals and calibrated ones.
//
//   series ──► for each law ─┬─ 1 calibrate on the training part, simulate draws, median = point
//                            ├─ 2 rolling-origin hindcasts inside the training part (fewer draws)
//                            │     z = ln(y / median) / s_k, s_k = the law's own log spread at k
//                            ├─ 3 `+cal`: per-horizon empirical quantiles of |z| (conformal, pooled)
//                            ├─ 4 `+scale`: one factor c on log deviations from the median
//                            └─ 5 scoreForecasts of raw / +cal / +scale on the test parts (overall and by length class)
import { ModelError } from '../errors/model-error.js';
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import { defaultAnnualMethod } from '../forecast/default-annual-method.js';
import { laws, type GrowthLawName } from '../laws/registry.js';
import { inverseNormalCdf } from '../simulate/distributions/inverse-normal-cdf.js';
import { calibrateIntervals, type CalibrationSample } from './calibrate-intervals.js';
import { calibratedForecast } from './calibrated-forecast.js';
import { lawForecaster } from './law-forecaster.js';
import { logSpread } from './log-spread.js';
import type { AccuracyRow } from './run-accuracy.js';
import type { M3Series } from './read-m3-csv.js';
import { sampledForecast, type SampledForecast } from './sampled-forecast.js';
import { scaledForecast } from './scaled-forecast.js';
import { sortedSampleQuantile } from './sampled-forecast.js';
import { scoreForecasts } from './score-forecasts.js';
import { smape } from './smape.js';

/** The laws that can run on a plain positive yearly series (counts laws are for counts). */
export const M3_LAWS: readonly GrowthLawName[] = ['compound', 'meanReverting', 'dampedTrend', 'linear', 'logistic', 'gompertz', 'ensemble'];

/** A row of the law table: an AccuracyRow plus what was scored and how. */
export interface LawAccuracyRow extends AccuracyRow {
  /** Series the law itself calibrated on (the others used `law:compound`, see note). */
  readonly seriesCalibrated: number;
  /** For `+scale` rows: the factor c; otherwise NaN. */
  readonly intervalScale: number;
}

/** Options for {@link runLawAccuracy}. */
export interface RunLawAccuracyOptions {
  readonly laws?: readonly GrowthLawName[];
  /** Horizon H (default: the longest test part). */
  readonly horizon?: number;
  /** Draws per test forecast (default 500). */
  readonly draws?: number;
  /** Draws per hindcast (default 200: only the median and the 10%/90% quantiles are read). */
  readonly hindcastDraws?: number;
  /** Latest hindcast origins per training part (default 6). */
  readonly maxOrigins?: number;
  readonly seed?: number;
  /** A law that fails on more than this share of series is reported as not applicable (default 0.5). */
  readonly maximumFailureShare?: number;
  readonly now?: () => number;
}

const LEVELS = [0.8, 0.95] as const;

/**
 * Scores engine laws on M3-style data. Per law three rows: `law:<name>` (the law's own intervals,
 * from parameter uncertainty and innovations), `law:<name>+cal` (per-horizon split-conformal
 * quantiles of |z|, z = ln(y/m_k)/s_k, learnt on hindcasts inside the training parts, s_k = logSpread;
 * intervals m_k·exp(±s_k·Q_k(L)), as calibrateIntervals)
 * and `law:<name>+scale` (one factor c = ½[Q_0.8(|z|)/z_0.9 + Q_0.95(|z|)/z_0.975] over all
 * hindcasts, applied as x' = m·(x/m)^c: the form the engine can apply as a post-step transform).
 * A law that cannot calibrate on a series (ModelError) is replaced there by `compound` and counted;
 * on more than `maximumFailureShare` of the series it gets one row of NaN with the reason.
 *
 * @param series parsed series (readM3Csv), each with at least one test value
 * @param options laws, horizon (longest test part), draws (500), hindcast draws (200), origins (6), seed, clock
 * @returns rows in law order
 * @see Makridakis & Hibon (2000) IJF 16:451–476; Lei et al. (2018) JASA 113:1094–1111; Tashman (2000) IJF 16:437–450.
 * @example runLawAccuracy(readM3Csv(text), { laws: ['compound'] }).map((row) => row.method); // => ['law:compound', 'law:compound+cal', 'law:compound+scale']
 */
export function runLawAccuracy(series: readonly M3Series[], options: RunLawAccuracyOptions = {}): LawAccuracyRow[] {
  const horizon = options.horizon ?? Math.max(...series.map((entry) => entry.test.length));
  const now = options.now ?? (() => performance.now());
  const maxOrigins = options.maxOrigins ?? 6;
  const seed = options.seed ?? 1;
  const fallback = lawForecaster(laws.compound, { draws: options.draws ?? 500, seed });
  const rows: LawAccuracyRow[] = [];
  for (const name of options.laws ?? M3_LAWS) {
    const started = now();
    const method = lawForecaster(laws[name], { draws: options.draws ?? 500, seed });
    const hindcaster = lawForecaster(laws[name], { draws: options.hindcastDraws ?? 200, seed });
    // 1. Test forecasts, with compound standing in where the law cannot calibrate.
    const failures: string[] = [];
    let defaultStandIns = 0;
    const forecasts: SampledForecast[] = series.map((entry) => {
      try {
        return method.forecast(entry.train, horizon);
      } catch (error) {
        failures.push(`${entry.id}: ${describeFailure(error)}`);
      }
      try {
        return fallback.forecast(entry.train, horizon);
      } catch (error) {
        // compound cannot run either (e.g. a non-positive level): the default annual method stands in.
        describeFailure(error);
        defaultStandIns += 1;
        return quantileDraws(defaultAnnualMethod.forecast(entry.train, horizon), options.draws ?? 500);
      }
    });
    if (failures.length > (options.maximumFailureShare ?? 0.5) * series.length) {
      rows.push(notApplicable(`law:${name}`, laws[name].summary, series.length - failures.length, (now() - started) / 1000, horizon,
        `not applicable: calibrates on ${series.length - failures.length} of ${series.length} series without a given capacity (e.g. ${failures[0]})`));
      continue;
    }
    // 2. Hindcasts inside each training part.
    const samples: CalibrationSample[] = [];
    const absolute: number[] = [];
    let hindcastTotal = 0;
    for (const entry of series) {
      const n = entry.train.length;
      for (let origin = Math.max(8, n - maxOrigins); origin < n; origin += 1) {
        const steps = Math.min(horizon, n - origin);
        let forecast: SampledForecast;
        try {
          forecast = hindcaster.forecast(entry.train.slice(0, origin), steps);
        } catch (error) {
          describeFailure(error);
          continue;
        }
        const spread = logSpread(forecast);
        for (let k = 1; k <= steps; k += 1) {
          const actual = entry.train[origin + k - 1];
          const point = forecast.point[k - 1];
          samples.push({ horizon: k, actual, point, scale: spread[k - 1] });
          absolute.push(Math.abs(Math.log(actual / Math.max(point, 1e-9)) / spread[k - 1]));
          hindcastTotal += smape([actual], [point]);
        }
      }
    }
    const note = failures.length > 0
      ? `${failures.length} of ${series.length} series could not be calibrated (e.g. ${failures[0]}); law:compound stands in for them${defaultStandIns > 0 ? `, and the default annual method for ${defaultStandIns} where compound cannot run either` : ''}`
      : '';
    const raw = scoreForecasts(series, forecasts, horizon);
    if (!samples.some((sample) => sample.horizon === 1)) {
      // Training parts too short for hindcasts (e.g. --train-last 7): the raw row only.
      rows.push({ method: `law:${name}`, description: laws[name].summary, seriesCalibrated: series.length - failures.length, fallbacks: failures.length, hindcastSmape: Number.NaN,
        seconds: (now() - started) / 1000, ...raw, coverage80Model: raw.coverage80, coverage95Model: raw.coverage95, intervalScale: Number.NaN,
        note: [note, 'no hindcasts (training parts shorter than 9): no calibrated rows'].filter(Boolean).join('; ') });
      continue;
    }
    // 3–4. The two calibrations.
    const calibration = calibrateIntervals(samples, horizon);
    absolute.sort((a, b) => a - b);
    const factors = LEVELS.map((level) => sortedSampleQuantile(absolute, level) / inverseNormalCdf((1 + level) / 2));
    const factor = (factors[0] + factors[1]) / 2;
    const seconds = (now() - started) / 1000;
    // 5. Scores.
    const common = { description: laws[name].summary, seriesCalibrated: series.length - failures.length, fallbacks: failures.length, hindcastSmape: hindcastTotal / Math.max(samples.length, 1), seconds };
    rows.push({ method: `law:${name}`, ...common, ...raw, coverage80Model: raw.coverage80, coverage95Model: raw.coverage95, intervalScale: Number.NaN, note });
    const calibrated = scoreForecasts(series, forecasts.map((forecast) => calibratedForecast(forecast.point, logSpread(forecast), calibration)), horizon);
    rows.push({ method: `law:${name}+cal`, ...common, ...calibrated, coverage80Model: raw.coverage80, coverage95Model: raw.coverage95, intervalScale: Number.NaN,
      note: [note, 'per-horizon conformal quantiles of |ln(y/median)|/spread from hindcasts inside the training parts'].filter(Boolean).join('; ') });
    const scaled = scoreForecasts(series, forecasts.map((forecast) => scaledForecast(forecast, factor)), horizon);
    rows.push({ method: `law:${name}+scale`, ...common, ...scaled, coverage80Model: raw.coverage80, coverage95Model: raw.coverage95, intervalScale: factor,
      note: [note, `one factor c = ${factor.toFixed(3)} (80%: ${factors[0].toFixed(3)}, 95%: ${factors[1].toFixed(3)}) on log deviations from the median`].filter(Boolean).join('; ') });
  }
  return rows;
}

/** An AnnualForecast as m draws at its (i + ½)/m quantiles, so the law rows' draw-based steps can use it. */
function quantileDraws(forecast: AnnualForecast, draws: number): SampledForecast {
  const probabilities = Array.from({ length: draws }, (_, i) => (i + 0.5) / draws);
  const columns = forecast.point.map(() => new Float64Array(draws));
  probabilities.forEach((p, i) => forecast.quantile(p).forEach((value, k) => (columns[k][i] = value)));
  return sampledForecast(columns);
}

/**
 * A law that cannot run on a series: its ModelError, an invalid calibrated distribution (an engine
 * problem, e.g. a fitted capacity that overflows), or any other error, named as an internal error of
 * the law (a bug to fix in the law, reported in the row's note rather than ending the yardstick).
 */
function describeFailure(error: unknown): string {
  if (error instanceof ModelError) return error.message.replace(/^series \(law \w+\): /, '');
  if (error instanceof Error && / distribution .* must /.test(error.message)) return `calibration gave an invalid distribution (${error.message})`;
  return `internal error in the law (a bug): ${error instanceof Error ? error.message : String(error)}`;
}

function notApplicable(method: string, description: string, calibrated: number, seconds: number, horizon: number, note: string): LawAccuracyRow {
  const nan = Number.NaN;
  return {
    method, description, series: 0, smape: nan, mase: nan, masePaper: nan, coverage80: nan, coverage95: nan,
    coverage80Model: nan, coverage95Model: nan, intervalScore80: nan, intervalScore95: nan, hindcastSmape: nan, seconds,
    smapeByHorizon: new Array<number>(horizon).fill(nan), byLength: [], seriesCalibrated: calibrated, fallbacks: nan, intervalScale: nan, note,
  };
}
