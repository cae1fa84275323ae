// CRPS approximated from predictive quantiles, as twice the mean quantile (pinball) loss.

/**
 * CRPS(F, y) = 2 ∫₀¹ QS_p(F⁻¹(p), y) dp with the pinball loss QS_p(q, y) = (1[y < q] − p)(q − y);
 * approximated by the average over the given probability levels (use an even grid such as
 * p = 0.01, 0.02, …, 0.99).
 *
 * @param quantiles predictive quantiles q_1..q_m at `probabilities`
 * @param probabilities levels p_1..p_m in (0, 1), same length
 * @param actual the observed value y
 * @returns the approximate CRPS (units of the series)
 * @throws Error when lengths differ or are zero
 * @see Gneiting & Raftery (2007) JASA 102:359–378, eq. (44); Laio & Tamea (2007) HESS 11:1267–1277.
 * @example crpsFromQuantiles([1, 3], [0.25, 0.75], 2); // => 0.5
 */
export function crpsFromQuantiles(quantiles: readonly number[], probabilities: readonly number[], actual: number): number {
  if (quantiles.length === 0 || quantiles.length !== probabilities.length) {
    throw new Error(`crpsFromQuantiles quantiles and probabilities must have the same non-zero length, got ${quantiles.length} and ${probabilities.length}`);
  }
  let total = 0;
  for (let i = 0; i < quantiles.length; i += 1) {
    const q = quantiles[i];
    const p = probabilities[i];
    total += ((actual < q ? 1 : 0) - p) * (q - actual);
  }
  return (2 * total) / quantiles.length;
}
