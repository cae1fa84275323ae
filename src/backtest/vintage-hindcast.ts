// The vintage hindcast: what the model would have said on past dates, set against what the record says now.
//
//   for each as-of date D and each variable with a series:
//     data published by D (asOf) ──► the model's own law calibrated as the engine does ──► draws to D's year + H − 1
//     ──► each later year's level on record today (outturn, estimate or bound) ──► inside the 80% / 90% bands?
import { asOf } from '../data/as-of.js';
import type { DataSet, Observation, ObservationKind, Qualifier } from '../data/types.js';
import { levelOfEachYear } from '../data/year-levels.js';
import { backtestMessages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import type { GrowthLawName } from '../laws/registry.js';
import type { ModelSpec } from '../spec/model-spec.js';
import { bandVerdict, type BandVerdict } from './band-verdict.js';
import { forecastAt } from './run-backtest.js';
import { sortedSampleQuantile } from './sampled-forecast.js';

/** Options for {@link vintageHindcast}. */
export interface VintageHindcastOptions {
  /** As-of dates, YYYY-MM-DD or YYYY-MM. */
  readonly asOf: readonly string[];
  /** H: years scored run to the as-of year + H − 1 (3: the as-of year and the two after it). */
  readonly horizon: number;
  readonly draws: number;
  readonly seed: number;
  /** Variables (default: every variable with a series of its own). */
  readonly variables?: readonly string[];
}

/** The level on record today of a year after an as-of date: the one `levelOfEachYear` keeps. */
export interface VintageOutcome {
  readonly value: number;
  readonly qualifier: Qualifier;
  /** `estimate` when no outturn of the year is on record yet. */
  readonly kind: ObservationKind;
  readonly source: string;
  readonly published: string;
}

/** One forecast of one year, from one as-of date, and whether the outcome fell inside its bands. */
export interface VintageHindcastRow {
  readonly variable: string;
  readonly series: string;
  readonly law: string;
  readonly asOf: string;
  /** Year of the level the law started from (the latest on record at the as-of date). */
  readonly baseYear: number;
  readonly year: number;
  /** year − baseYear: the number of simulated years. */
  readonly horizon: number;
  /** Quantiles 0.05, 0.10, 0.50, 0.90, 0.95 of the draws. */
  readonly p05: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly outcome: VintageOutcome;
  /** The outcome against the 80% band [p10, p90] and the 90% band [p05, p95]. */
  readonly in80: BandVerdict;
  readonly in90: BandVerdict;
}

/** A variable, or one year of it, that could not be forecast or scored at an as-of date, and why. */
export interface VintageSkip {
  readonly variable: string;
  readonly asOf: string;
  readonly year?: number;
  readonly reason: string;
}

export interface VintageHindcast {
  readonly rows: readonly VintageHindcastRow[];
  readonly skipped: readonly VintageSkip[];
}

/**
 * The vintage hindcast of `model`: for every as-of date D and every variable with a series, the
 * variable's own law is calibrated on asOf(data, D) exactly as the engine calibrates it (own series
 * and growthSeries, calibrate.from/to, the model's params; the pooled band floor included) — except
 * that a start stated in the model is not used (it is written today, not published by D) — and
 * simulated to D's year + H − 1. Each year after the base year with a level on record today
 * (levelOfEachYear of the full data: the latest outturn, else the estimate, else a bound) is set
 * against the 80% band [q_0.10, q_0.90] and the 90% band [q_0.05, q_0.95] (bandVerdict: a bound
 * decides only when the band lies on one side of it). A year whose level is on another basis than the
 * base's (data/series.csv `breaks`) is not scored; a law that cannot calibrate on what D knew is
 * skipped with its reason.
 * @param model the model (its variables' laws, series and calibration settings)
 * @param data the full data set (every vintage)
 * @param options as-of dates, H, draws, seed, variables
 * @returns rows ordered by variable, as-of date and year, and what was skipped
 * @see Tashman (2000) IJF 16:437–450 (out-of-sample evaluation on vintages); Croushore & Stark (2001) J. Econometrics 105:111–130 (real-time data).
 * @example vintageHindcast(model, data, { asOf: ['2024-07-31'], horizon: 3, draws: 2000, seed: 1 }).rows[0].in90; // => 'inside'
 */
export function vintageHindcast(model: ModelSpec, data: DataSet, options: VintageHindcastOptions): VintageHindcast {
  const rows: VintageHindcastRow[] = [];
  const skipped: VintageSkip[] = [];
  const chosen = model.variables.filter((spec) => spec.series !== undefined && spec.formula === undefined && (options.variables === undefined || options.variables.includes(spec.name)));
  for (const spec of chosen) {
    const series = spec.series!;
    const ownRows = (set: DataSet) => set.observations.filter((o: Observation) => o.series === series && o.kind !== 'externalForecast');
    const today = levelOfEachYear(ownRows(data));
    for (const date of options.asOf) {
      const known = asOf(data, date);
      const lastYear = Number(date.slice(0, 4)) + options.horizon - 1;
      let forecast;
      try {
        forecast = forecastAt({ ...spec, start: undefined }, known, spec.law as GrowthLawName, lastYear, options);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        skipped.push({ variable: spec.name, asOf: date, reason: error.message.replace(/^\S+ \(law \w+\): /, '') });
        continue;
      }
      const baseBasis = levelOfEachYear(ownRows(known)).get(forecast.baseYear)?.observation.basis;
      if (![...today.keys()].some((year) => year > forecast.baseYear && year <= lastYear)) {
        skipped.push({ variable: spec.name, asOf: date, reason: backtestMessages.noLaterLevel(series, forecast.baseYear + 1, lastYear) });
        continue;
      }
      for (let year = forecast.baseYear + 1; year <= lastYear; year += 1) {
        const level = today.get(year);
        if (level === undefined) continue;
        if (level.observation.basis !== baseBasis) {
          skipped.push({ variable: spec.name, asOf: date, year, reason: backtestMessages.acrossBreak(year, series, level.observation.basis ?? year, forecast.baseYear) });
          continue;
        }
        const column = forecast.columns[year - forecast.baseYear - 1];
        const q = (p: number) => sortedSampleQuantile(column, p);
        const [p05, p10, p50, p90, p95] = [q(0.05), q(0.1), q(0.5), q(0.9), q(0.95)];
        const outcome = { value: level.value, qualifier: level.qualifier, kind: level.kind, source: level.observation.source, published: level.observation.published };
        rows.push({
          variable: spec.name,
          series,
          law: spec.law,
          asOf: date,
          baseYear: forecast.baseYear,
          year,
          horizon: year - forecast.baseYear,
          p05,
          p10,
          p50,
          p90,
          p95,
          outcome,
          in80: bandVerdict(outcome, p10, p90),
          in90: bandVerdict(outcome, p05, p95),
        });
      }
    }
  }
  return { rows, skipped };
}
