// Whether a value satisfies a target's bounds, honouring inclusivity (≥ vs >, ≤ vs <).
import type { Bound } from '../data/types.js';

/**
 * True when `value` is inside the range given by `lower` and `upper` (either may be absent).
 * @example meetsBounds(3000, { value: 3000, inclusive: true }); // => true
 * @example meetsBounds(10000, { value: 10000, inclusive: false }); // => false
 */
export function meetsBounds(value: number, lower?: Bound, upper?: Bound): boolean {
  if (Number.isNaN(value)) return false;
  if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
  if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
  return true;
}
