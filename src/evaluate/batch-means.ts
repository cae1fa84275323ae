// Whether a Monte Carlo mean can be reported: its standard error from the means of the run's blocks.

/**
 * Batch-means standard error of the overall mean, from B ≥ 2 batches (blocks) of sizes n_b with
 * sums S_b (N = Σ n_b, M = Σ S_b / N, m_b = S_b / n_b):
 *
 *   σ̂² = Σ_b n_b (m_b − M)² / (B − 1),   se(M) = √(σ̂² / N)
 *
 * For equal batches this is the textbook sd(m_b)/√B. The blocks of a run are independent (each has
 * its own random streams), so no correlation correction is needed. A heavy tail shows here: one
 * block holding an extreme draw moves its block mean, and se(M) grows to the order of M itself.
 * Reference: Asmussen & Glynn, *Stochastic Simulation* (2007), §IV.5 (batch means); the test checks
 * it against R.
 * @param sums the blocks' sums S_b
 * @param counts the blocks' draw counts n_b (> 0)
 * @returns se(M), or NaN with fewer than two blocks (no spread to read)
 * @example batchMeansStandardError(Float64Array.of(2, 4), Float64Array.of(1, 1)); // => 1
 */
export function batchMeansStandardError(sums: Float64Array, counts: Float64Array): number {
  const batches = sums.length;
  if (batches < 2) return Number.NaN;
  let total = 0;
  let draws = 0;
  for (let b = 0; b < batches; b++) {
    total += sums[b];
    draws += counts[b];
  }
  const mean = total / draws;
  let squares = 0;
  for (let b = 0; b < batches; b++) {
    const gap = sums[b] / counts[b] - mean;
    squares += counts[b] * gap * gap;
  }
  return Math.sqrt(squares / (batches - 1) / draws);
}

/**
 * Largest standard error of a reported mean, as a fraction of the draws' 90% range (p95 − p05).
 * A mean known only to within a twentieth of that range says nothing the quantiles do not: its
 * digits are set by the few largest draws (a heavy tail whose mean may not exist), and the row
 * leaves the mean empty instead.
 */
export const meanErrorShareOfRange = 0.05;

/**
 * The mean to report: `mean`, or NaN (an empty cell) when its batch-means standard error exceeds
 * meanErrorShareOfRange of the 90% range. With one block (≤ 4,096 draws) there is no spread to read
 * and the mean is reported as it is.
 * @param spread p95 − p05 of the same draws (≥ 0)
 * @example reportableMean(10, 0.01, 4); // => 10
 * @example reportableMean(1.4e6, 9e5, 80); // => NaN
 */
export function reportableMean(mean: number, standardError: number, spread: number): number {
  if (!(standardError > 0)) return mean; // NaN (one block) or 0 (a constant)
  // A constant's block means differ by rounding only: judged against the mean's own size then.
  const range = Math.max(spread, 1e-9 * Math.abs(mean));
  return standardError <= meanErrorShareOfRange * range ? mean : Number.NaN;
}
