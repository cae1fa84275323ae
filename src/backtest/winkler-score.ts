// Winkler (interval) score: width plus a penalty for every miss.

/**
 * Winkler score of a central (1 − α) interval [l, u] for observation y:
 * W = (u − l) + (2/α)(l − y)·1[y < l] + (2/α)(y − u)·1[y > u]; averaged over points. Lower is better.
 *
 * @param actual observed values
 * @param lower lower bounds
 * @param upper upper bounds
 * @param level nominal coverage 1 − α in (0, 1), e.g. 0.95
 * @returns mean Winkler score (units of the series)
 * @throws Error when lengths differ or the level is outside (0, 1)
 * @see Winkler (1972) A decision-theoretic approach to interval estimation. JASA 67:187–191; Gneiting & Raftery (2007) JASA 102:359–378, eq. (43).
 * @example winklerScore([12], [8], [10], 0.8); // => 22
 */
export function winklerScore(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  level: number,
): number {
  if (!(level > 0 && level < 1)) throw new Error(`winklerScore level must be in (0, 1), got ${level}`);
  if (actual.length === 0 || lower.length !== actual.length || upper.length !== actual.length) {
    throw new Error(`winklerScore actual, lower and upper must have the same non-zero length, got ${actual.length}, ${lower.length}, ${upper.length}`);
  }
  const alpha = 1 - level;
  let total = 0;
  for (let i = 0; i < actual.length; i += 1) {
    const y = actual[i];
    total += upper[i] - lower[i];
    if (y < lower[i]) total += (2 / alpha) * (lower[i] - y);
    else if (y > upper[i]) total += (2 / alpha) * (y - upper[i]);
  }
  return total / actual.length;
}
