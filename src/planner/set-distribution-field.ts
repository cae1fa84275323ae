// A distribution with one field set to a new value: what `--vary …growth.mean=0.12` does to an assumption.
import { plannerMessages } from '../errors/messages.js';
import type { Distribution } from '../model/distribution.js';
import { distributionMean } from '../simulate/distributions/sample-distribution.js';
import { commandLineError } from './command-line-error.js';

/**
 * The distribution with `field` set to `value`:
 * - no field: the constant `value` (the parameter becomes certain);
 * - a field the distribution has (`sd`, `min`, `mode`, `location`, …): that field replaced;
 * - `mean` on a distribution without a `mean` field: the distribution moved so its mean is `value`,
 *   keeping its spread — shifted by value − E[X] (uniform, triangular, pert, studentT, constant),
 *   scaled by value / E[X] (lognormal: meanlog + ln(value / E[X]); gamma: rate = shape / value;
 *   scaledInvChi: scale · value / E[X]).
 * @param path the assumption path, for messages
 * @throws InputError when the field does not exist or the result is not a valid distribution
 * @example setDistributionField({ dist: 'normal', mean: 0.1, sd: 0.02 }, 'mean', 0.15, 'x').mean; // => 0.15
 * @example setDistributionField({ dist: 'uniform', min: 1, max: 3 }, 'mean', 4, 'x'); // => { dist: 'uniform', min: 3, max: 5 }
 */
export function setDistributionField(distribution: Distribution | undefined, field: string | undefined, value: number, path: string): Distribution {
  if (field === undefined) return { dist: 'constant', value };
  if (!distribution) throw commandLineError(plannerMessages.unknownField(path, field, []));
  const fields = Object.keys(distribution).filter((key) => key !== 'dist');
  let result: Distribution;
  if (fields.includes(field)) {
    result = { ...distribution, [field]: value } as Distribution;
  } else if (field === 'mean') {
    result = withMean(distribution, value, path);
  } else {
    throw commandLineError(plannerMessages.unknownField(path, field, [...new Set([...fields, 'mean'])]));
  }
  const problem = distributionProblem(result);
  if (problem) throw commandLineError(plannerMessages.invalidVariant(path, problem, value));
  return result;
}

function withMean(d: Distribution, mean: number, path: string): Distribution {
  const current = distributionMean(d);
  const shift = mean - current;
  switch (d.dist) {
    case 'constant':
      return { dist: 'constant', value: mean };
    case 'normal':
      return { ...d, mean };
    case 'uniform':
      return { ...d, min: d.min + shift, max: d.max + shift };
    case 'triangular':
    case 'pert':
      return { ...d, min: d.min + shift, mode: d.mode + shift, max: d.max + shift };
    case 'studentT':
      return { ...d, location: d.location + shift };
    case 'lognormal':
      if (!(mean > 0)) throw commandLineError(plannerMessages.invalidVariant(path, 'be greater than 0 for a lognormal distribution', mean));
      return { ...d, meanlog: d.meanlog + Math.log(mean / current) };
    case 'gamma':
      if (!(mean > 0)) throw commandLineError(plannerMessages.invalidVariant(path, 'be greater than 0 for a gamma distribution', mean));
      return { ...d, rate: d.shape / mean };
    case 'scaledInvChi':
      if (!(mean > 0) || !(current > 0)) throw commandLineError(plannerMessages.invalidVariant(path, 'be greater than 0 for a scaled inverse chi distribution', mean));
      return { ...d, scale: (d.scale * mean) / current };
  }
}

/**
 * The rule a distribution breaks, or undefined when it is valid: finite fields, positive spreads,
 * min < max and min ≤ mode ≤ max.
 * @example distributionProblem({ dist: 'normal', mean: 0, sd: 0 }); // => 'give a distribution with sd > 0'
 */
export function distributionProblem(d: Distribution): string | undefined {
  const values = Object.entries(d).filter(([key]) => key !== 'dist');
  if (values.some(([, v]) => typeof v !== 'number' || !Number.isFinite(v))) return 'give a distribution with finite fields';
  const positive = (name: string, v: number) => (v > 0 ? undefined : `give a distribution with ${name} > 0`);
  switch (d.dist) {
    case 'constant':
      return undefined;
    case 'normal':
      return positive('sd', d.sd);
    case 'lognormal':
      return positive('sdlog', d.sdlog);
    case 'uniform':
      return d.min < d.max ? undefined : 'give a distribution with min < max';
    case 'triangular':
    case 'pert':
      return d.min < d.max && d.mode >= d.min && d.mode <= d.max ? undefined : 'give a distribution with min ≤ mode ≤ max and min < max';
    case 'studentT':
      return positive('scale', d.scale) ?? positive('df', d.df);
    case 'scaledInvChi':
      return positive('scale', d.scale) ?? positive('df', d.df);
    case 'gamma':
      return positive('shape', d.shape) ?? positive('rate', d.rate);
  }
}
