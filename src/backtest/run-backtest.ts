// Rolling-origin backtests of a model's variables on their own history: every law, every cutoff year.
//
//   variable ──► FY levels (latest vintage) ──► cutoffs c = first + 2 … last − 1
//     for each c: data as known at c (dataAtCutoff) ──► for each law:
//       1 calibrate (skip with the reason on ModelError)
//       2 draws for the years c+1 … c+h (lawForecastDraws, the engine's sampling)
//       3 score against the FY levels that came later; naive and drift from the levels known at c
import type { DataSet, Observation } from '../data/types.js';
import { yearLevels } from '../data/year-levels.js';
import { backtestMessages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import { laws, type GrowthLawName } from '../laws/registry.js';
import type { ModelSpec, VariableSpec } from '../spec/model-spec.js';
import { crpsFromDraws } from './crps-from-draws.js';
import { dataAtCutoff, vintageDate, type VintageRule } from './data-at-cutoff.js';
import { lawForecastDraws } from './law-forecast-draws.js';
import { sortedSampleQuantile } from './sampled-forecast.js';
import { winklerScore } from './winkler-score.js';

/** Options for {@link runBacktest}. */
export interface BacktestOptions {
  readonly laws: readonly GrowthLawName[];
  /** Years after each cutoff to score (≥ 1). */
  readonly horizon: number;
  readonly draws: number;
  readonly seed: number;
  readonly vintage?: VintageRule;
  /** Variables to test (default: every variable with a series and a growth law). */
  readonly variables?: readonly string[];
}

/** One scored forecast: a variable, a cutoff year, a year after it, a law. */
export interface BacktestPoint {
  readonly variable: string;
  readonly series: string;
  readonly law: GrowthLawName;
  readonly cutoff: number;
  readonly vintageDate: string;
  /** Year of the level the law started from (≤ cutoff). */
  readonly baseYear: number;
  readonly year: number;
  /** year − cutoff. */
  readonly horizon: number;
  readonly actual: number;
  /** Median of the draws. */
  readonly point: number;
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
  /** Last FY level known at the cutoff. */
  readonly naive: number;
  /** Random walk with drift through the first and last FY levels known at the cutoff. */
  readonly drift: number;
  /** MASE denominator: mean |ΔV| per year between consecutive known FY levels (NaN with none). */
  readonly maseScale: number;
  readonly crps: number;
  readonly winkler80: number;
  readonly winkler95: number;
}

/** A law (or a whole variable) that could not be backtested, and why. */
export interface BacktestSkip {
  readonly variable: string;
  readonly law: string;
  readonly cutoff?: number;
  readonly reason: string;
}

export interface BacktestResult {
  readonly points: readonly BacktestPoint[];
  readonly skipped: readonly BacktestSkip[];
}

/** Fewest full-year point levels a variable needs: two known at the first cutoff and one after it. */
const MINIMUM_LEVELS = 3;

/**
 * Rolling-origin backtest of `model`'s variables on `data`. For a variable with FY point levels
 * (exact or approx, latest vintage) in years F … L, cutoffs run c = F + 2 … L − 1; at each, every law
 * is calibrated on dataAtCutoff(data, c, vintage) (own series and growthSeries, the model's
 * calibrate.from/to, and the model's params when the law is the model's own), simulated as the engine
 * does, and scored on the levels of years c+1 … c+h that exist. Benchmarks use only FY levels known at c:
 * naive = V_L', drift = V_L' + (V_L' − V_F')/(L' − F')·(y − L').
 *
 * @param model the model (variables, laws, series)
 * @param data the full data set (every vintage)
 * @param options laws, horizon, draws, seed, vintage rule, variables
 * @returns scored points (ordered by variable, cutoff, horizon, law) and what was skipped
 * @see Tashman (2000) IJF 16:437–450; Hyndman & Athanasopoulos (2021) FPP3 §5.10; Gneiting & Raftery (2007) JASA 102:359–378.
 * @example runBacktest(model, data, { laws: ['compound'], horizon: 3, draws: 2000, seed: 1 }).points[0].cutoff; // => 2019
 */
export function runBacktest(model: ModelSpec, data: DataSet, options: BacktestOptions): BacktestResult {
  const points: BacktestPoint[] = [];
  const skipped: BacktestSkip[] = [];
  const chosen = model.variables.filter((spec) => options.variables === undefined || options.variables.includes(spec.name));
  for (const spec of chosen) {
    if (spec.law === 'formula' || spec.formula !== undefined || spec.series === undefined) {
      skipped.push({ variable: spec.name, law: '', reason: 'no series of its own (a formula or an assumption): nothing to backtest' });
      continue;
    }
    const ownRows = data.observations.filter((o) => o.series === spec.series && o.kind === 'observed');
    const actuals = levelsByYear(ownRows);
    const actualBasis = basisByYear(ownRows);
    const years = [...actuals.keys()].sort((a, b) => a - b);
    if (years.length < MINIMUM_LEVELS) {
      skipped.push({ variable: spec.name, law: '', reason: `${years.length} full-year level(s) of ${spec.series} (${years.join(', ') || 'none'}): a backtest needs at least ${MINIMUM_LEVELS}` });
      continue;
    }
    for (let cutoff = years[0] + 2; cutoff <= years[years.length - 1] - 1; cutoff += 1) {
      const known = dataAtCutoff(data, cutoff, options.vintage ?? 'dated');
      const own = observed(known, spec.series);
      const benchmark = benchmarks(levelsByYear(own));
      const later = years.filter((year) => year > cutoff && year <= cutoff + options.horizon);
      if (later.length === 0) continue;
      const forecasts = new Map<GrowthLawName, { baseYear: number; columns: readonly Float64Array[] }>();
      for (const name of options.laws) {
        try {
          forecasts.set(name, forecastAt(spec, known, name, cutoff + options.horizon, options));
        } catch (error) {
          if (!(error instanceof ModelError)) throw error;
          skipped.push({ variable: spec.name, law: name, cutoff, reason: error.message.replace(/^\S+ \(law \w+\): /, '') });
        }
      }
      for (const year of later) {
        for (const [name, forecast] of forecasts) {
          // A forecast from a level on one basis is never scored against an actual on another (a series break).
          const baseBasis = basisByYear(own).get(forecast.baseYear);
          if (actualBasis.get(year) !== baseBasis) {
            skipped.push({ variable: spec.name, law: name, cutoff, reason: backtestMessages.acrossBreak(year, spec.series, actualBasis.get(year) ?? year, forecast.baseYear) });
            continue;
          }
          const step = year - forecast.baseYear;
          const column = forecast.columns[step - 1];
          const quantile = (p: number) => sortedSampleQuantile(column, p);
          const actual = actuals.get(year)!;
          const [lower80, upper80, lower95, upper95] = [quantile(0.1), quantile(0.9), quantile(0.025), quantile(0.975)];
          points.push({
            variable: spec.name,
            series: spec.series,
            law: name,
            cutoff,
            vintageDate: vintageDate(cutoff),
            baseYear: forecast.baseYear,
            year,
            horizon: year - cutoff,
            actual,
            point: quantile(0.5),
            lower80,
            upper80,
            lower95,
            upper95,
            naive: benchmark.naive(year),
            drift: benchmark.drift(year),
            maseScale: benchmark.scale,
            crps: crpsFromDraws(Array.from(column), actual),
            winkler80: winklerScore([actual], [lower80], [upper80], 0.8),
            winkler95: winklerScore([actual], [lower95], [upper95], 0.95),
          });
        }
      }
    }
  }
  return { points, skipped };
}

/** Observed rows of one series. */
function observed(data: DataSet, series: string): Observation[] {
  return data.observations.filter((o) => o.series === series && o.kind === 'observed');
}

/** FY point levels (exact or approx; the newest vintage of each year) by year. */
function levelsByYear(observations: readonly Observation[]): Map<number, number> {
  return new Map(yearLevels(observations).points.map((level) => [level.year, level.value]));
}

/** The basis (data/series.csv `breaks`) of each year's level. */
function basisByYear(observations: readonly Observation[]): Map<number, number | undefined> {
  return new Map(yearLevels(observations).points.map((level) => [level.year, level.observation.basis]));
}

/** Naive, drift and the MASE scale from the FY levels known at a cutoff. */
function benchmarks(known: ReadonlyMap<number, number>) {
  const years = [...known.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  const slope = years.length >= 2 ? (known.get(last)! - known.get(first)!) / (last - first) : 0;
  let total = 0;
  let pairs = 0;
  for (let i = 1; i < years.length; i += 1) {
    if (years[i] !== years[i - 1] + 1) continue;
    total += Math.abs(known.get(years[i])! - known.get(years[i - 1])!);
    pairs += 1;
  }
  return {
    naive: (_year: number) => (last === undefined ? Number.NaN : known.get(last)!),
    drift: (year: number) => (last === undefined ? Number.NaN : known.get(last)! + slope * (year - last)),
    scale: pairs > 0 ? total / pairs : Number.NaN,
  };
}

/**
 * Calibrates one law on the data known at a cutoff as the engine does (own series and growthSeries,
 * calibrate.from/to, the model's params when the law is the variable's own, its start) and draws its
 * path up to `lastYear`.
 * @returns the base year and the sorted draws of each year after it
 * @throws ModelError when the law cannot calibrate on what was known
 */
export function forecastAt(spec: VariableSpec, known: DataSet, name: GrowthLawName, lastYear: number, options: Pick<BacktestOptions, 'draws' | 'seed'>) {
  const law = laws[name];
  const fixed = name === spec.law ? spec.params : {};
  const calibration = law.calibrate({
    variable: spec.name,
    observations: observed(known, spec.series!),
    growthEvidence: spec.growthSeries.flatMap((series) => observed(known, series)),
    fromYear: spec.calibrateFrom,
    toYear: spec.calibrateTo,
    fixed,
    start: spec.start,
  });
  const forecast = lawForecastDraws(law, calibration, {
    horizon: lastYear - calibration.baseYear,
    draws: options.draws,
    seed: options.seed,
    variable: spec.name,
    fixed,
  });
  return { baseYear: calibration.baseYear, columns: forecast.draws };
}
