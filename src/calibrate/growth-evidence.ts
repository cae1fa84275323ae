// Every piece of growth evidence in a variable's data: level ratios, full-year yoy and partial-year yoy.
import type { Observation } from '../data/types.js';
import { ModelError } from '../errors/model-error.js';
import type { CalibrationInput, EvidenceItem, LawName } from '../laws/law.js';
import { approxBand, estimateBand } from '../data/figure-bands.js';
import { priorVolatility } from './calibration-constants.js';
import { calibrationMessages, calibrationNotes } from './calibration-messages.js';
import { describePeriod } from './describe-period.js';
import { weakGrades, yearLevels, type YearLevel } from '../data/year-levels.js';

/** One growth sample: the average log growth per year over `years` years ending in `year`. */
export interface GrowthSample {
  readonly series: string;
  /** Last year the growth covers. */
  readonly year: number;
  /** Years covered: 1 for a yearly growth, k for a ratio of levels k years apart. */
  readonly years: number;
  /** Average growth per year over the span, in log points: ln(V_b / V_a) / k or ln(1 + yoy). */
  readonly value: number;
  /** Precision weight in years of evidence: k for a ratio, months/12 for a partial year, less for approx figures. */
  readonly weight: number;
  /** `levels` (ratio of full-year levels), `yoy` (full-year yoy) or `partialYoy`. */
  readonly kind: 'levels' | 'yoy' | 'partialYoy';
  /** True for the variable's own series, false for a series of `growthEvidence`. */
  readonly own: boolean;
}

/**
 * A growth known only to lie in [lower, upper] (average log growth per year over `years` years ending
 * in `year`; one side infinite for a one-sided bound): what a bound says about growth. Read by the
 * compound law's censored likelihood (censoredGrowthPosterior); the other laws use points only.
 */
export interface CensoredGrowthSample {
  readonly series: string;
  readonly year: number;
  readonly years: number;
  /** Lowest average log growth per year the record allows (−Infinity when it sets none). */
  readonly lower: number;
  /** Highest average log growth per year the record allows (+Infinity when it sets none). */
  readonly upper: number;
  /** Precision weight in years, as for a point: k for levels k years apart, months/12 for a partial year. */
  readonly weight: number;
  readonly kind: 'levels' | 'yoy' | 'partialYoy';
  readonly own: boolean;
}

/**
 * Samples (sorted by series, then year), the evidence items behind them, and notes; censored samples
 * (bounds) and their evidence items apart, for the laws that read them.
 */
export interface GrowthEvidence {
  readonly samples: readonly GrowthSample[];
  readonly evidence: readonly EvidenceItem[];
  readonly censored: readonly CensoredGrowthSample[];
  readonly censoredEvidence: readonly EvidenceItem[];
  readonly notes: readonly string[];
}

/** Variance, in log points², of a figure drawn uniformly within ±approxBand of itself. */
const approxVariance = approxBand ** 2 / 3;

/** Variance, in log points², of an estimate drawn uniformly within ±estimateBand of itself. */
const estimateVariance = estimateBand ** 2 / 3;

/**
 * Collects growth samples (log points per year) from all the evidence, year window [fromYear, toYear]
 * applied to each observation's year:
 * 1. full-year yoy (`FY`, or a December stock): g = ln(1 + yoy), weight 1;
 * 2. consecutive full-year point levels of one series k years apart: g = ln(V_b / V_a) / k, weight k —
 *    unless a full-year yoy is reported for a year of the span: the reported yoy is preferred
 *    (statistical bureaus compute yoy on comparable firms) and the ratio is not used; and never
 *    across a break of the series (levels on different bases, data/series.csv `breaks`);
 * 3. partial-year yoy (`Q1`, `H1`, `Q1-Q3`, `M1-M10`, …) for a year whose full-year growth is not
 *    known from 1 or 2: g = ln(1 + yoy), weight months / 12; of several, the longest period is kept.
 * Bounds (atLeast / atMost levels, or a bounded yoy without a level) are never points, always noted;
 * they become **censored samples** where no point speaks for their years:
 * 4. a bounded yoy (增长超过10%, atLeast / atMost without a level): g ≥ ln(1 + yoy) (or ≤), weight 1
 *    (months / 12 for a partial year; of several for one year, the full year, then the longest period);
 * 5. own series only: two consecutive full-year levels of which one or both are bounds, k years apart:
 *    g ∈ [ln(lo_b / hi_a) / k, ln(hi_b / lo_a) / k], weight k, where a year's level lies in [lo, hi]
 *    (exact [v, v]; approx and estimates their ±band; atLeast [v, ∞); atMost [0, v]) — a side
 *    that is infinite stays open (≥ 2500 then ≈ 3500 bounds the growth from above only); two bounds
 *    on the same side say nothing and are noted;
 *    not across a break, and not when a reported full-year yoy covers a year of the span (as 2).
 *    A censored sample is dropped (noted) when a year it covers already has a point sample.
 * `approx` figures are points with the variance of a ±3% band, τ², which discounts the
 * weight to w / (1 + w·τ²/σ0²) (σ0 = priorVolatility); estimates (kind `estimate`) likewise with
 * their ±10% band (estimateBand). `growthEvidence` series give growth only,
 * and only through their published rates (1 and 3): their level ratios are not used, because a
 * related series' published levels often change scope or firm set between years (each year's
 * level is a new set of firms; the published yoy compares like with like).
 * Reference: BDA3 §14.7 (known unequal variances as precision weights); data/README.md (qualifiers).
 * @param input the calibration input (own observations, growth evidence, year window)
 * @param law the law being calibrated, for messages
 * @returns samples, evidence items, censored samples and their evidence items, and notes
 * @throws ModelError when a level used for a ratio is not positive or a yoy is −100% or less
 * @example
 * // levels 100, 110, 121 (FY 2020–2022) → two samples of ln 1.1 = 0.09531017980432493, weight 1 each
 * collectGrowthEvidence(input, 'compound').samples.map((s) => s.value);
 */
export function collectGrowthEvidence(
  input: Pick<CalibrationInput, 'variable' | 'observations' | 'growthEvidence' | 'fromYear' | 'toYear'>,
  law: LawName,
): GrowthEvidence {
  const inWindow = (o: Observation) =>
    (input.fromYear === undefined || o.year >= input.fromYear) && (input.toYear === undefined || o.year <= input.toYear);
  const ownSeries = new Set(input.observations.map((o) => o.series));
  const bySeries = new Map<string, Observation[]>();
  for (const observation of [...input.observations, ...input.growthEvidence]) {
    if (!inWindow(observation)) continue;
    bySeries.set(observation.series, [...(bySeries.get(observation.series) ?? []), observation]);
  }
  const samples: GrowthSample[] = [];
  const evidence: EvidenceItem[] = [];
  const censored: CensoredGrowthSample[] = [];
  const censoredEvidence: EvidenceItem[] = [];
  const notes: string[] = [];
  for (const series of [...bySeries.keys()].sort()) {
    const found = seriesEvidence(bySeries.get(series)!, ownSeries.has(series), input.variable, law);
    samples.push(...found.samples);
    evidence.push(...found.evidence);
    censored.push(...found.censored);
    censoredEvidence.push(...found.censoredEvidence);
    notes.push(...found.notes);
  }
  return { samples, evidence, censored, censoredEvidence, notes };
}

function seriesEvidence(rows: readonly Observation[], own: boolean, variable: string, law: LawName): GrowthEvidence {
  const series = rows[0].series;
  const samples: GrowthSample[] = [];
  const evidence: EvidenceItem[] = [];
  const levels = yearLevels(rows);
  const notes: string[] = [...levels.notes];
  for (const bound of levels.bounds) notes.push(calibrationNotes.boundNotPoint(bound.observation, bound.qualifier));

  const add = (sample: GrowthSample, description: string) => {
    samples.push(sample);
    evidence.push({ year: sample.year, description, value: sample.value, weight: sample.weight, series: sample.series });
  };

  // 1. Full-year and partial-year yoy, by year; bounded growth without a level is censored. A growth
  //    graded low or low-medium is used only when no better-graded growth of that year is on record
  //    (the rule the level of a year follows: src/data/year-levels.ts).
  const fullYoy = new Map<number, Observation[]>();
  const partialYoy = new Map<number, { observation: Observation; months: number }[]>();
  const boundedYoy = new Map<number, { observation: Observation; months: number }[]>();
  const wellGradedYears = new Set(rows.filter((o) => o.yoy !== undefined && !weakGrades.includes(o.confidence)).map((o) => o.year));
  for (const observation of rows) {
    if (observation.yoy === undefined) continue;
    if (weakGrades.includes(observation.confidence) && wellGradedYears.has(observation.year)) {
      notes.push(calibrationNotes.weakGrowthSkipped(observation));
      continue;
    }
    const bounded = observation.value === undefined && (observation.qualifier === 'atLeast' || observation.qualifier === 'atMost');
    if (bounded) notes.push(calibrationNotes.boundNotPoint(observation, observation.qualifier));
    if (!(observation.yoy > -1)) throw new ModelError(variable, law, calibrationMessages.impossibleGrowth(observation));
    const period = describePeriod(observation.period);
    const months =
      period.kind === 'fullYear' ? 12 : period.kind === 'partialYear' ? period.months : period.kind === 'stock' ? period.month : 0;
    if (months === 0) {
      if (observation.value === undefined) notes.push(calibrationNotes.unknownPeriod(observation));
      continue;
    }
    if (bounded) boundedYoy.set(observation.year, [...(boundedYoy.get(observation.year) ?? []), { observation, months }]);
    else if (months === 12) fullYoy.set(observation.year, [...(fullYoy.get(observation.year) ?? []), observation]);
    else partialYoy.set(observation.year, [...(partialYoy.get(observation.year) ?? []), { observation, months }]);
  }
  for (const year of [...fullYoy.keys()].sort((a, b) => a - b)) {
    // An outturn's growth before an estimate's, then the newest vintage.
    const observation = [...fullYoy.get(year)!].sort((a, b) => Number(a.kind === 'estimate') - Number(b.kind === 'estimate') || newestFirst(a, b))[0];
    const value = Math.log1p(observation.yoy!);
    add(
      { series, year, years: 1, value, weight: discount(1, yoyVariance(observation)), kind: 'yoy', own },
      `growth ${round(value)} log points from ${observation.period} yoy ${shown(observation.yoy!)} (${series})`,
    );
  }

  // 2. Ratios of consecutive full-year point levels, unless a reported yoy covers part of the span.
  const fullYearKnown = new Set(fullYoy.keys());
  const points = own ? levels.points : [];
  if (!own && levels.points.length > 1) notes.push(calibrationNotes.otherSeriesLevelsNotCompared(series));
  for (let i = 1; i < points.length; i++) {
    const [first, last] = [points[i - 1], points[i]];
    const span = last.year - first.year;
    if (first.observation.basis !== last.observation.basis) {
      notes.push(calibrationNotes.acrossBreak(series, first.year, last.year, last.observation.basis ?? last.year));
      continue;
    }
    const covered: number[] = [];
    for (let year = first.year + 1; year <= last.year; year++) if (fullYoy.has(year)) covered.push(year);
    if (covered.length > 0) {
      const derived = covered.every((year) => fullYoy.get(year)!.every((o) => o.status === 'derived'));
      notes.push(derived ? calibrationNotes.derivedYoyUsed(series, first.year, last.year, covered) : calibrationNotes.yoyPreferred(series, first.year, last.year, covered));
      continue;
    }
    for (const level of [first, last]) {
      if (!(level.value > 0)) throw new ModelError(variable, law, calibrationMessages.nonPositiveLevel(level.observation));
    }
    const value = Math.log(last.value / first.value) / span;
    const variance = (levelVariance(first) + levelVariance(last)) / span ** 2;
    add(
      { series, year: last.year, years: span, value, weight: discount(span, variance), kind: 'levels', own },
      `growth ${round(value)} log points a year from FY levels ${first.year}→${last.year} (${first.value} → ${last.value}, ${series})`,
    );
    for (let year = first.year + 1; year <= last.year; year++) fullYearKnown.add(year);
  }

  // 3. Partial-year yoy for years whose full-year growth is unknown: the longest period only.
  for (const year of [...partialYoy.keys()].sort((a, b) => a - b)) {
    const candidates = [...partialYoy.get(year)!].sort((a, b) => b.months - a.months || newestFirst(a.observation, b.observation));
    if (fullYearKnown.has(year)) {
      for (const { observation } of candidates) notes.push(calibrationNotes.partialSuperseded(series, year, observation.period));
      continue;
    }
    const [{ observation, months }, ...shorter] = candidates;
    for (const other of shorter) {
      notes.push(`${series} ${year} ${other.observation.period} yoy not used: the longer period ${observation.period} is kept`);
    }
    const value = Math.log1p(observation.yoy!);
    add(
      { series, year, years: 1, value, weight: discount(months / 12, yoyVariance(observation)), kind: 'partialYoy', own },
      `growth ${round(value)} log points from ${observation.period} yoy ${shown(observation.yoy!)} (${months} months, ${series})`,
    );
  }
  // 4–5. Censored samples from bounds, only for years no point speaks for.
  const pointYears = new Set(samples.flatMap((sample) => Array.from({ length: sample.years }, (_, i) => sample.year - i)));
  const censored: CensoredGrowthSample[] = [];
  const censoredEvidence: EvidenceItem[] = [];
  const addCensored = (sample: CensoredGrowthSample, description: string) => {
    const covered = Array.from({ length: sample.years }, (_, i) => sample.year - sample.years + 1 + i);
    if (covered.some((year) => pointYears.has(year))) {
      notes.push(calibrationNotes.censoredSuperseded(description, covered.filter((year) => pointYears.has(year))));
      return;
    }
    censored.push(sample);
    censoredEvidence.push({ year: sample.year, description, value: censoredValue(sample), weight: sample.weight, series });
  };
  for (const year of [...boundedYoy.keys()].sort((a, b) => a - b)) {
    const [{ observation, months }] = [...boundedYoy.get(year)!].sort((a, b) => b.months - a.months || newestFirst(a.observation, b.observation));
    const limit = Math.log1p(observation.yoy!);
    const atLeast = observation.qualifier === 'atLeast';
    addCensored(
      { series, year, years: 1, lower: atLeast ? limit : -Infinity, upper: atLeast ? Infinity : limit, weight: months / 12, kind: months === 12 ? 'yoy' : 'partialYoy', own },
      `growth ${atLeast ? '≥' : '≤'} ${round(limit)} log points (censored) from ${observation.period} yoy ${atLeast ? '≥' : '≤'} ${shown(observation.yoy!)} (${series})`,
    );
  }
  if (own) {
    const readings = levelIntervals([...levels.points, ...levels.bounds]);
    for (let i = 1; i < readings.length; i++) {
      const [first, last] = [readings[i - 1], readings[i]];
      if (first.points.length > 0 && last.points.length > 0) continue; // two points: rule 2
      const span = last.year - first.year;
      const described = `FY levels ${first.year}→${last.year} (${first.shown} → ${last.shown}, ${series})`;
      if (first.basis !== last.basis) {
        notes.push(calibrationNotes.acrossBreak(series, first.year, last.year, last.basis ?? last.year));
        continue;
      }
      const covered: number[] = [];
      for (let year = first.year + 1; year <= last.year; year++) if (fullYoy.has(year)) covered.push(year);
      if (covered.length > 0) {
        notes.push(calibrationNotes.yoyPreferred(series, first.year, last.year, covered));
        continue;
      }
      const lower = Math.log(last.low / first.high) / span;
      const upper = Math.log(last.high / first.low) / span;
      if (!Number.isFinite(lower) && !Number.isFinite(upper)) {
        notes.push(calibrationNotes.boundsSayNothing(described));
        continue;
      }
      const text = Number.isFinite(lower) && Number.isFinite(upper)
        ? `growth in [${round(lower)}, ${round(upper)}]`
        : Number.isFinite(lower) ? `growth ≥ ${round(lower)}` : `growth ≤ ${round(upper)}`;
      addCensored({ series, year: last.year, years: span, lower, upper, weight: span, kind: 'levels', own }, `${text} log points a year (censored) from ${described}`);
    }
  }
  samples.sort((a, b) => a.year - b.year || a.years - b.years);
  evidence.sort((a, b) => a.year - b.year);
  return { samples, evidence, censored, censoredEvidence, notes };
}

/** A year's level as an interval [low, high] of what the record allows, with its basis and how it reads. */
interface LevelInterval {
  readonly year: number;
  readonly low: number;
  readonly high: number;
  readonly basis: number | undefined;
  readonly points: readonly YearLevel[];
  readonly shown: string;
}

/**
 * The level of each year as an interval: an exact point [v, v]; approx [v(1 − approxBand), v(1 + approxBand)];
 * an estimate ±estimateBand; atLeast [v, ∞); atMost [0, v]; a year with both bounds, their intersection.
 */
function levelIntervals(readings: readonly YearLevel[]): LevelInterval[] {
  const byYear = new Map<number, YearLevel[]>();
  for (const reading of readings) byYear.set(reading.year, [...(byYear.get(reading.year) ?? []), reading]);
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, levels]) => {
      let low = 0;
      let high = Infinity;
      for (const level of levels) {
        const band = level.kind === 'estimate' ? estimateBand : level.qualifier === 'approx' ? approxBand : 0;
        if (level.qualifier !== 'atMost') low = Math.max(low, level.value * (1 - band));
        if (level.qualifier !== 'atLeast') high = Math.min(high, level.value * (1 + band));
      }
      const points = levels.filter((level) => level.qualifier === 'exact' || level.qualifier === 'approx');
      const shown = levels.map((level) => `${level.kind === 'estimate' ? 'estimate ' : ''}${level.qualifier} ${level.value}`).join(' & ');
      return { year, low, high, basis: levels[0].observation.basis, points, shown };
    });
}

/** The figure an evidence item shows for a censored sample: its finite limit, or the middle of a two-sided one. */
function censoredValue(sample: CensoredGrowthSample): number {
  if (Number.isFinite(sample.lower) && Number.isFinite(sample.upper)) return (sample.lower + sample.upper) / 2;
  return Number.isFinite(sample.lower) ? sample.lower : sample.upper;
}

/** Weight w of a sample whose value carries extra variance τ²: w / (1 + w·τ²/σ0²). */
function discount(weight: number, variance: number): number {
  return weight / (1 + (weight * variance) / priorVolatility ** 2);
}

function levelVariance(level: YearLevel): number {
  return level.kind === 'estimate' ? estimateVariance : level.qualifier === 'approx' ? approxVariance : 0;
}

/**
 * An approx yoy: ±3% band on the rate itself, in log points (÷ (1 + yoy)); an estimated yoy (read
 * from an estimate of the year's level): the estimate's ±10% band on the level, in log points.
 */
function yoyVariance(observation: Observation): number {
  if (observation.kind === 'estimate') return estimateVariance;
  if (observation.qualifier !== 'approx' || observation.value !== undefined) return 0;
  const yoy = observation.yoy!;
  return approxVariance * (yoy / (1 + yoy)) ** 2;
}

function newestFirst(a: Observation, b: Observation): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return b.line - a.line;
}

/** A reported figure without binary noise: 0.14800000000000002 → 0.148. */
function shown(value: number): number {
  return Number(value.toPrecision(12));
}

function round(value: number): string {
  return value.toFixed(4);
}
