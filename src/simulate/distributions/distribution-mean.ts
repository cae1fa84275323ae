// The expected value of every Distribution variant, in closed form.

import { checkDistribution } from './check-distribution.js';
import type { Distribution } from '../../model/distribution.js';
import { logGamma } from './log-gamma.js';

/**
 * E[X] for X ~ dist.
 *
 * normal μ; lognormal exp(μ + σ²/2); uniform (a + b)/2; triangular (a + c + b)/3; pert (a + 4c + b)/6;
 * studentT m (ν > 1, else undefined: NaN); gamma shape/rate;
 * scaledInvChi s·√(ν/2)·Γ((ν−1)/2)/Γ(ν/2) (ν > 1, else +Infinity), since E[(χ²_ν)^(−½)] = Γ((ν−1)/2)/(√2·Γ(ν/2)).
 *
 * @param dist the distribution (parameters checked).
 * @returns the mean, in the distribution's units.
 * @throws Error when the parameters are invalid.
 * @see Johnson, Kotz & Balakrishnan (1994–95); Vose (2008), Risk Analysis, §III.8 (PERT).
 * @example distributionMean({ dist: 'pert', min: 0, mode: 3, max: 6 }); // => 3
 */
export function distributionMean(dist: Distribution): number {
  checkDistribution(dist);
  switch (dist.dist) {
    case 'constant':
      return dist.value;
    case 'normal':
      return dist.mean;
    case 'lognormal':
      return Math.exp(dist.meanlog + 0.5 * dist.sdlog * dist.sdlog);
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'pert':
      return (dist.min + 4 * dist.mode + dist.max) / 6;
    case 'studentT':
      return dist.df > 1 ? dist.location : Number.NaN;
    case 'scaledInvChi':
      if (dist.scale === 0) return 0;
      if (dist.df <= 1) return Number.POSITIVE_INFINITY;
      return dist.scale * Math.sqrt(dist.df / 2) * Math.exp(logGamma((dist.df - 1) / 2) - logGamma(dist.df / 2));
    case 'gamma':
      return dist.shape / dist.rate;
  }
}
