// The standard normal CDF Φ(z), accurate in both tails (via the regularized incomplete gamma function).

import { regularizedGammaQ } from './regularized-gamma.js';

/**
 * The standard normal cumulative distribution function.
 *
 * Φ(z) = ½·erfc(−z/√2), with erfc(t) = Q(½, t²) for t ≥ 0: Φ(z) = ½·Q(½, z²/2) for z < 0 and
 * 1 − ½·Q(½, z²/2) for z ≥ 0 (the lower tail keeps full relative accuracy).
 *
 * @param z any number.
 * @returns Φ(z) in [0, 1]; NaN for NaN.
 * @see Abramowitz & Stegun (1964), 7.1.2 and 6.5.17.
 * @example normalCdf(0); // => 0.5
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === 0) return 0.5;
  const upperTail = 0.5 * regularizedGammaQ(0.5, 0.5 * z * z);
  return z < 0 ? upperTail : 1 - upperTail;
}
