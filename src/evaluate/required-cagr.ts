// The constant growth rate that takes a level to a target level in a given number of years.

/**
 * Required compound annual growth rate: (target / from)^(1 / years) − 1.
 * @param from level now (> 0) @param target level aimed at (> 0) @param years whole years between (> 0)
 * @returns the rate as a fraction per year; NaN when the inputs make no sense
 * @example requiredCagr(2500, 3025, 2); // => 0.1 (to 1e-12)
 * @see https://en.wikipedia.org/wiki/Compound_annual_growth_rate
 */
export function requiredCagr(from: number, target: number, years: number): number {
  if (!(from > 0) || !(target > 0) || !(years > 0)) return Number.NaN;
  return Math.pow(target / from, 1 / years) - 1;
}
