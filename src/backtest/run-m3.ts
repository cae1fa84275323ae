// The M3 yearly yardstick: every annual method scored on the held-out test years.
//
//   series ──► for each method ─┬─ 1 forecast h = 6 from the whole training part
//                               ├─ 2 rolling-origin hindcasts inside the training part
//                               ├─ 3 pool absolute standardised hindcast errors by horizon → calibration
//                               ├─ 4 calibrated 80% / 95% intervals ŷ·exp(±s·Q_k(L))
//                               └─ 5 sMAPE, MASE, coverage, interval score on the test part; wall time
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import type { AnnualMethod } from '../forecast/annual-method.js';
import { annualMethods } from '../forecast/annual-methods.js';
import { defaultAnnualMethod } from '../forecast/default-annual-method.js';
import { calibrateIntervals, type CalibrationSample } from './calibrate-intervals.js';
import { calibratedForecast } from './calibrated-forecast.js';
import { intervalCoverage } from './interval-coverage.js';
import { logChangeScale } from './log-change-scale.js';
import { logIntervalScore } from './log-interval-score.js';
import { mase } from './mase.js';
import type { M3Series } from './read-m3-csv.js';
import { rollingOriginHindcasts } from './rolling-origin-hindcasts.js';
import { smape } from './smape.js';

/** One result row per method (sMAPE in percent; coverage as fractions). */
export interface M3MetricsRow {
  readonly method: string;
  /** What the method is; for `default`, the name of the method it stands for. */
  readonly description: string;
  readonly smape: number;
  readonly mase: number;
  /** Coverage of the calibrated 80% / 95% intervals on the test part. */
  readonly coverage80: number;
  readonly coverage95: number;
  /** Coverage of the method's own (model-based) 80% / 95% intervals, for comparison. */
  readonly coverage80Model: number;
  readonly coverage95Model: number;
  /** Mean interval score of the calibrated 80% / 95% intervals on the log scale ×100 (logIntervalScore; lower is better). */
  readonly intervalScore80: number;
  readonly intervalScore95: number;
  /** sMAPE of the rolling-origin hindcasts inside the training parts (no test data). */
  readonly hindcastSmape: number;
  readonly seconds: number;
  /** sMAPE per horizon k = 1..6 (smapeByHorizon[k − 1]). */
  readonly smapeByHorizon: readonly number[];
}

/** Options for {@link runM3}. */
export interface RunM3Options {
  readonly methods?: readonly AnnualMethod[];
  readonly horizon?: number;
  /** Latest hindcast origins per series used for calibration (default 10). */
  readonly maxOrigins?: number;
  /** Milliseconds clock for the `seconds` column (default performance.now). */
  readonly now?: () => number;
}

const LEVELS = [0.8, 0.95] as const;

/**
 * Scores every method (and `default`) on M3-style data: point accuracy (sMAPE over all
 * series × horizons, MASE averaged over series) and coverage of calibrated and model intervals.
 *
 * @param series parsed series (readM3Csv), each with a training and a test part of length ≥ horizon
 * @param options methods (default: annualMethods), horizon (default 6), clock
 * @returns one row per method, then `default`
 * @throws Error when a test part is shorter than the horizon
 * @see Makridakis & Hibon (2000) The M3-Competition. IJF 16:451–476; /work/shared/benchmarks/README.md.
 * @example runM3(readM3Csv(text)).map((row) => row.method); // => ['naive', 'drift', …, 'default']
 */
export function runM3(series: readonly M3Series[], options: RunM3Options = {}): M3MetricsRow[] {
  const methods = options.methods ?? annualMethods;
  const horizon = options.horizon ?? 6;
  const now = options.now ?? (() => performance.now());
  for (const entry of series) {
    if (entry.test.length < horizon) throw new Error(`runM3 series ${entry.id} test part must have ${horizon} values, got ${entry.test.length}`);
  }
  const rows = methods.map((method) => scoreMethod(series, method, method.name, method.description));
  rows.push(scoreMethod(series, defaultAnnualMethod, 'default', defaultAnnualMethod.name));
  return rows;

  function scoreMethod(data: readonly M3Series[], method: AnnualMethod, name: string, description: string): M3MetricsRow {
    const started = now();
    // 1–2. Forecasts from each training part; hindcasts inside it.
    const forecasts: AnnualForecast[] = [];
    const samples: CalibrationSample[] = [];
    let hindcastTotal = 0;
    let hindcastCount = 0;
    for (const entry of data) {
      forecasts.push(method.forecast(entry.train, horizon));
      // One scale per series, from the whole training part: the same s then standardises the
      // hindcast errors and the test-time quantiles. (On a pseudo-test inside the training parts,
      // scales from the data before each origin scored worse; the latest 8–10 changes only, about
      // the same; the latest 5, worse.)
      const scale = logChangeScale(entry.train);
      for (const hindcast of rollingOriginHindcasts(entry.train, method, { horizon, maxOrigins: options.maxOrigins })) {
        samples.push({ horizon: hindcast.horizon, actual: hindcast.actual, point: hindcast.point, scale });
        hindcastTotal += smape([hindcast.actual], [hindcast.point]);
        hindcastCount += 1;
      }
    }
    // 3. One calibration table per method, pooled over all series.
    const calibration = calibrateIntervals(samples, horizon);
    // 4–5. Intervals and scores on the test parts.
    const actual: number[] = [];
    const bounds = { calibrated: [[], [], [], []] as number[][], model: [[], [], [], []] as number[][] };
    const byHorizon = new Array<number>(horizon).fill(0);
    let smapeTotal = 0;
    let maseTotal = 0;
    data.forEach((entry, index) => {
      const forecast = forecasts[index];
      const test = entry.test.slice(0, horizon);
      const point = forecast.point.slice(0, horizon);
      smapeTotal += smape(test, point);
      maseTotal += mase(entry.train, test, point);
      test.forEach((value, k) => (byHorizon[k] += smape([value], [point[k]])));
      actual.push(...test);
      const calibrated = calibratedForecast(point, logChangeScale(entry.train), calibration);
      LEVELS.forEach((level, i) => {
        bounds.calibrated[2 * i].push(...calibrated.quantile((1 - level) / 2));
        bounds.calibrated[2 * i + 1].push(...calibrated.quantile((1 + level) / 2));
        bounds.model[2 * i].push(...forecast.quantile((1 - level) / 2));
        bounds.model[2 * i + 1].push(...forecast.quantile((1 + level) / 2));
      });
    });
    const seconds = (now() - started) / 1000;
    return {
      method: name,
      description,
      smape: smapeTotal / data.length,
      mase: maseTotal / data.length,
      coverage80: intervalCoverage(actual, bounds.calibrated[0], bounds.calibrated[1]),
      coverage95: intervalCoverage(actual, bounds.calibrated[2], bounds.calibrated[3]),
      coverage80Model: intervalCoverage(actual, bounds.model[0], bounds.model[1]),
      coverage95Model: intervalCoverage(actual, bounds.model[2], bounds.model[3]),
      intervalScore80: logIntervalScore(actual, bounds.calibrated[0], bounds.calibrated[1], LEVELS[0]),
      intervalScore95: logIntervalScore(actual, bounds.calibrated[2], bounds.calibrated[3], LEVELS[1]),
      hindcastSmape: hindcastCount > 0 ? hindcastTotal / hindcastCount : Number.NaN,
      seconds,
      smapeByHorizon: byHorizon.map((total) => total / data.length),
    };
  }
}
