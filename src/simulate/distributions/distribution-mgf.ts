// The moment-generating function E[exp(t·X)] of the distributions a shared driver's factor may have.
import type { Distribution } from '../../model/distribution.js';

/** Terms of Kummer's series summed at most (it converges for every argument; |z| ≤ 50 needs far fewer). */
const maxKummerTerms = 2000;

/**
 * Kummer's confluent hypergeometric function M(a, b, z) = Σₙ (a)ₙ/(b)ₙ · zⁿ/n!, summed until a term
 * is below 10⁻¹⁷ of the sum (for z < 0, by Kummer's transformation M(a, b, z) = e^z·M(b − a, b, −z),
 * so every term is positive and nothing cancels).
 * Reference: Abramowitz & Stegun (1964) 13.1.2 and 13.1.27.
 * @example kummerM(1, 2, 1); // => e − 1 = 1.718281828459045
 */
export function kummerM(a: number, b: number, z: number): number {
  if (z < 0) return Math.exp(z) * kummerM(b - a, b, -z);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxKummerTerms; n++) {
    term *= ((a + n) / (b + n)) * (z / (n + 1));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** ∫ e^{tx}·f(x) dx over [x0, x1] for f linear from f0 to f1 (t ≠ 0): [e^{tx}(f(x)/t − f′/t²)] from x0 to x1. */
function linearSegment(t: number, x0: number, x1: number, f0: number, f1: number): number {
  if (!(x1 > x0)) return 0;
  const slope = (f1 - f0) / (x1 - x0);
  const at = (x: number, f: number) => Math.exp(t * x) * (f / t - slope / (t * t));
  return at(x1, f1) - at(x0, f0);
}

/**
 * E[exp(t·X)], the moment-generating function, in closed form:
 * - constant c: e^{tc}; normal: exp(tμ + t²σ²/2);
 * - uniform [a, b]: (e^{tb} − e^{ta}) / (t(b − a));
 * - triangular (a, c, b): the integral of e^{tx} against its two linear pieces;
 * - PERT (a, c, b) = a + (b − a)·Beta(α, β), α = 1 + 4(c − a)/(b − a), β = 1 + 4(b − c)/(b − a):
 *   e^{ta}·M(α, α + β, t(b − a)) (Kummer's function).
 * @param dist one of constant, normal, uniform, triangular, pert
 * @param t any real number
 * @returns the MGF at t (1 at t = 0)
 * @throws Error for a distribution whose MGF is not finite for every t (lognormal, Student t, gamma, …)
 * @see Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* (1994–95), vol. 1 ch. 13 and 26, vol. 2 ch. 25.
 * @example distributionMgf({ dist: 'normal', mean: 0, sd: 1 }, 2); // => e² = 7.38905609893065
 */
export function distributionMgf(dist: Distribution, t: number): number {
  if (t === 0) return 1;
  switch (dist.dist) {
    case 'constant':
      return Math.exp(t * dist.value);
    case 'normal':
      return Math.exp(t * dist.mean + 0.5 * t * t * dist.sd * dist.sd);
    case 'uniform':
      return (Math.exp(t * dist.max) - Math.exp(t * dist.min)) / (t * (dist.max - dist.min));
    case 'triangular': {
      const { min, mode, max } = dist;
      const peak = 2 / (max - min);
      return linearSegment(t, min, mode, 0, peak) + linearSegment(t, mode, max, peak, 0);
    }
    case 'pert': {
      const { min, mode, max } = dist;
      const range = max - min;
      const alpha = 1 + (4 * (mode - min)) / range;
      const beta = 1 + (4 * (max - mode)) / range;
      return Math.exp(t * min) * kummerM(alpha, alpha + beta, t * range);
    }
    default:
      throw new Error(`distributionMgf: the MGF of ${dist.dist} is not finite for every t`);
  }
}
