// The error scale of a possibly short series: its own log changes, shrunk towards its collection's typical scale.
import { logChangeMoments, MINIMUM_ERROR_SCALE } from './log-change-scale.js';

/** Weight of the collection's scale, in log changes (fixed on pseudo-tests inside the M3 and tourism training parts). */
export const ERROR_SCALE_PRIOR_CHANGES = 3;

/**
 * s̃ = √((m·s² + k·S²)/(m + k)), floored at 0.001: the series' own s² = sd² + d̄² of its m yearly log
 * changes (logChangeMoments) pooled with the collection's typical scale S as if S had been seen on
 * k more changes. With many changes s̃ ≈ s; with two or three, S carries about half the weight, so a
 * series that happened to be quiet for a few years does not get a band far too narrow. A series
 * with a non-positive value or fewer than two values gets S.
 *
 * Why k = 3: on pseudo-tests inside the M3 and tourism training parts (docs/backtest.md §0.1) the
 * conformal intervals' log interval score was lowest for k between 2 and 5 (k = 3 and 5 equal), and
 * lower than with the series' own s alone or with S alone.
 *
 * @param series yearly values, oldest first
 * @param pooledScale S (> 0), e.g. the median of the collection's own scales
 * @param priorChanges k ≥ 0 (default 3)
 * @returns s̃ (unitless, per year)
 * @see Lei, G'Sell, Rinaldo, Tibshirani & Wasserman (2018) JASA 113:1094–1111 §5.2 (locally weighted conformal scores); Efron & Morris (1975) Data analysis using Stein's estimator and its generalizations. JASA 70:311–319 (shrinking towards the pooled value).
 * @example shrunkErrorScale([100, 110], 0.1, 3); // => √((1·ln(1.1)² + 3·0.01)/4) ≈ 0.0989
 */
export function shrunkErrorScale(series: readonly number[], pooledScale: number, priorChanges = ERROR_SCALE_PRIOR_CHANGES): number {
  const moments = logChangeMoments(series);
  if (moments === undefined) return Math.max(pooledScale, MINIMUM_ERROR_SCALE);
  const { changes, squaredScale } = moments;
  return Math.max(Math.sqrt((changes * squaredScale + priorChanges * pooledScale * pooledScale) / (changes + priorChanges)), MINIMUM_ERROR_SCALE);
}
