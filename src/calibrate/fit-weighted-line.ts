// Weighted least squares for y = a + b·x (or y = b·x through the origin), with the weak prior on the noise.
import { priorDegreesOfFreedom, priorVolatility } from './calibration-constants.js';

/** One point of a weighted regression: y ~ Normal(a + b·x, σ² / weight). */
export interface WeightedPoint {
  readonly x: number;
  readonly y: number;
  readonly weight: number;
}

/** Posterior of the coefficients (Student-t with `df`) and of the noise sd (scaled-inverse-χ² with `df`). */
export interface WeightedLine {
  /** a (0 when fitted through the origin). */
  readonly intercept: number;
  /** b. */
  readonly slope: number;
  readonly interceptScale: number;
  readonly slopeScale: number;
  /** Posterior covariance of (a, b) scaled to the t marginals: s_post² · (XᵀWX)⁻¹[0][1]. */
  readonly covariance: number;
  /** s_post: scale of the noise sd's posterior. */
  readonly residualScale: number;
  /** ν0 + m − p (p = 2, or 1 through the origin). */
  readonly df: number;
}

/**
 * Fits y = a + b·x by weighted least squares and returns the conjugate posterior under a flat prior
 * on (a, b) and σ² ~ Scaled-Inv-χ²(ν0, σ0²):
 *
 *   β̂ = (XᵀWX)⁻¹ XᵀWy,  SSR = Σ w (y − Xβ̂)²,  df = ν0 + m − p,  s² = (ν0σ0² + SSR)/df,
 *   β | data ~ t_df(β̂, s² (XᵀWX)⁻¹),  σ² | data ~ Scaled-Inv-χ²(df, s²)
 *
 * Reference: BDA3 §14.2 (regression with a noninformative prior) and §14.7 (known precision weights);
 * the σ prior as in posteriorGrowth.
 * @param points x, y and weight > 0 of each point; at least p of them with distinct x
 * @param options `throughOrigin` fits y = b·x; `prior` σ0 and ν0 (default 0.05, 2)
 * @returns the coefficients, their scales and covariance, the residual scale and df
 * @throws Error when the design is singular (all x equal, or all x = 0 through the origin)
 * @example
 * fitWeightedLine([{ x: 0, y: 1, weight: 1 }, { x: 1, y: 3, weight: 1 }]).slope; // => 2
 */
export function fitWeightedLine(
  points: readonly WeightedPoint[],
  options: { readonly throughOrigin?: boolean; readonly prior?: { readonly scale: number; readonly df: number } } = {},
): WeightedLine {
  const prior = options.prior ?? { scale: priorVolatility, df: priorDegreesOfFreedom };
  let sw = 0;
  let swx = 0;
  let swy = 0;
  let swxx = 0;
  let swxy = 0;
  for (const { x, y, weight } of points) {
    sw += weight;
    swx += weight * x;
    swy += weight * y;
    swxx += weight * x * x;
    swxy += weight * x * y;
  }
  let intercept = 0;
  let slope: number;
  // (XᵀWX)⁻¹ entries.
  let inverseAA = 0;
  let inverseBB: number;
  let inverseAB = 0;
  if (options.throughOrigin) {
    if (!(swxx > 0)) throw new Error('fitWeightedLine requires a non-zero x');
    slope = swxy / swxx;
    inverseBB = 1 / swxx;
  } else {
    const determinant = sw * swxx - swx * swx;
    if (!(determinant > 1e-300) || points.length < 2) throw new Error('fitWeightedLine requires at least two distinct x');
    slope = (sw * swxy - swx * swy) / determinant;
    intercept = (swy - slope * swx) / sw;
    inverseAA = swxx / determinant;
    inverseBB = sw / determinant;
    inverseAB = -swx / determinant;
  }
  let residualSum = 0;
  for (const { x, y, weight } of points) residualSum += weight * (y - intercept - slope * x) ** 2;
  const df = prior.df + points.length - (options.throughOrigin ? 1 : 2);
  const variance = (prior.df * prior.scale ** 2 + residualSum) / df;
  return {
    intercept,
    slope,
    interceptScale: Math.sqrt(variance * inverseAA),
    slopeScale: Math.sqrt(variance * inverseBB),
    covariance: variance * inverseAB,
    residualScale: Math.sqrt(variance),
    df,
  };
}
