// Spearman's rank correlation of per-draw columns: the sample-based importance of an input.

/**
 * Midranks (1-based) of `values`: tied values share the average of the ranks they span, so the
 * ranks do not depend on the order of the draws (Kendall & Gibbons 1990, §3.1).
 * @example Array.from(midranks([10, 20, 20, 5])); // => [2, 3.5, 3.5, 1]
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Pearson's correlation Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² Σ(y−ȳ)²); NaN when either column is constant.
 * @example pearsonCorrelation([1, 2, 3], [2, 4, 7]); // => 0.9933992677987828
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) throw new Error(`internal: correlated columns must have equal lengths, got ${n} and ${y.length}`);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's ρ: the Pearson correlation of the midranks of `x` and `y`. Pairs where either value
 * is not finite are dropped first; NaN when fewer than two pairs remain or a column is constant.
 * Agrees with simple-statistics `sampleRankCorrelation` and R `cor(x, y, method = "spearman")`.
 * @param x per-draw input samples @param y per-draw outcomes (same draws, same length)
 * @example spearmanCorrelation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25]); // => 1
 * @see https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error(`internal: correlated columns must have equal lengths, got ${x.length} and ${y.length}`);
  let keptX: ArrayLike<number> = x;
  let keptY: ArrayLike<number> = y;
  let finite = true;
  for (let i = 0; i < x.length && finite; i++) finite = Number.isFinite(x[i]) && Number.isFinite(y[i]);
  if (!finite) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
        xs.push(x[i]);
        ys.push(y[i]);
      }
    }
    keptX = xs;
    keptY = ys;
  }
  return pearsonCorrelation(midranks(keptX), midranks(keptY));
}
