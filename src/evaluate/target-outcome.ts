// One target's per-draw outcome in one run: what planners pair across scenarios (compare) and rank inputs by (sensitivity).

export interface TargetOutcome {
  readonly target: string;
  /** The judged quantity per draw (level, smallest yearly growth, CAGR, sum, …); NaN where the target year was not reached. */
  readonly values: Float64Array;
  /** 1 when the draw meets the target, else 0. */
  readonly met: Uint8Array;
}
