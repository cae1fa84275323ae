// The growth-law interface: calibrate from history → parameter distributions; simulate vectorised over draws.
import type { Observation } from '../data/types.js';
import type { Distribution } from '../model/distribution.js';
import type { RandomStream } from '../model/random-stream.js';

export type LawName =
  | 'compound'
  | 'meanReverting'
  | 'dampedTrend'
  | 'logistic'
  | 'gompertz'
  | 'linear'
  | 'poisson'
  | 'negativeBinomial'
  | 'ensemble'
  | 'formula';

/** A parameter a law understands: its name in YAML, what it means, its unit and valid range. */
export interface ParameterInfo {
  readonly name: string;
  readonly description: string;
  /** `rate` (fraction per year), `fraction`, `level` (the variable's unit), `count`, `years`, `ratio`. */
  readonly unit: string;
  /** Hard range: a distribution outside it is refused (spec/parameter-range.ts). */
  readonly min?: number;
  readonly max?: number;
  /**
   * Plausible range [low, high]: a bare number outside it is refused as a likely unit slip (a growth
   * of 25 meant as "25%"); written as a percent ("2500%") it is taken as meant, within [min, max].
   * Every rate declares [−1, 1] (|growth| > 100% a year is never what a bare number means).
   */
  readonly plausible: readonly [number, number];
}

/** What levels a law produces: `positive` (on the log scale), `count` (whole numbers ≥ 0), `any` real number. */
export type LevelDomain = 'positive' | 'count' | 'any';

/** What calibration sees: the variable's level series and any extra growth evidence, already as-of filtered. */
export interface CalibrationInput {
  readonly variable: string;
  /** Observations of the variable's own series (levels and/or yoy), kind `observed` only. */
  readonly observations: readonly Observation[];
  /** Observations of other series named in `calibrate.growthSeries`: their yoy and level ratios inform growth only. */
  readonly growthEvidence: readonly Observation[];
  /** First and last year of evidence to use (inclusive). */
  readonly fromYear?: number;
  readonly toYear?: number;
  /** Parameters fixed or given priors in the model file; calibration must not override these. */
  readonly fixed: Readonly<Record<string, Distribution>>;
  /** Starting point stated in the model when there is no data (explicit, documented assumption). */
  readonly start?: { readonly year: number; readonly value: Distribution };
  /**
   * Whether calibrated bands are floored by the pooled short-series errors (compound: bandFloor in
   * src/calibrate/band-floor.ts). Default true; the yardsticks set false to measure a law's own bands.
   */
  readonly pooledBandFloor?: boolean;
}

/** One piece of evidence used in calibration, for `forecast explain` and the manifest. */
export interface EvidenceItem {
  readonly year: number;
  /** What the item says, e.g. `growth 0.177 from M1-M10 yoy (bj.infosoft.revenue)`. */
  readonly description: string;
  readonly value: number;
  readonly weight: number;
  /** The series the item is read from (a growth series' contribution is checked by it). */
  readonly series?: string;
}

/** The result of calibrating a law: where to start and what each parameter's distribution is. */
export interface Calibration {
  readonly law: LawName;
  /** Last year with a known level: simulation writes years baseYear+1 … horizon. */
  readonly baseYear: number;
  /** Level at baseYear (a band for `approx`, a half-open band for bounds). */
  readonly base: Distribution;
  /** Every parameter the law needs, as a distribution (parameter uncertainty is part of the draw). */
  readonly params: Readonly<Record<string, Distribution>>;
  readonly evidence: readonly EvidenceItem[];
  /** Plain-language notes on choices made (defaults used, bounds treated as censored, …). */
  readonly notes: readonly string[];
}

/** Per-draw inputs of a simulation of one variable. */
export interface LawStartInput {
  readonly draws: number;
  /**
   * Each parameter, one value per draw. The columns are lent for the call only (the simulation
   * reuses them for the next variable): copy what the runtime keeps.
   */
  readonly params: Readonly<Record<string, Float64Array>>;
  /** The variable's own random stream for a named component (e.g. `innovation`). */
  readonly stream: (component: string) => RandomStream;
  /**
   * Columns for the runtime's per-draw state, lent for the block (the simulation hands the same
   * memory to the next block's runtimes): contents unspecified, so the runtime writes every element
   * before reading it. Absent (a runtime started on its own): newColumns, which allocates.
   */
  readonly columns?: BlockColumns;
}

/** Columns of a block's length, lent by the simulation (see LawStartInput.columns). */
export interface BlockColumns {
  float64(length: number): Float64Array;
  float32(length: number): Float32Array;
  int32(length: number): Int32Array;
}

/** Columns newly allocated: a runtime's own state when no columns are lent (`input.columns ?? newColumns`). */
export const newColumns: BlockColumns = {
  float64: (length) => new Float64Array(length),
  float32: (length) => new Float32Array(length),
  int32: (length) => new Int32Array(length),
};

/**
 * A running simulation of one variable. `next(step, level, scratch)` advances `level` in place: it
 * holds the variable's level at baseYear + step − 1 (the base at step 1; never shocked: shocks are
 * applied outside the law) and receives the level at baseYear + step. `scratch` is a column the step
 * may use freely (shared with other variables: nothing in it survives the call).
 */
export interface LawRuntime {
  /**
   * `step` is 1 for baseYear + 1. Called once per year, in order, always with the same `level` column.
   * `rateFactor`, given only to count laws whose rate a shared driver moves, multiplies this year's
   * rate (Poisson λ, negative-binomial μ) draw by draw; level laws never receive it (a driver's
   * growth loading is applied outside the law, as a shock is).
   */
  next(step: number, level: Float64Array, scratch: Float64Array, rateFactor?: Float64Array): void;
}

/** A growth family: one per file in src/laws/. */
export interface Law {
  readonly name: LawName;
  /** The levels it produces: a starting level outside them is refused before the run. */
  readonly levels: LevelDomain;
  /** One sentence with the formula, for `forecast explain` and the README. */
  readonly summary: string;
  readonly parameters: readonly ParameterInfo[];
  /** @throws ModelError when the history cannot support the law (too few points, non-positive levels, …). */
  calibrate(input: CalibrationInput): Calibration;
  start(input: LawStartInput): LawRuntime;
}
