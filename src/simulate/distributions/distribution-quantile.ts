// The quantile function (inverse CDF) of every Distribution variant.

import { checkDistribution } from './check-distribution.js';
import { distributionCdf } from './distribution-cdf.js';
import type { Distribution } from '../../model/distribution.js';
import { inverseNormalCdf } from './inverse-normal-cdf.js';
import { regularizedGammaP } from './regularized-gamma.js';

/** Bisection steps: 2000 halvings reach adjacent doubles from any finite bracket (the loop stops there). */
const maxBisections = 2000;

/**
 * The smallest x (to the last representable double) with cdf(x) ≥ p, by bracketing then bisection.
 * Bisection is slow (≈ 60–1100 CDF calls) but cannot fail on a monotone CDF, and its accuracy is the CDF's.
 */
function invertByBisection(cdf: (x: number) => number, p: number, lower: number, upper: number): number {
  let lo = lower;
  let hi = upper;
  // Grow the bracket until it holds the answer: cdf(lo) < p ≤ cdf(hi).
  while (cdf(hi) < p) {
    lo = hi;
    hi = hi <= 0 ? 1 : hi * 2;
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  while (cdf(lo) >= p) {
    hi = lo;
    lo = lo >= 0 ? -1 : lo * 2;
    if (!Number.isFinite(lo)) return Number.NEGATIVE_INFINITY;
  }
  for (let i = 0; i < maxBisections; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The p-quantile of Gamma(shape, 1) by bisection on P(shape, x), in x ∈ (0, ∞). */
function gammaQuantile(shape: number, p: number): number {
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return invertByBisection((x) => (x <= 0 ? 0 : regularizedGammaP(shape, x)), p, 0, Math.max(1, shape));
}

/**
 * The p-quantile of `dist`: the smallest x with P(X ≤ x) ≥ p.
 *
 * Closed forms: normal μ + σΦ⁻¹(p) (AS 241); lognormal exp(μ + σΦ⁻¹(p)); uniform a + p(b − a);
 * triangular a + √(p(b−a)(c−a)) for p < (c−a)/(b−a), else b − √((1−p)(b−a)(b−c)).
 * scaledInvChi: s·√(ν / χ²_(ν, 1−p)) with the χ² quantile from the gamma one (X decreases in χ²).
 * gamma, studentT and pert: bisection on the accurate CDF (`distributionCdf`, via the regularized
 * incomplete gamma and beta functions), to adjacent doubles.
 *
 * @param dist the distribution (parameters checked).
 * @param p probability in [0, 1].
 * @returns the quantile; ±Infinity at p = 0 or 1 for unbounded distributions.
 * @throws Error when p is outside [0, 1] or the parameters are invalid.
 * @see Hyndman & Fan (1996) for the definition of a quantile; Wichura (1988) AS 241.
 * @example distributionQuantile({ dist: 'uniform', min: 0, max: 4 }, 0.25); // => 1
 */
export function distributionQuantile(dist: Distribution, p: number): number {
  checkDistribution(dist);
  if (!(p >= 0 && p <= 1)) throw new Error(`distributionQuantile p must be in [0, 1], got ${p}`);
  switch (dist.dist) {
    case 'constant':
      return dist.value;
    case 'normal':
      return dist.sd === 0 ? dist.mean : dist.mean + dist.sd * inverseNormalCdf(p);
    case 'lognormal':
      return dist.sdlog === 0 ? Math.exp(dist.meanlog) : Math.exp(dist.meanlog + dist.sdlog * inverseNormalCdf(p));
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      if (min === max) return min;
      if (p * (max - min) < mode - min) return min + Math.sqrt(p * (max - min) * (mode - min));
      return max - Math.sqrt((1 - p) * (max - min) * (max - mode));
    }
    case 'pert':
      if (dist.min === dist.max || p === 0) return dist.min;
      if (p === 1) return dist.max;
      return invertByBisection((x) => distributionCdf(dist, x), p, dist.min, dist.max);
    case 'studentT':
      if (dist.scale === 0) return dist.location;
      if (p === 0) return Number.NEGATIVE_INFINITY;
      if (p === 1) return Number.POSITIVE_INFINITY;
      return invertByBisection((x) => distributionCdf(dist, x), p, dist.location - dist.scale, dist.location + dist.scale);
    case 'scaledInvChi': {
      if (dist.scale === 0) return 0;
      const chiSquare = 2 * gammaQuantile(dist.df / 2, 1 - p);
      return dist.scale * Math.sqrt(dist.df / chiSquare);
    }
    case 'gamma':
      return gammaQuantile(dist.shape, p) / dist.rate;
  }
}
