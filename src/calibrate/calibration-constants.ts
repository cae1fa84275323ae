// The named constants of calibration: bands for approximate and bounded figures, and the weak prior.

/**
 * Half-width of the band around an `approx` figure (接近/近/约), as a fraction of the figure:
 * `approx v` is drawn from uniform [v·(1 − 0.03), v·(1 + 0.03)] when it is a base level, and counts
 * as a point with the variance of that band, (0.03)²/3 in log points, when it is growth evidence.
 * Why 3%: Chinese reports round 接近3万亿元 to the leading digits; 29,100–30,000 is within 3% of 3万亿.
 * Reference: variance of a uniform on [a, b] is (b − a)²/12 (any probability text, e.g. Casella & Berger §3.3).
 * @example approxBand * 30000; // => 900
 */
export const approxBand = 0.03;

/**
 * Half-width of the band around an `estimate` (预计/初步估算: a figure published before the
 * period's outturn), as a fraction of the figure: `estimate v` is drawn from uniform
 * [v·(1 − 0.10), v·(1 + 0.10)] as a base level, counts as a point with variance (0.10)²/3 in log
 * points as growth evidence, and an outturn of the same period always replaces it.
 * Why 10%: the record's own spread between early and later readings of one year: Beijing's 2024
 * AI core industry was first published as 突破3000亿元 (January and March 2025) and later as
 * 近3500亿元 (mid-2025), a revision of about ±8% around the midpoint; an estimate made before the
 * year's statistics are compiled is at least that uncertain, so a band wider than `approxBand`'s
 * rounding but of that order.
 * Reference: variance of a uniform on [a, b] is (b − a)²/12 (Casella & Berger §3.3).
 * @example estimateBand * 4500; // => 450
 */
export const estimateBand = 0.1;

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
