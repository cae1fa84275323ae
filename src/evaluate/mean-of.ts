// The arithmetic mean of a column, with compensated (Neumaier) summation.

/**
 * The mean of `values`, summed with Neumaier's improved Kahan–Babuška compensation so the error
 * does not grow with n (10⁶ draws of revenue in 亿元 lose no digits worth reporting).
 *
 * mean = (Σᵢ xᵢ) / n, with s ← s + x and c ← c + ((s − t) + x) or ((x − t) + s), t the old s; result (s + c)/n.
 * Infinite values give ±Infinity (or NaN for both signs) as plain summation would; NaN gives NaN.
 *
 * @param values the column, n ≥ 1.
 * @returns the mean.
 * @throws Error when `values` is empty.
 * @see Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen. ZAMM 54, 39–51.
 * @example meanOf(Float64Array.of(1e100, 1, -1e100, 1)); // => 0.5 (plain summation gives 0.25)
 */
export function meanOf(values: Float64Array): number {
  const n = values.length;
  if (n === 0) throw new Error('meanOf needs at least one value, got an empty column');
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  const total = sum + compensation;
  // With infinities the compensation is NaN (∞ − ∞); the plain sum is then the right answer.
  return (Number.isFinite(sum) ? total : sum) / n;
}
