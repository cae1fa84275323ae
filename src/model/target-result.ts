// A projection's verdict on one target in one scenario (the projected part of a targets.csv row, and its first-passage curve).
import type { Observation, Target } from '../data/types.js';
import type { ProjectedStatus } from '../evaluate/target-status.js';

export interface TargetResult {
  /** The target, bounds in the judged variable's unit (`writtenUnit` keeps the unit it was written in). */
  readonly target: Target;
  readonly variable: string;
  /** Unit of p05/p50/p95 and gap: the variable's unit, or `rate` (a fraction per year) for growth kinds. */
  readonly unit: string;
  /** The per-draw quantity judged, as the kind names it: `level`, `minimumGrowth`, `cagr`, `cumulative`, … */
  readonly judged: string;
  readonly draws: number;
  /** Share of draws meeting the target (the commitment, and the ceiling where there is one). */
  readonly probabilityMet: number;
  /** Monte Carlo standard error of probabilityMet: sqrt(p(1−p)/draws). */
  readonly probabilityMetSe: number;
  /** Share of draws short of the commitment. */
  readonly probabilityBelow: number;
  /**
   * Share of draws above the upper figure: past an aspiration, or past an approx target's x(1 + t)
   * (exceeding it: never a miss), or past a ceiling (a breach: a miss).
   */
  readonly probabilityAbove: number;
  /** Share of draws at or past the aspiration, P(quantity ≥ aspiration); NaN without one. */
  readonly probabilityAspiration: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  /** Signed margin of the median over the nearest bound (negative: short of it), in `unit` (rates: a fraction, i.e. points / 100). */
  readonly gap: number;
  /** gap as a fraction of that bound (level kinds); NaN for growth kinds, whose gap is already in points. */
  readonly gapRelative: number;
  /** Constant growth from the last full-year observation that reaches the bound in the target year; the floor for growth kinds. */
  readonly requiredCagr: number;
  /** Median over draws of the scenario's own growth rate from the base year to the target year. */
  readonly assumedCagr: number;
  /** Growth over the series' full-year history (first to last level). */
  readonly historicalCagr: number;
  /** First year in which at least half the draws meet the target (the median meets it); undefined if none by the horizon. */
  readonly firstYearMedianMeets?: number;
  readonly status: ProjectedStatus;
  /** Probability the target has been met by each year (kinds that track passage). */
  readonly firstPassage: readonly { readonly year: number; readonly probability: number }[];
  /**
   * When the record bounds the variable's level in the target year without settling it (a part of
   * the year, a "突破" figure): the interval the draws were conditioned on, how many of them lie in
   * it (the shares, quantiles and standard error above are over those draws only), the rows and the
   * words. First passage stays over every draw.
   */
  readonly conditioned?: { readonly low: number; readonly high: number; readonly draws: number; readonly text: string; readonly rows: readonly Observation[] };
  readonly notes: readonly string[];
}
