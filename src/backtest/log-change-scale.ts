// A series' own volatility: the standard deviation of its yearly log changes.

/** Floor on the scale so a perfectly smooth history does not give zero-width intervals. */
const MINIMUM_SCALE = 1e-3;

/**
 * s = sd(Δ ln y) = √(Σ (d_t − d̄)² / (m − 1)) over the m = n − 1 log changes d_t = ln(y_t/y_{t−1}),
 * floored at 0.001. It standardises forecast errors on the log scale so they can be pooled
 * across series of different volatility.
 *
 * @param series positive yearly values (length ≥ 3)
 * @returns the scale (unitless, per year)
 * @throws Error when the series is too short or not positive
 * @see Hyndman & Athanasopoulos (2021) FPP3 §5.6 (log transformations); Makridakis, Spiliotis & Assimakopoulos (2020) IJF 36:54–74 (scaled errors pooled across series).
 * @example logChangeScale([1, Math.E, 1]); // => Math.SQRT2
 */
export function logChangeScale(series: readonly number[]): number {
  const n = series.length;
  if (n < 3) throw new Error(`logChangeScale series must have at least 3 values, got ${n}`);
  const changes: number[] = [];
  for (let t = 1; t < n; t += 1) {
    if (!(series[t] > 0) || !(series[t - 1] > 0)) {
      throw new Error(`logChangeScale series must be positive, got ${series[t - 1]}, ${series[t]} at ${t - 1}, ${t}`);
    }
    changes.push(Math.log(series[t] / series[t - 1]));
  }
  const mean = changes.reduce((sum, d) => sum + d, 0) / changes.length;
  const variance = changes.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (changes.length - 1);
  return Math.max(Math.sqrt(variance), MINIMUM_SCALE);
}
