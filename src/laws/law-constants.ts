// Numerical guards the laws apply to sampled parameters (heavy-tailed posteriors can reach impossible values).

/**
 * Lowest growth rate a law accepts from a sampled parameter: a Student-t draw of `growth` below −100%
 * has no meaning (ln(1 + growth) is undefined), so draws are clamped to −99% a year (−4.6 log points).
 * @example Math.log1p(minimumGrowthRate); // => -4.60517018598809
 */
export const minimumGrowthRate = -0.99;

/**
 * Highest persistence or damping a law accepts from a sampled parameter: φ is valid on [0, 1);
 * 1 would make the process a random walk in growth (compound) or an undamped trend (dampedTrend).
 * @example maximumPersistence; // => 0.999
 */
export const maximumPersistence = 0.999;
