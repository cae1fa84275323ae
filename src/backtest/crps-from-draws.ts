// Continuous ranked probability score of a sample (ensemble) forecast.

/**
 * CRPS(F, y) = E|X − y| − ½ E|X − X'| for X, X' drawn from the forecast, computed exactly for the
 * empirical distribution of the draws in O(m log m) with the sorted-sample identity
 * E|X − X'| = (2/m²) Σ_i (2i − m − 1) x_(i). Lower is better; units of the series.
 *
 * @param draws sample from the predictive distribution (m ≥ 1)
 * @param actual the observed value y
 * @returns the CRPS of the empirical forecast distribution
 * @throws Error when there are no draws
 * @see Gneiting & Raftery (2007) JASA 102:359–378, eq. (20); Jordan, Krüger & Lerch (2019) scoringRules, J. Stat. Softw. 90(12), eq. (3).
 * @example crpsFromDraws([1, 3], 2); // => 0.5
 */
export function crpsFromDraws(draws: readonly number[], actual: number): number {
  const m = draws.length;
  if (m === 0) throw new Error('crpsFromDraws draws must not be empty, got []');
  const sorted = Float64Array.from(draws).sort();
  let absoluteError = 0;
  let spread = 0;
  for (let i = 0; i < m; i += 1) {
    absoluteError += Math.abs(sorted[i] - actual);
    spread += (2 * (i + 1) - m - 1) * sorted[i];
  }
  return absoluteError / m - spread / (m * m);
}
