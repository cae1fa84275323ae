// Lookup tables of the Poisson cumulative distribution, for sampling by guided inversion (small rates).

/**
 * Largest rate sampled from a table; above it, PTRS (Hörmann 1993) is used. e^(−700) ≈ 1e-304 is still
 * a normal double, so the recurrence below never underflows; at 700 a table has ≈ 950 entries (7.6 KB).
 */
export const poissonTableMaxRate = 700;
/** The table stops once past the mean and the next probability is below this: the mass left out is < 1e-17. */
const negligibleProbability = 1e-18;
/**
 * Guide entries: 2¹² = 4096, indexed by the top 12 bits of the uniform. With many more guide entries than
 * table cells, almost every search stops at its first comparison, so the branch is predictable.
 */
export const poissonGuideBits = 12;
const guideSize = 1 << poissonGuideBits;
/** Marks a guide entry whose interval straddles a cell boundary (tables hold < 2¹⁵ cells). */
export const poissonSearchFlag = 0x8000;
/** Tables are pure functions of the rate, so a few recent ones are kept (streams per block reuse them). */
const cacheLimit = 64;
const cache = new Map<number, PoissonTable>();

/** The cumulative distribution of Poisson(rate) and its guide (index) table. */
export interface PoissonTable {
  /** cdf[k] = P(K ≤ k); the last entry is a sentinel 2 so a search always stops. */
  readonly cdf: Float64Array;
  /**
   * For u ∈ [j/4096, (j+1)/4096): k = guide[j] is the smallest k with cdf[k] > j/4096. When the whole
   * interval lies in cell k (cdf[k] ≥ (j+1)/4096), guide[j] = k and k is the answer without looking at
   * u; otherwise guide[j] = k + `poissonSearchFlag` and the search starts at k.
   */
  readonly guide: Uint16Array;
}

/**
 * The table for inversion sampling of Poisson(rate) with a guide table (Chen & Asau 1974):
 * k = min{k : u < F(k)}, read from guide[⌊4096·u⌋] directly for most u (a search for the rest).
 *
 * p₀ = e^(−λ), pₖ = pₖ₋₁·λ/k, F(k) = Σⱼ≤ₖ pⱼ; stops when k > λ and pₖ < 1e-18.
 *
 * @param rate λ, in [0, poissonTableMaxRate].
 * @returns the (cached, shared, read-only) table.
 * @throws Error when the rate is outside [0, poissonTableMaxRate].
 * @see Devroye, L. (1986). Non-Uniform Random Variate Generation, §III.2.4 (guide tables), §X.3 (Poisson by inversion).
 * @example poissonTable(0).cdf.length; // => 2 (F(0) = 1, then the sentinel)
 */
export function poissonTable(rate: number): PoissonTable {
  const cached = cache.get(rate);
  if (cached) return cached;
  if (!(rate >= 0 && rate <= poissonTableMaxRate)) {
    throw new Error(`poissonTable rate must be in [0, ${poissonTableMaxRate}], got ${rate}`);
  }
  // 1. Cumulative probabilities by the recurrence pₖ = pₖ₋₁·λ/k (relative rounding error ≲ k·ε).
  const values: number[] = [];
  let probability = Math.exp(-rate);
  let cumulative = probability;
  values.push(cumulative);
  for (let k = 1; !(k > rate && probability < negligibleProbability); k++) {
    probability *= rate / k;
    cumulative += probability;
    values.push(cumulative);
  }
  if (rate === 0) values.length = 1;
  values.push(2);
  const cdf = Float64Array.from(values);
  // 2. Guide table: k = min{k : F(k) > j/4096} (j/4096 is exact in floating point), flagged when
  //    the interval [j/4096, (j+1)/4096) also holds F(k), so u must be compared.
  const guide = new Uint16Array(guideSize);
  let k = 0;
  for (let j = 0; j < guideSize; j++) {
    while (cdf[k] <= j / guideSize) k++;
    guide[j] = cdf[k] >= (j + 1) / guideSize ? k : k + poissonSearchFlag;
  }
  const table = { cdf, guide };
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as number);
  cache.set(rate, table);
  return table;
}
