// The named constants of calibration: bands for bounded figures and the weak prior (the bands of
// approximate figures and estimates are what those readings mean: src/data/figure-bands.ts).

/**
 * Width of the half-open band a bounded base level is drawn from, as a fraction of the bound:
 * `atLeast v` → uniform [v, v·(1 + 0.10)]; `atMost v` → uniform [v·(1 − 0.10), v].
 * Why 10%: 突破/超过 is used for a round threshold just passed (超过2500亿元 is not 3000亿元);
 * a bound stays a bound, and 10% is the width of one step between the round figures reports use.
 * Reference: interval censoring, Klein & Moeschberger, *Survival Analysis* (2003) §3.3.
 * @example boundBand * 2500; // => 250
 */
export const boundBand = 0.1;

/**
 * Prior guess of the volatility of yearly log growth (log points per year) in the conjugate
 * normal / scaled-inverse-χ² prior, worth `priorDegreesOfFreedom` pseudo-observations.
 * Why 0.05: a middle value of the year-to-year swings of mature regional industry aggregates
 * (2–8 log points); weak enough that eight or more years of data dominate it.
 * Reference: BDA3 (Gelman et al. 2013) §3.3, prior Scaled-Inv-χ²(ν0, σ0²).
 * @example priorVolatility ** 2; // => 0.0025000000000000005
 */
export const priorVolatility = 0.05;

/**
 * ν0, the weight of the prior volatility in pseudo-observations. Two keeps the posterior proper
 * (df = ν0 + m − 1 ≥ 2 with one sample) while letting data dominate quickly.
 * Reference: BDA3 §3.3 (ν0 is the prior "degrees of freedom").
 * @example priorDegreesOfFreedom + 1 - 1; // => 2 (df of the posterior from a single sample)
 */
export const priorDegreesOfFreedom = 2;

/**
 * Fewest consecutive yearly growth figures from which a law's dynamics (mean reversion, damping,
 * capacity) are fitted by regression; with fewer, a documented default distribution is used.
 * Why 8: a regression with two coefficients and fewer than six residual degrees of freedom gives
 * standard errors too unstable to be worth more than the default.
 * @example minimumYearsForDynamics; // => 8
 */
export const minimumYearsForDynamics = 8;
