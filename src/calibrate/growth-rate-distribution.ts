// Expresses a posterior of growth in log points as a distribution of the growth RATE parameter.
import type { Distribution } from '../model/distribution.js';

/**
 * The `growth` rate parameter from a Student-t posterior of mean log growth m ~ t_df(location, scale):
 *
 *   growth ~ t_df(exp(location) − 1, exp(location) · scale)
 *
 * (delta method: d(exp(m) − 1)/dm = exp(m)). The median is exact (exp(location) − 1); the spread
 * is first-order, which errs by about scale²/2 in log points (0.0005 at scale 0.03). Laws take
 * ln(1 + growth) back, clamped above −1.
 * Reference: Casella & Berger, *Statistical Inference* (2nd ed.) §5.5.4 (delta method).
 * @param location posterior location of mean log growth (log points per year)
 * @param scale posterior scale of mean log growth (log points), > 0
 * @param df degrees of freedom, > 0
 * @returns a `studentT` distribution of the rate (fraction per year)
 * @example growthRateDistribution(0, 0.05, 3); // => { dist: 'studentT', location: 0, scale: 0.05, df: 3 }
 */
export function growthRateDistribution(location: number, scale: number, df: number): Distribution {
  const factor = Math.exp(location);
  return { dist: 'studentT', location: factor - 1, scale: factor * scale, df };
}
