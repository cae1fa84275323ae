// Preconditions of a Distribution's parameters, checked before sampling or evaluating it.

import type { Distribution } from '../../model/distribution.js';

const finite = (value: number) => Number.isFinite(value);

/**
 * Throws when a distribution's parameters are out of range. spec/ reports these as input errors
 * with their position; this guard catches programming errors past it.
 *
 * Rules: every parameter finite; sd, sdlog, scale ≥ 0; min ≤ max; min ≤ mode ≤ max; df, shape, rate > 0.
 *
 * @param dist the distribution.
 * @throws Error naming the distribution, the rule and the value.
 * @example checkDistribution({ dist: 'normal', mean: 0, sd: 1 }); // => undefined (no error)
 */
export function checkDistribution(dist: Distribution): void {
  const fail = (rule: string, value: unknown): never => {
    throw new Error(`${dist.dist} distribution ${rule}, got ${JSON.stringify(value)}`);
  };
  for (const [key, value] of Object.entries(dist)) {
    if (key !== 'dist' && !finite(value as number)) fail(`${key} must be a finite number`, value);
  }
  switch (dist.dist) {
    case 'constant':
      return;
    case 'normal':
      if (dist.sd < 0) fail('sd must be ≥ 0', dist.sd);
      return;
    case 'lognormal':
      if (dist.sdlog < 0) fail('sdlog must be ≥ 0', dist.sdlog);
      return;
    case 'uniform':
      if (dist.min > dist.max) fail('min must be ≤ max', [dist.min, dist.max]);
      return;
    case 'triangular':
    case 'pert':
      if (!(dist.min <= dist.mode && dist.mode <= dist.max)) fail('needs min ≤ mode ≤ max', [dist.min, dist.mode, dist.max]);
      return;
    case 'studentT':
      if (dist.scale < 0) fail('scale must be ≥ 0', dist.scale);
      if (!(dist.df > 0)) fail('df must be > 0', dist.df);
      return;
    case 'scaledInvChi':
      if (dist.scale < 0) fail('scale must be ≥ 0', dist.scale);
      if (!(dist.df > 0)) fail('df must be > 0', dist.df);
      return;
    case 'gamma':
      if (!(dist.shape > 0)) fail('shape must be > 0', dist.shape);
      if (!(dist.rate > 0)) fail('rate must be > 0', dist.rate);
      return;
  }
}
