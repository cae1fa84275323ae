// The variance of the distributions a shared driver's factor may have, in closed form.
import type { Distribution } from '../../model/distribution.js';

/**
 * Var X for X ~ dist: constant 0; normal σ²; uniform (b − a)²/12;
 * triangular (a² + b² + c² − ab − ac − bc)/18; PERT (b − a)²·αβ/((α + β)²(α + β + 1)) with
 * α = 1 + 4(c − a)/(b − a), β = 1 + 4(b − c)/(b − a) (a scaled beta).
 * @throws Error for the forms a driver's factor cannot have
 * @see Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* (1994–95); Vose (2008) §III.8 (PERT).
 * @example distributionVariance({ dist: 'uniform', min: 0, max: 6 }); // => 3
 */
export function distributionVariance(dist: Distribution): number {
  switch (dist.dist) {
    case 'constant':
      return 0;
    case 'normal':
      return dist.sd * dist.sd;
    case 'uniform':
      return (dist.max - dist.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      const range = dist.max - dist.min;
      const alpha = 1 + (4 * (dist.mode - dist.min)) / range;
      const beta = 1 + (4 * (dist.max - dist.mode)) / range;
      return (range * range * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    }
    default:
      throw new Error(`distributionVariance: not defined here for ${dist.dist}`);
  }
}
