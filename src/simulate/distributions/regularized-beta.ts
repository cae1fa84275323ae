// The regularized incomplete beta function I_x(a, b), the CDF of Beta(a, b).

import { logGamma } from './log-gamma.js';

const tolerance = 1e-16;
const maxIterations = 10_000;
const tiny = 1e-300;

/** The continued fraction for I_x(a, b) (modified Lentz), converging fast for x < (a + 1)/(a + b + 2). */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < tolerance) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function.
 *
 * I_x(a, b) = B(x; a, b) / B(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1−t)^(b−1) dt, evaluated by its continued
 * fraction, using I_x(a, b) = 1 − I_(1−x)(b, a) where that converges faster.
 *
 * @param x in [0, 1].
 * @param a > 0.
 * @param b > 0.
 * @returns I_x(a, b) in [0, 1].
 * @throws Error when x is outside [0, 1] or a, b ≤ 0.
 * @see Press et al. (2007). Numerical Recipes, 3rd ed., §6.4.
 * @example regularizedBeta(0.25, 1, 1); // => 0.25 (to 1e-15; Beta(1, 1) is uniform)
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new Error(`regularizedBeta needs x in [0, 1] and a, b > 0, got x = ${x}, a = ${a}, b = ${b}`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}
