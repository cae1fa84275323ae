// Skill of a forecast relative to a benchmark (naive, drift, …) on any lower-is-better score.

/**
 * Skill = 1 − score / benchmarkScore: 0 = as good as the benchmark, 1 = perfect, negative = worse.
 *
 * @param score the method's score (sMAPE, MASE, CRPS, …; lower is better)
 * @param benchmarkScore the benchmark's score on the same data (> 0)
 * @returns the skill score (unitless)
 * @throws Error when the benchmark score is not positive
 * @see Murphy (1988) Skill scores based on the mean square error. Monthly Weather Review 116:2417–2424.
 * @example skillScore(15, 20); // => 0.25
 */
export function skillScore(score: number, benchmarkScore: number): number {
  if (!(benchmarkScore > 0)) throw new Error(`skillScore benchmarkScore must be positive, got ${benchmarkScore}`);
  return 1 - score / benchmarkScore;
}
