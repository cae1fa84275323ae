// The facts the engine runs on: observations, sources, series and official targets (contract types).

/** How a figure relates to the true value: 接近/近/约 → approx; 突破/超过/> → atLeast; 不到/< → atMost. */
export type Qualifier = 'exact' | 'approx' | 'atLeast' | 'atMost';

/** `reported`: as published; `derived`: computed by us from reported figures (arithmetic kept). */
export type ObservationStatus = 'reported' | 'derived';

/**
 * `observed`: an outturn, a reading of the past; `estimate`: a preliminary estimate of a period that
 * has ended or is ending (预计/初步估算/有望), made before its outturn is published — it stands for
 * the period only while no outturn of that period is on record, and is drawn with the wider
 * `estimateBand`; `externalForecast`: a projection made by others, quoted in a report (never
 * calibrated on).
 */
export type ObservationKind = 'observed' | 'estimate' | 'externalForecast';

/**
 * How far a figure can be trusted, by its source (the reference sheets' scale, highest first):
 * `high` a statistics bureau or government page, or one figure on two independent copies of an
 * official release; `medium` mainstream media quoting an official, usually via a mirror; `low` an
 * aggregator or research-firm page, unclear scope, a garbled mirror or a translation without the
 * Chinese original; the intermediate grades sit between. A derived figure is graded below the
 * figures it is computed from. Rules and the grade of every source: data/README.md.
 */
export type Confidence = 'high' | 'medium-high' | 'medium' | 'medium-low' | 'low-medium' | 'low';

/** One reported figure of one series (one row of data/observations.csv, after checking). */
export interface Observation {
  readonly series: string;
  readonly region: string;
  /** The series' canonical unit; `value` has been converted to it (e.g. 2.2万亿元 → 22000亿元). */
  readonly unit: string;
  /** `FY`, `Q1`, `H1`, `Q1-Q3`, `M1-M10`, … or a stock date `YYYY-MM` / `YYYY-MM-DD`. */
  readonly period: string;
  readonly year: number;
  /** Level in `unit`; absent when only the growth was published. */
  readonly value?: number;
  /** Year-on-year growth as a fraction (0.177 for +17.7%) against the same period a year before. */
  readonly yoy?: number;
  readonly qualifier: Qualifier;
  readonly status: ObservationStatus;
  /** For derived rows: the arithmetic, e.g. `12759 / 0.64`. */
  readonly derivation?: string;
  readonly kind: ObservationKind;
  /** The source's grade (data/README.md, "Confidence"). */
  readonly confidence: Confidence;
  /**
   * The first year of the series' basis this figure is on: the latest break of the series at or
   * before `year` that applies to it (a break dated `publishedFrom` applies only to figures published
   * from then on), data/series.csv `breaks`; undefined before the series' first break. Levels of
   * different bases are never compared (no growth is read across a break).
   */
  readonly basis?: number;
  readonly source: string;
  /** Publication date `YYYY-MM-DD` (or `YYYY-MM`): what `asOf` filters on. */
  readonly published: string;
  readonly quote: string;
  readonly note?: string;
  /** Where the row came from, for messages. */
  readonly file: string;
  readonly line: number;
}

/**
 * A break in a series: from `year` on, its figures are on a new basis (a census revision, a new list
 * definition). With `publishedFrom`, only figures published on or after that date are on the new
 * basis: a preliminary figure of a year ≥ `year` published before the revision stays on the old one.
 */
export interface SeriesBreak {
  readonly year: number;
  /** `YYYY-MM-DD` or `YYYY-MM`: the date the new basis was first published. */
  readonly publishedFrom?: string;
  readonly reason: string;
}

/** One series: all observations of one quantity in one scope (never splice scopes). */
export interface SeriesInfo {
  readonly id: string;
  readonly region: string;
  readonly scope: string;
  readonly unit: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly description: string;
  /** Years from which the series is on a new basis, ascending, each with its reason (data/series.csv `breaks`). */
  readonly breaks: readonly SeriesBreak[];
}

/** One source document (data/sources.csv). */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  /** Seed file name (e.g. `000_935f956c4d03ec71.txt`) or web address. */
  readonly location: string;
}

/**
 * The name of a target kind: `level`, `share`, `growthEachYear`, `cagr`, `cumulative`, or any kind
 * registered in src/evaluate/target-kinds/registry.ts (one file per kind).
 */
export type TargetKind = string;

/** One side of a target's range. */
export interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** How the judged variable's scope relates to the target's series (contract A). */
export type TargetProxy = 'narrower' | 'broader';

/**
 * An official numeric goal from a source document, typed as a predicate, as a planner reads it:
 * the commitment (a lower bound, `atLeast` / `above`) decides met or not met; an `aspiration` (the
 * upper figure of a plan range, "5-10家") is reported beside it and exceeding it is never a failure;
 * an upper bound exists only where the text states a ceiling (不超过, 控制在…以内, 以下, 低于);
 * an `approx` target ("2000亿元左右") is met from x(1 − tolerance) on, and exceeding x(1 + tolerance)
 * is reported as exceeding it, not as a miss.
 */
export interface Target {
  readonly id: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Where the target applies: it judges a model variable only of the same region. */
  readonly region: string;
  /** The model variable it judges, when a model projects it (targets of other regions may have none). */
  readonly variable?: string;
  /** The data series it is measured on (its record is judged from this series). */
  readonly series?: string;
  readonly kind: TargetKind;
  /** Target year (level, cumulative, share) or last year of the window (growthEachYear, cagr). */
  readonly year: number;
  /** First year of a growth window (growth from fromYear-1 to fromYear is the first year judged). */
  readonly fromYear?: number;
  /** Cumulative targets count the flow in the years after baseYear up to `year`. */
  readonly baseYear?: number;
  /** The commitment: `atLeast` (inclusive) or `above` (exclusive); for `approx`, x(1 − tolerance) inclusive. */
  readonly lower?: Bound;
  /** A true ceiling: `atMost` (inclusive) or `below` (exclusive), only where the text states one. */
  readonly upper?: Bound;
  /** `approx: x` with its relative `tolerance` (左右/约 targets). */
  readonly approx?: { readonly value: number; readonly tolerance: number };
  /** The upper figure of a plan range (超额完成 beyond it, never a miss): "5-10家" → 10. */
  readonly aspiration?: number;
  /** The judged variable's scope is narrower (a part) or broader than the target's series. */
  readonly proxy?: TargetProxy;
  /** Unit of the bounds: the variable's unit once judged, or `rate` (fractions) for growth targets. */
  readonly unit: string;
  /** The unit the target was written in (万亿元 for "4.8万亿元"): unit conversions keep it, for display. */
  readonly writtenUnit: string;
  readonly source: string;
  /** The passage, verbatim. */
  readonly quote: string;
  /** How the sentence is read: which word decides the comparator, which year, which scope. */
  readonly reading: string;
  readonly note?: string;
  readonly file: string;
  readonly line: number;
}

/** Everything loaded from data/. */
export interface DataSet {
  readonly observations: readonly Observation[];
  readonly series: readonly SeriesInfo[];
  readonly sources: readonly Source[];
  readonly targets: readonly Target[];
}
