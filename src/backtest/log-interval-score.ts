// The interval score on the log scale, in log points × 100: comparable across series of any size.
import { winklerScore } from './winkler-score.js';

/**
 * 100 · Winkler score of [ln l, ln u] for ln y (values floored at 1e-9 before logs): the width of
 * the interval in log points plus (2/α) times each miss, ×100 so it reads roughly as percent of the
 * level. A proper score for central intervals: lower is better, and it rewards narrow intervals only
 * when they still cover (Gneiting & Raftery 2007). Averaged over points.
 *
 * @param actual observed values (> 0)
 * @param lower lower bounds
 * @param upper upper bounds
 * @param level nominal coverage 1 − α in (0, 1)
 * @returns the mean log interval score × 100
 * @throws Error when lengths differ or the level is outside (0, 1) (as winklerScore)
 * @see Gneiting & Raftery (2007) Strictly proper scoring rules, prediction, and estimation. JASA 102:359–378, eq. (43); Winkler (1972) JASA 67:187–191.
 * @example logIntervalScore([Math.E], [1], [Math.E], 0.8); // => 100
 */
export function logIntervalScore(actual: readonly number[], lower: readonly number[], upper: readonly number[], level: number): number {
  const ln = (values: readonly number[]) => values.map((value) => Math.log(Math.max(value, 1e-9)));
  return 100 * winklerScore(ln(actual), ln(lower), ln(upper), level);
}
