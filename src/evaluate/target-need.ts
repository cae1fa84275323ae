// What one target asks of the future, measured from the latest record (`forecast targets`, required paths, targets.csv).
import type { Qualifier, Target } from '../data/types.js';

/** The latest full-year level before a target's year, as the record gives it (an outturn, else an estimate). */
export interface LatestLevel {
  readonly year: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  /** `observed` (an outturn) or `estimate` (a preliminary estimate of a year whose outturn is not on record yet). */
  readonly kind: 'observed' | 'estimate';
  readonly source: string;
}

/** What one target needs, measured from the record. Levels are in the series' unit (or the target's, without one). */
export interface TargetNeed {
  readonly target: Target;
  /** The latest full-year level before the target year (absent when the record has none). */
  readonly latest?: LatestLevel;
  /** The bound the need is measured against (the commitment, else the ceiling), in `thresholdUnit`. */
  readonly threshold?: number;
  readonly thresholdUnit: string;
  /** Years from the latest level to the target year (cumulative: years left to count). */
  readonly years?: number;
  /**
   * level / share: (threshold / latest)^(1 / years) − 1; growth kinds: the floor itself. A fraction
   * per year. From a lower-bound latest level it is an upper bound on what is really needed.
   */
  readonly requiredCagr?: number;
  /** cumulative: the flow on record in baseYear+1 … the latest year. */
  readonly counted?: number;
  /** cumulative: (commitment − counted) / years left, per year (≤ 0: the commitment is already met). */
  readonly requiredPerYear?: number;
  /** cumulative with a ceiling: ceiling − counted, what the ceiling still allows. */
  readonly room?: number;
}
