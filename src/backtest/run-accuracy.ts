// A yardstick run: every annual method and the protocol's default, scored on a collection's test parts.
//
//   collection ──► default: the selection protocol on the training parts (selectDefaultAnnualMethod)
//              ──► each method ─┬─ 1 forecast h = H from each whole training part (the default where it cannot fit)
//                               ├─ 2 rolling-origin hindcasts inside the training parts (as the protocol's)
//                               ├─ 3 conformal pools by horizon and length class → calibrated intervals
//                               └─ 4 sMAPE, MASE, paper MASE, coverage, interval scores; overall and by length class
import type { AnnualForecast } from '../forecast/annual-forecast.js';
import type { AnnualMethod } from '../forecast/annual-method.js';
import { annualMethods } from '../forecast/annual-methods.js';
import { forecastDefaultMembers, mixDefaultMembers } from '../forecast/default-members.js';
import { shrunkErrorScale } from '../forecast/shrunk-error-scale.js';
import { calibrateByLengthClass, lengthClassForecast, type LengthClassSample } from './length-class-calibration.js';
import type { M3Series } from './read-m3-csv.js';
import { rollingOriginHindcasts } from './rolling-origin-hindcasts.js';
import { scoreForecasts, type CollectionScores } from './score-forecasts.js';
import { selectDefaultAnnualMethod, type DefaultProtocolOptions, type DefaultSelection } from './select-default-annual-method.js';
import { smape } from './smape.js';

/** One result row per method (sMAPE in percent; coverage as fractions). */
export interface AccuracyRow extends CollectionScores {
  readonly method: string;
  /** What the method is; for `default`, the chosen mixture. */
  readonly description: string;
  /** Coverage of the method's own (model-based) 80% / 95% intervals, for comparison. */
  readonly coverage80Model: number;
  readonly coverage95Model: number;
  /** sMAPE of the rolling-origin hindcasts inside the training parts (no test data). */
  readonly hindcastSmape: number;
  readonly seconds: number;
  /** Series on which the method could not forecast and the default stood in. */
  readonly fallbacks: number;
  readonly note: string;
}

/** Options for {@link runAccuracy}. */
export interface RunAccuracyOptions {
  readonly methods?: readonly AnnualMethod[];
  /** Horizon H (default: the longest test part). */
  readonly horizon?: number;
  /** Settings of the protocol (default: the rule of docs/backtest.md §0). */
  readonly protocol?: Omit<DefaultProtocolOptions, 'horizon'>;
  /** Milliseconds clock for the `seconds` column (default performance.now). */
  readonly now?: () => number;
}

/** The rows and the protocol's choice (with the hindcast numbers it chose from). */
export interface AccuracyResult {
  readonly horizon: number;
  readonly rows: readonly AccuracyRow[];
  readonly selection: DefaultSelection;
}

/**
 * Scores every method and `default` on a collection (M3 layout: training and test parts).
 * `default` is chosen by the selection protocol from the training parts only; every method's
 * calibrated intervals come from its own hindcasts inside the training parts (origins
 * max(4, n − 10) … n − 1), pooled by horizon and length class with the protocol's shrunk scales.
 * A method that cannot forecast a series (too short, a non-positive value, a failed fit) is replaced
 * there by the default, counted in `fallbacks` with the first reason in `note`; its hindcast windows
 * that cannot be fitted are skipped.
 *
 * @param series the collection (readM3Csv), each series with at least one test value
 * @param options methods (default annualMethods), horizon, protocol settings, clock
 * @returns one row per method, then `default`; and the protocol's selection
 * @see docs/backtest.md §0 (the protocol) and §6 (the columns); Makridakis & Hibon (2000) IJF 16:451–476.
 * @example runAccuracy(readM3Csv(text)).rows.at(-1)?.method; // => 'default'
 */
export function runAccuracy(series: readonly M3Series[], options: RunAccuracyOptions = {}): AccuracyResult {
  if (series.length === 0) throw new Error('runAccuracy series must not be empty, got []');
  const horizon = options.horizon ?? Math.max(...series.map((entry) => entry.test.length));
  const now = options.now ?? (() => performance.now());
  const started = now();
  const selection = selectDefaultAnnualMethod(series.map((entry) => entry.train), { ...options.protocol, horizon });
  const defaults = series.map((entry) => selection.method.forecast(entry.train, horizon));
  const defaultSeconds = (now() - started) / 1000;
  const chosenIndex = selection.weights.indexOf(selection.trendWeight);
  const hindcastTotal = selection.hindcastSmape[chosenIndex].reduce((sum, value, k) => sum + (Number.isNaN(value) ? 0 : value * selection.hindcastCounts[k]), 0);
  const hindcastCount = selection.hindcastCounts.reduce((sum, value) => sum + value, 0);
  const leftOut = [...selection.leftOut].map(([reason, windows]) => `${reason} (${windows} hindcast windows)`).join('; ');
  const defaultRow: AccuracyRow = {
    method: 'default',
    description: selection.method.description,
    ...scoreForecasts(series, defaults, horizon),
    ...modelCoverage(series, series.map((entry) => mixDefaultMembers(forecastDefaultMembers(entry.train, horizon), selection.trendWeight)), horizon),
    hindcastSmape: hindcastCount > 0 ? hindcastTotal / hindcastCount : Number.NaN,
    seconds: defaultSeconds,
    fallbacks: 0,
    note: [`w = ${selection.trendWeight} chosen on ${hindcastCount} hindcasts`, leftOut && `members left out: ${leftOut}`].filter(Boolean).join('; '),
  };
  const rows = (options.methods ?? annualMethods).map((method) => scoreMethod(method));
  rows.push(defaultRow);
  return { horizon, rows, selection };

  function scoreMethod(method: AnnualMethod): AccuracyRow {
    const methodStarted = now();
    const failures: string[] = [];
    const forecastOrDefault = (entry: M3Series, index: number): AnnualForecast => {
      try {
        if (entry.train.length < method.minimumLength) throw new Error(`needs at least ${method.minimumLength} values, got ${entry.train.length}`);
        return method.forecast(entry.train, horizon);
      } catch (error) {
        failures.push(`${entry.id}: ${error instanceof Error ? error.message : String(error)}`);
        return defaults[index];
      }
    };
    const forecasts = series.map(forecastOrDefault);
    const samples: LengthClassSample[] = [];
    let hindcastTotal = 0;
    for (const entry of series) {
      for (const hindcast of hindcastsOf(entry.train, method, horizon)) {
        const window = entry.train.slice(0, hindcast.origin);
        samples.push({ horizon: hindcast.horizon, windowLength: hindcast.origin, actual: hindcast.actual, point: hindcast.point, scale: shrunkErrorScale(window, selection.pooledScale, selection.scalePriorChanges) });
        hindcastTotal += smape([hindcast.actual], [hindcast.point]);
      }
    }
    const calibration = samples.some((sample) => sample.horizon === 1) ? calibrateByLengthClass(samples, horizon, options.protocol?.minimumPool) : undefined;
    const calibrated = forecasts.map((forecast, index) => {
      const train = series[index].train;
      return calibration === undefined ? forecast : lengthClassForecast(forecast.point.slice(0, horizon), shrunkErrorScale(train, selection.pooledScale, selection.scalePriorChanges), calibration, train.length);
    });
    const seconds = (now() - methodStarted) / 1000;
    const notes = [
      failures.length > 0 ? `${failures.length} of ${series.length} series forecast by the default instead (e.g. ${failures[0]})` : '',
      calibration === undefined ? 'no hindcasts (training parts too short): the method\'s own intervals' : '',
    ];
    return {
      method: method.name,
      description: method.description,
      ...scoreForecasts(series, calibrated, horizon),
      ...modelCoverage(series, forecasts, horizon),
      hindcastSmape: samples.length > 0 ? hindcastTotal / samples.length : Number.NaN,
      seconds,
      fallbacks: failures.length,
      note: notes.filter(Boolean).join('; '),
    };
  }
}

/** Hindcasts of a method at the protocol's origins; windows it cannot fit are skipped. */
function hindcastsOf(train: readonly number[], method: AnnualMethod, horizon: number) {
  const guarded: AnnualMethod = {
    ...method,
    forecast: (window, h) => {
      try {
        return method.forecast(window, h);
      } catch {
        return { point: new Array<number>(h).fill(Number.NaN), quantile: () => new Array<number>(h).fill(Number.NaN) };
      }
    },
  };
  return rollingOriginHindcasts(train, guarded, { horizon, minimumTrain: Math.max(4, method.minimumLength), maxOrigins: 10 }).filter((hindcast) => !Number.isNaN(hindcast.point));
}

/** Coverage of the methods' own intervals. */
function modelCoverage(series: readonly M3Series[], forecasts: readonly AnnualForecast[], horizon: number) {
  const scores = scoreForecasts(series, forecasts, horizon);
  return { coverage80Model: scores.coverage80, coverage95Model: scores.coverage95 };
}
