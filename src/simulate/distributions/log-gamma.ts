// ln Γ(x) for x > 0, accurate to about 1e-15 relative (Lanczos approximation).

/** Lanczos coefficients for g = 7, n = 9 (Godfrey 2001; as in Numerical Recipes 3rd ed. §6.1 and SciPy's cephes tests). */
const lanczosG = 7;
const lanczosCoefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const halfLogTwoPi = 0.5 * Math.log(2 * Math.PI);

/**
 * The natural logarithm of the gamma function.
 *
 * ln Γ(x) = ½ln(2π) + (z + ½)·ln t − t + ln A(z), with z = x − 1, t = z + g + ½ and
 * A(z) = c₀ + Σₖ cₖ / (z + k) (Lanczos 1964), for x ≥ ½; for 0 < x < ½, ln Γ(x) = ln Γ(x + 1) − ln x.
 *
 * @param x a positive number.
 * @returns ln Γ(x); +Infinity at x = 0; NaN for x < 0 or NaN.
 * @see Lanczos, C. (1964). A precision approximation of the gamma function. SIAM J. Numer. Anal. B 1, 86–96.
 * @example logGamma(5); // ≈ Math.log(24) = 3.1780538303479458 (to 1e-14)
 */
export function logGamma(x: number): number {
  if (!(x >= 0)) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let series = lanczosCoefficients[0];
  for (let k = 1; k < lanczosCoefficients.length; k++) series += lanczosCoefficients[k] / (z + k);
  const t = z + lanczosG + 0.5;
  return halfLogTwoPi + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
