// Probability distributions that parameters, starting values and shocks are drawn from (contract types).

/**
 * A distribution stated explicitly. Scenario YAML accepts these (plus the `p5`/`p95` form, converted
 * in spec/); calibration produces `studentT` and `scaledInvChi` for fitted means and volatilities.
 * Rates are fractions per year.
 */
export type Distribution =
  | { readonly dist: 'constant'; readonly value: number }
  | { readonly dist: 'normal'; readonly mean: number; readonly sd: number }
  /** ln X ~ Normal(meanlog, sdlog). */
  | { readonly dist: 'lognormal'; readonly meanlog: number; readonly sdlog: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Beta-PERT with shape 4 (Vose 2008): mean (min + 4·mode + max) / 6. */
  | { readonly dist: 'pert'; readonly min: number; readonly mode: number; readonly max: number }
  /** location + scale · T_df (the marginal posterior of a mean, BDA3 §3.2). */
  | { readonly dist: 'studentT'; readonly location: number; readonly scale: number; readonly df: number }
  /** scale · sqrt(df / χ²_df): σ when σ² ~ Scaled-Inv-χ²(df, scale²) (BDA3 §3.2). */
  | { readonly dist: 'scaledInvChi'; readonly scale: number; readonly df: number }
  /** Gamma(shape, rate): mean shape / rate (Poisson-rate posterior). */
  | { readonly dist: 'gamma'; readonly shape: number; readonly rate: number };

export type DistributionName = Distribution['dist'];
