// The cumulative distribution function of every Distribution variant.

import { checkDistribution } from './check-distribution.js';
import type { Distribution } from '../../model/distribution.js';
import { normalCdf } from './normal-cdf.js';
import { regularizedBeta } from './regularized-beta.js';
import { regularizedGammaP, regularizedGammaQ } from './regularized-gamma.js';

/** The CDF of PERT(min, mode, max): Beta(α, β) on [min, max], α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min). */
function pertCdf(min: number, mode: number, max: number, x: number): number {
  if (x <= min) return x < min ? 0 : min === max ? 1 : 0;
  if (x >= max) return 1;
  const range = max - min;
  return regularizedBeta((x - min) / range, 1 + (4 * (mode - min)) / range, 1 + (4 * (max - mode)) / range);
}

/**
 * P(X ≤ x) for X ~ dist.
 *
 * - normal: Φ((x − μ)/σ); lognormal: Φ((ln x − μ)/σ)
 * - uniform: (x − a)/(b − a); triangular: (x − a)²/((b − a)(c − a)) below the mode c, else 1 − (b − x)²/((b − a)(b − c))
 * - pert: I_((x−a)/(b−a))(α, β); gamma: P(shape, rate·x)
 * - studentT: with t = (x − m)/s, ½·I_(ν/(ν+t²))(ν/2, ½) for t < 0, else 1 − that (near the centre, ½ ± ½·I_(t²/(ν+t²))(½, ν/2))
 * - scaledInvChi: X = s·√(ν/χ²_ν) ≤ x ⇔ χ²_ν ≥ ν s²/x², so Q(ν/2, ν s²/(2x²))
 * A zero spread (sd = 0, min = max, …) is a point mass: the CDF steps from 0 to 1 at the point.
 *
 * @param dist the distribution (parameters checked).
 * @param x any number.
 * @returns P(X ≤ x) in [0, 1].
 * @throws Error when the parameters are invalid.
 * @see Johnson, Kotz & Balakrishnan (1994–95), Continuous Univariate Distributions; BDA3 appendix A.
 * @example distributionCdf({ dist: 'uniform', min: 0, max: 4 }, 1); // => 0.25
 */
export function distributionCdf(dist: Distribution, x: number): number {
  checkDistribution(dist);
  if (Number.isNaN(x)) return Number.NaN;
  const step = (point: number) => (x >= point ? 1 : 0);
  switch (dist.dist) {
    case 'constant':
      return step(dist.value);
    case 'normal':
      return dist.sd === 0 ? step(dist.mean) : normalCdf((x - dist.mean) / dist.sd);
    case 'lognormal':
      if (x <= 0) return 0;
      return dist.sdlog === 0 ? step(Math.exp(dist.meanlog)) : normalCdf((Math.log(x) - dist.meanlog) / dist.sdlog);
    case 'uniform':
      if (dist.min === dist.max) return step(dist.min);
      return x <= dist.min ? 0 : x >= dist.max ? 1 : (x - dist.min) / (dist.max - dist.min);
    case 'triangular': {
      const { min, mode, max } = dist;
      if (min === max) return step(min);
      if (x <= min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
      return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
    }
    case 'pert':
      return pertCdf(dist.min, dist.mode, dist.max, x);
    case 'studentT': {
      if (dist.scale === 0) return step(dist.location);
      const t = (x - dist.location) / dist.scale;
      if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
      const t2 = t * t;
      // Near the centre, P(|T| ≤ |t|) = I_(t²/(ν+t²))(½, ν/2) keeps its digits; in the tails, the tail form does.
      if (t2 < dist.df) {
        const centre = 0.5 * regularizedBeta(t2 / (dist.df + t2), 0.5, dist.df / 2);
        return t < 0 ? 0.5 - centre : 0.5 + centre;
      }
      const tail = 0.5 * regularizedBeta(dist.df / (dist.df + t2), dist.df / 2, 0.5);
      return t < 0 ? tail : 1 - tail;
    }
    case 'scaledInvChi':
      if (dist.scale === 0) return step(0);
      if (x <= 0) return 0;
      return regularizedGammaQ(dist.df / 2, (dist.df * dist.scale * dist.scale) / (2 * x * x));
    case 'gamma':
      return x <= 0 ? 0 : regularizedGammaP(dist.shape, dist.rate * x);
  }
}
