// The difference of two probabilities estimated on the same draws (common random numbers), with its MC error.

/** A difference of two probabilities of meeting a target and its Monte Carlo standard error. */
export interface PairedDifference {
  /** mean(I_b − I_a): the second probability minus the first. */
  readonly difference: number;
  /** sqrt(Var(I_b − I_a) / n), the variance taken over draws (divisor n, as for probabilityMetSe). */
  readonly standardError: number;
}

/**
 * Paired difference of two per-draw met indicators computed on the same draws.
 *
 * With d_i = I_b,i − I_a,i ∈ {−1, 0, 1}, the difference is d̄ = Σ d_i / n and its Monte Carlo
 * standard error is sqrt((Σ d_i² / n − d̄²) / n). Because the two runs share their random numbers,
 * the indicators are strongly correlated and this is far smaller than the unpaired
 * sqrt(p_a(1−p_a)/n + p_b(1−p_b)/n) (Glasserman 2004, §4.2 "Control variates and common random numbers").
 * @param first met indicators of the reference run (0 or 1 per draw)
 * @param second met indicators of the other run, same length and same draws
 * @returns the difference second − first and its standard error; NaN for empty input
 * @throws Error when the lengths differ (the runs were not paired)
 * @example pairedDifference(Uint8Array.of(0, 0, 1, 1), Uint8Array.of(0, 1, 1, 1)); // => { difference: 0.25, standardError: 0.21650635094610965 }
 */
export function pairedDifference(first: ArrayLike<number>, second: ArrayLike<number>): PairedDifference {
  if (first.length !== second.length) throw new Error(`internal: paired indicators must have equal lengths, got ${first.length} and ${second.length}`);
  const n = first.length;
  if (n === 0) return { difference: Number.NaN, standardError: Number.NaN };
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const d = second[i] - first[i];
    sum += d;
    sumSquares += d * d;
  }
  const difference = sum / n;
  const variance = Math.max(0, sumSquares / n - difference * difference);
  return { difference, standardError: Math.sqrt(variance / n) };
}
