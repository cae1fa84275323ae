// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).

import { logGamma } from './log-gamma.js';

/** Relative tolerance of the series and the continued fraction (about machine epsilon). */
const tolerance = 1e-16;
const maxIterations = 10_000;
/** Smallest representable magnitude used by the modified Lentz method to avoid division by zero. */
const tiny = 1e-300;

/**
 * ln Γ(a), kept for the last shape asked for: Φ asks Q(½, ·) again and again (the growth posteriors'
 * quadrature: 25,921 calls in a first `forecast validate`), and the same a gives the same bits.
 */
let lastShape = Number.NaN;
let lastLogGamma = Number.NaN;
function logGammaOf(a: number): number {
  if (a !== lastShape) {
    lastLogGamma = logGamma(a);
    lastShape = a;
  }
  return lastLogGamma;
}

/** P(a, x) by its series: e^(−x) xᵃ / Γ(a) · Σₙ xⁿ / (a(a+1)…(a+n)); converges fast for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < maxIterations; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * tolerance) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGammaOf(a));
}

/** Q(a, x) by Legendre's continued fraction (modified Lentz), for x ≥ a + 1. */
function upperContinuedFraction(a: number, x: number): number {
  let bn = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / bn;
  let h = d;
  for (let n = 1; n < maxIterations; n++) {
    const an = -n * (n - a);
    bn += 2;
    d = an * d + bn;
    if (Math.abs(d) < tiny) d = tiny;
    c = bn + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < tolerance) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGammaOf(a)) * h;
}

function check(a: number, x: number): void {
  if (!(a > 0) || !(x >= 0)) throw new Error(`regularized gamma needs a > 0 and x ≥ 0, got a = ${a}, x = ${x}`);
}

/**
 * The regularized lower incomplete gamma function, the CDF of Gamma(a, 1) at x.
 *
 * P(a, x) = γ(a, x) / Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt; series for x < a + 1, else 1 − Q by continued fraction.
 *
 * @param a shape, > 0.
 * @param x ≥ 0 (+Infinity gives 1).
 * @returns P(a, x) in [0, 1].
 * @throws Error when a ≤ 0 or x < 0.
 * @see Press et al. (2007). Numerical Recipes, 3rd ed., §6.2.
 * @example regularizedGammaP(1, Math.LN2); // => 0.5 (to 1e-15; P(1, x) = 1 − e^(−x))
 */
export function regularizedGammaP(a: number, x: number): number {
  check(a, x);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/**
 * The regularized upper incomplete gamma function, Q(a, x) = 1 − P(a, x), accurate in the upper tail.
 *
 * Q(a, x) = Γ(a, x) / Γ(a) = (1/Γ(a)) ∫ₓ^∞ t^(a−1) e^(−t) dt.
 *
 * @param a shape, > 0.
 * @param x ≥ 0.
 * @returns Q(a, x) in [0, 1].
 * @throws Error when a ≤ 0 or x < 0.
 * @see Press et al. (2007). Numerical Recipes, 3rd ed., §6.2.
 * @example regularizedGammaQ(1, Math.LN2); // => 0.5 (to 1e-15)
 */
export function regularizedGammaQ(a: number, x: number): number {
  check(a, x);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}
