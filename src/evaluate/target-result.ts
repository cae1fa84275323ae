// The verdict on one target in one scenario (one row of targets.csv plus its first-passage curve).
import type { Target } from '../data/types.js';
import type { TargetStatus } from './target-status.js';

/** The quantity a target is judged on, per draw. */
export type JudgedQuantity = 'level' | 'minimumGrowth' | 'cagr' | 'cumulative';

export interface TargetResult {
  readonly target: Target;
  readonly variable: string;
  /** Unit of p05/p50/p95 and gap: the variable's unit, `rate` for growth, `count` for cumulative. */
  readonly unit: string;
  readonly judged: JudgedQuantity;
  readonly draws: number;
  /** Share of draws meeting the target. */
  readonly probabilityMet: number;
  /** Monte Carlo standard error of probabilityMet: sqrt(p(1−p)/draws). */
  readonly probabilityMetSe: number;
  /** Share of draws short of the lower bound (a shortfall). */
  readonly probabilityBelow: number;
  /** Share of draws past the upper bound (an overshoot of a range, or a breach of a ceiling). */
  readonly probabilityAbove: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  /** Signed margin of the median over the nearest bound (negative: short of it), in `unit`. */
  readonly gap: number;
  /** gap as a percentage of that bound. */
  readonly gapPercent: number;
  /** Constant growth from the last full-year observation that reaches the bound in the target year. */
  readonly requiredCagr: number;
  /** Median over draws of the scenario's own growth rate from the base year to the target year. */
  readonly assumedCagr: number;
  /** Growth over the series' full-year history (first to last level). */
  readonly historicalCagr: number;
  /** First year whose median meets the target (level, share, cumulative); undefined if none by the horizon. */
  readonly firstYearMedianMeets?: number;
  readonly status: TargetStatus;
  /** Probability the target has been met by each year (level, share and cumulative targets). */
  readonly firstPassage: readonly { readonly year: number; readonly probability: number }[];
  readonly notes: readonly string[];
}
