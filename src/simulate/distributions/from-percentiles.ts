// The distribution whose 5th and 95th percentiles are given: the scenario form `{ dist: normal, p5, p95 }`.

import type { Distribution } from '../../model/distribution.js';
import { distributionQuantile } from './distribution-quantile.js';
import { inverseNormalCdf } from './inverse-normal-cdf.js';

/** The families that accept the p5/p95 form. */
export type PercentileKind = 'normal' | 'lognormal' | 'uniform' | 'triangular' | 'pert';

/** Bisection steps on the mode position θ ∈ [0, 1]: 2⁻⁶⁰ is below one ulp of θ. */
const thetaBisections = 60;

/** A triangular or PERT family on [0, 1] with its mode at θ. */
function standardForm(kind: 'triangular' | 'pert', theta: number): Distribution {
  return { dist: kind, min: 0, mode: theta, max: 1 };
}

/** Where the mode falls, in units of the given p5…p95, for the standard form with mode θ: (θ − t₅)/(t₉₅ − t₅). */
function modePosition(kind: 'triangular' | 'pert', theta: number): number {
  const standard = standardForm(kind, theta);
  const t5 = distributionQuantile(standard, 0.05);
  const t95 = distributionQuantile(standard, 0.95);
  return (theta - t5) / (t95 - t5);
}

/**
 * The triangular or PERT distribution with percentiles p5, p95 and the given mode.
 * Every such distribution is min + (max − min)·S_θ, with S_θ the standard form on [0, 1] with mode θ.
 * Given θ, the two percentiles fix the scale and location: max − min = (p95 − p5)/(t₉₅(θ) − t₅(θ)),
 * min = p5 − (max − min)·t₅(θ); θ is then found by bisection so the mode lands where asked
 * (the mode's relative position (θ − t₅)/(t₉₅ − t₅) increases with θ).
 */
function solveBounded(kind: 'triangular' | 'pert', p5: number, p95: number, mode: number): Distribution {
  const width = p95 - p5;
  const target = (mode - p5) / width;
  const lowest = modePosition(kind, 0);
  const highest = modePosition(kind, 1);
  if (!(target >= lowest && target <= highest)) {
    const lo = p5 + lowest * width;
    const hi = p5 + highest * width;
    throw new Error(`fromPercentiles ${kind} mode must be in [${lo}, ${hi}] for p5 = ${p5} and p95 = ${p95}, got ${mode}`);
  }
  let thetaLo = 0;
  let thetaHi = 1;
  for (let i = 0; i < thetaBisections; i++) {
    const mid = (thetaLo + thetaHi) / 2;
    if (modePosition(kind, mid) < target) thetaLo = mid;
    else thetaHi = mid;
  }
  const theta = (thetaLo + thetaHi) / 2;
  const standard = standardForm(kind, theta);
  const t5 = distributionQuantile(standard, 0.05);
  const t95 = distributionQuantile(standard, 0.95);
  const range = width / (t95 - t5);
  const min = p5 - range * t5;
  const max = min + range;
  // The mode is the one asked for, kept inside [min, max] against rounding.
  return { dist: kind, min, mode: Math.min(max, Math.max(min, mode)), max };
}

/**
 * The distribution of family `kind` whose 5th and 95th percentiles are `p5` and `p95`.
 *
 * - normal: μ = (p5 + p95)/2, σ = (p95 − p5)/(2·z₀.₉₅), z₀.₉₅ = Φ⁻¹(0.95) ≈ 1.6448536269514722
 * - lognormal: the same on ln p5, ln p95 (meanlog, sdlog); needs p5 > 0
 * - uniform: width w = (p95 − p5)/0.9, min = p5 − 0.05w, max = p95 + 0.05w
 * - triangular, pert: min and max solved numerically for the given mode (bisection on the mode's
 *   relative position, each step inverting the family's CDF); without a mode, the symmetric one
 *   (mode = (p5 + p95)/2). Not every mode is possible: it must lie within about 3.4% (triangular)
 *   of the width p95 − p5 outside [p5, p95], else an error says the feasible range.
 *
 * @param kind the family.
 * @param p5 the 5th percentile.
 * @param p95 the 95th percentile, > p5.
 * @param mode the most likely value (triangular and pert only).
 * @returns the distribution, exact to rounding (to ~1e-12 relative for triangular and pert).
 * @throws Error when p5 ≥ p95, a value is not finite, p5 ≤ 0 for lognormal, a mode is given to a family
 *   without one, or the mode is impossible.
 * @see Vose (2008), Risk Analysis, 3rd ed., §III (fitting by percentiles); O'Hagan et al. (2006), Uncertain Judgements, ch. 6.
 * @example fromPercentiles('uniform', 5, 95); // => { dist: 'uniform', min: 0, max: 100 }
 */
export function fromPercentiles(kind: PercentileKind, p5: number, p95: number, mode?: number): Distribution {
  if (!Number.isFinite(p5) || !Number.isFinite(p95) || !(p5 < p95)) {
    throw new Error(`fromPercentiles needs finite p5 < p95, got p5 = ${p5}, p95 = ${p95}`);
  }
  if (mode !== undefined && kind !== 'triangular' && kind !== 'pert') {
    throw new Error(`fromPercentiles ${kind} has no mode, got mode = ${mode}`);
  }
  if (mode !== undefined && !Number.isFinite(mode)) throw new Error(`fromPercentiles mode must be finite, got ${mode}`);
  const z95 = inverseNormalCdf(0.95);
  switch (kind) {
    case 'normal':
      return { dist: 'normal', mean: (p5 + p95) / 2, sd: (p95 - p5) / (2 * z95) };
    case 'lognormal': {
      if (!(p5 > 0)) throw new Error(`fromPercentiles lognormal needs p5 > 0, got ${p5}`);
      const low = Math.log(p5);
      const high = Math.log(p95);
      return { dist: 'lognormal', meanlog: (low + high) / 2, sdlog: (high - low) / (2 * z95) };
    }
    case 'uniform': {
      const width = (p95 - p5) / 0.9;
      return { dist: 'uniform', min: p5 - 0.05 * width, max: p95 + 0.05 * width };
    }
    case 'triangular':
    case 'pert':
      return solveBounded(kind, p5, p95, mode ?? (p5 + p95) / 2);
  }
}
