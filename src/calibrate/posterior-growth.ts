// The conjugate posterior of the mean and volatility of yearly growth, from weighted samples.
import { priorDegreesOfFreedom, priorVolatility } from './calibration-constants.js';

/** A sample with a precision weight: `value` ~ Normal(μ, σ² / weight). */
export interface WeightedSample {
  readonly value: number;
  readonly weight: number;
}

/** Posterior of μ and σ: μ ~ location + scale·T_df, σ ~ volatilityScale·sqrt(df / χ²_df). */
export interface GrowthPosterior {
  /** Posterior location of μ: the weighted mean ḡ. */
  readonly location: number;
  /** Posterior scale of μ: s_post / sqrt(W). */
  readonly scale: number;
  /** Degrees of freedom of both marginals: ν0 + m − 1. */
  readonly df: number;
  /** s_post, the scale of σ's scaled-inverse-χ² posterior. */
  readonly volatilityScale: number;
  /** m, the number of samples. */
  readonly samples: number;
  /** W = Σ weight, the evidence in years. */
  readonly effectiveYears: number;
}

/** The prior of σ: Scaled-Inv-χ²(df, scale²). */
export interface VolatilityPrior {
  readonly scale: number;
  readonly df: number;
}

/**
 * Posterior of a normal mean and standard deviation from samples with known relative precisions
 * (value_i ~ N(μ, σ²/w_i); a k-year average growth has w = k), under a flat prior on μ and
 * σ² ~ Scaled-Inv-χ²(ν0, σ0²):
 *
 *   W = Σ w_i,  ḡ = Σ w_i g_i / W,  SS = Σ w_i (g_i − ḡ)²,  df = ν0 + m − 1,
 *   s_post² = (ν0 σ0² + SS) / df,   μ | data ~ t_df(ḡ, s_post² / W),   σ² | data ~ Scaled-Inv-χ²(df, s_post²)
 *
 * m counts samples, not years: a single 8-year level ratio pins μ (W = 8) but says nothing about σ
 * (df = ν0, s_post = σ0). One sample still gives a proper posterior (df = ν0 ≥ 1).
 * Reference: Gelman et al., *Bayesian Data Analysis* (3rd ed.) §3.2–3.3 (normal model with
 * conjugate prior; the flat-prior-on-μ limit κ0 → 0), and §14.7 for known precision weights.
 * @param samples values (log points per year for growth) with weights > 0; at least one
 * @param prior σ0 and ν0; default 0.05 log points worth 2 pseudo-observations
 * @returns the posterior's location, scale, df and volatility scale
 * @throws Error when there is no sample (callers raise a ModelError naming the variable first)
 * @example
 * posteriorGrowth([{ value: 0.1, weight: 1 }]);
 * // => { location: 0.1, scale: 0.05, df: 2, volatilityScale: 0.05, samples: 1, effectiveYears: 1 }
 */
export function posteriorGrowth(
  samples: readonly WeightedSample[],
  prior: VolatilityPrior = { scale: priorVolatility, df: priorDegreesOfFreedom },
): GrowthPosterior {
  if (samples.length === 0) throw new Error('posteriorGrowth requires at least one sample');
  let totalWeight = 0;
  let weightedSum = 0;
  for (const { value, weight } of samples) {
    totalWeight += weight;
    weightedSum += weight * value;
  }
  const location = weightedSum / totalWeight;
  let sumOfSquares = 0;
  for (const { value, weight } of samples) sumOfSquares += weight * (value - location) ** 2;
  const df = prior.df + samples.length - 1;
  const volatilityScale = Math.sqrt((prior.df * prior.scale ** 2 + sumOfSquares) / df);
  return {
    location,
    scale: volatilityScale / Math.sqrt(totalWeight),
    df,
    volatilityScale,
    samples: samples.length,
    effectiveYears: totalWeight,
  };
}
