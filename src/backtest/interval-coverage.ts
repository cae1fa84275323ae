// Share of observations that fall inside their prediction intervals.

/**
 * Coverage = (1/m) Σ_i 1[lower_i ≤ y_i ≤ upper_i] (bounds inclusive).
 *
 * @param actual observed values
 * @param lower lower interval bounds, same length
 * @param upper upper interval bounds, same length
 * @returns the fraction covered, in [0, 1]
 * @throws Error when the lengths differ or are zero
 * @see Gneiting & Raftery (2007) Strictly proper scoring rules, prediction, and estimation. JASA 102:359–378, §6.2.
 * @example intervalCoverage([1, 5, 9, 4], [0, 0, 0, 0], [4, 4, 10, 10]); // => 0.75
 */
export function intervalCoverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  if (actual.length === 0 || lower.length !== actual.length || upper.length !== actual.length) {
    throw new Error(`intervalCoverage actual, lower and upper must have the same non-zero length, got ${actual.length}, ${lower.length}, ${upper.length}`);
  }
  let inside = 0;
  for (let i = 0; i < actual.length; i += 1) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside += 1;
  return inside / actual.length;
}
