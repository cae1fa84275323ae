// Percent text → fraction, without the rounding error of dividing by 100: the engine's one percent
// parser (scenarios, models, targets, observations and the command line all read percents here).

/**
 * Turns a decimal percent written as text into the nearest fraction: "13.7" → 0.137. The decimal
 * point is shifted in the text (13.7e-2) so the result is the double nearest to the decimal value,
 * whereas 13.7 / 100 gives 0.13699999999999998.
 * @param text a plain decimal number such as "17.7" or "-26" (exponents fall back to division)
 * @example percentToFraction('13.7'); // => 0.137
 */
export function percentToFraction(text: string): number {
  const trimmed = text.trim();
  return /e/i.test(trimmed) ? Number(trimmed) / 100 : Number(`${trimmed}e-2`);
}
