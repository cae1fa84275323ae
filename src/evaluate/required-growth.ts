// The constant yearly growth that takes a level to a threshold: the closed form behind "what a target asks".

/**
 * Required compound annual growth: (threshold / latest)^(1 / years) − 1.
 * Legend: latest = the level now (> 0), threshold = the level aimed at (> 0), years = whole years
 * between them (> 0).
 * @returns a fraction per year (0.25 = 25%); NaN when an input is out of range
 * @example requiredGrowth(64, 100, 2); // => 0.25
 * @see https://en.wikipedia.org/wiki/Compound_annual_growth_rate
 */
export function requiredGrowth(latest: number, threshold: number, years: number): number {
  if (!(latest > 0) || !(threshold > 0) || !(years > 0) || !Number.isFinite(latest) || !Number.isFinite(threshold)) return Number.NaN;
  return Math.pow(threshold / latest, 1 / years) - 1;
}
