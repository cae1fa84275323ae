// The lowest value a distribution can plausibly give: its minimum, or a one-in-a-million quantile.
import { distributionQuantile } from '../simulate/distributions/distribution-quantile.js';
import type { Distribution } from '../model/distribution.js';

/** Probability below which an unbounded distribution's left tail is not counted as a value it gives. */
export const negligibleTail = 1e-6;

/**
 * The least value a distribution gives: the minimum of a bounded one (constant, uniform, triangular,
 * PERT), else its 10⁻⁶ quantile (a normal's tail below it is never drawn in a run of 10⁶ draws, in
 * expectation). Used for rules such as "a shock lies above −100%" or "a start is positive".
 * @example lowestPlausible({ dist: 'uniform', min: -0.2, max: 0 }); // => -0.2
 */
export function lowestPlausible(distribution: Distribution): number {
  const minimum = distributionQuantile(distribution, 0);
  return Number.isFinite(minimum) ? minimum : distributionQuantile(distribution, negligibleTail);
}
