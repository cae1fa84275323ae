// One bar of a tornado chart: how far one input moves one target's probability in one scenario.

/**
 * The result of swinging one input between its low and high values, others held at baseline.
 * `low` and `high` are the probabilities (0–1) that the target is met with the input at its low
 * and high value; `swingProbability` is |high − low|, by which inputs are ranked.
 */
export interface SensitivityRow {
  readonly scenario: string;
  /** Target id. */
  readonly target: string;
  /** The input swung, e.g. `aiCoreIndustry.growth`. */
  readonly input: string;
  readonly low: number;
  readonly high: number;
  readonly swingProbability: number;
  /** P(met) with every input as in the scenario (sensitivity.csv `baselineProbability`), when known. */
  readonly baseline?: number;
  /** `lower` / `upper` when the probabilities bound the target's own (a proxy: sensitivity.csv `probabilityMetBound`). */
  readonly bound?: 'lower' | 'upper';
}
