// Nelder–Mead downhill simplex: the small derivative-free optimiser every forecast fit uses.

/** Options for {@link nelderMead}; every field has a default. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate when the simplex is built (default 0.5, or per coordinate). */
  readonly step?: number | readonly number[];
  /** Stop when the spread of simplex values is below this (default 1e-10, relative + absolute). */
  readonly tolerance?: number;
  /** Hard cap on objective evaluations (default 400 × dimension). */
  readonly maxEvaluations?: number;
  /** Restarts from the best point, which rebuilds a collapsed simplex (default 1). */
  readonly restarts?: number;
}

/** Result of {@link nelderMead}: the best point, its value and the evaluations spent. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Minimises `objective` over R^d with the Nelder–Mead simplex method.
 *
 * Each iteration replaces the worst vertex x_w by reflection x_r = c + (c − x_w),
 * expansion x_e = c + 2(c − x_w), contraction x_c = c ± ½(c − x_w) (c is the centroid of the
 * other vertices), or shrinks every vertex halfway towards the best one. Standard coefficients
 * (1, 2, ½, ½). Non-finite objective values count as +∞, so a caller may return NaN or ∞ outside
 * its feasible region. After convergence the search restarts once from the best point, which is
 * the usual guard against a prematurely collapsed simplex.
 *
 * @param objective function to minimise; must not mutate its argument
 * @param start starting point (length d ≥ 1)
 * @param options step, tolerance, evaluation cap, restarts
 * @returns the best point found, its objective value and the number of evaluations
 * @throws Error when `start` is empty
 * @see Nelder, J. A. & Mead, R. (1965) A simplex method for function minimization. Computer Journal 7:308–313.
 * @see Lagarias et al. (1998) Convergence properties of the Nelder–Mead simplex method in low dimensions. SIAM J. Optim. 9:112–147.
 * @example
 * nelderMead((p) => (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0, 0]).x.map((v) => Math.round(v * 1e6) / 1e6);
 * // => [1, -2]
 */
export function nelderMead(
  objective: (x: ArrayLike<number>) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dimension = start.length;
  if (dimension === 0) throw new Error('nelderMead start must have at least one coordinate, got []');
  const tolerance = options.tolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 400 * dimension;
  const restarts = options.restarts ?? 1;
  let evaluations = 0;
  const evaluate = (x: ArrayLike<number>): number => {
    evaluations += 1;
    const value = objective(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };

  // Flat storage: vertex k occupies simplex[k·d .. k·d + d); scratch points are reused.
  const vertexCount = dimension + 1;
  const simplex = new Float64Array(vertexCount * dimension);
  const values = new Float64Array(vertexCount);
  const centroid = new Float64Array(dimension);
  const reflected = new Float64Array(dimension);
  const trial = new Float64Array(dimension);
  const best = Float64Array.from(start);
  let bestValue = evaluate(best);

  for (let round = 0; round <= restarts && evaluations < maxEvaluations; round += 1) runSimplex();
  return { x: Array.from(best), value: bestValue, evaluations };

  function vertex(k: number): Float64Array {
    return simplex.subarray(k * dimension, (k + 1) * dimension);
  }

  /** target = c + coefficient·(c − worst). */
  function pointAt(target: Float64Array, coefficient: number, worst: Float64Array): void {
    for (let i = 0; i < dimension; i += 1) target[i] = centroid[i] + coefficient * (centroid[i] - worst[i]);
  }

  function runSimplex(): void {
    // 1. Build the simplex: the best point so far plus one step along each coordinate.
    simplex.set(best, 0);
    values[0] = bestValue;
    for (let k = 1; k < vertexCount; k += 1) {
      const point = vertex(k);
      point.set(best);
      const i = k - 1;
      const step = typeof options.step === 'number' ? options.step : (options.step?.[i] ?? 0.5);
      point[i] += step === 0 ? 0.5 : step;
      values[k] = evaluate(point);
    }

    while (evaluations < maxEvaluations) {
      // 2. Best, worst and second-worst vertices; stop when their values agree to the tolerance.
      let bestIndex = 0;
      let worstIndex = 0;
      for (let k = 1; k < vertexCount; k += 1) {
        if (values[k] < values[bestIndex]) bestIndex = k;
        if (values[k] >= values[worstIndex]) worstIndex = k;
      }
      if (bestIndex === worstIndex) worstIndex = bestIndex === 0 ? 1 : 0;
      let secondWorstValue = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < vertexCount; k += 1) {
        if (k !== worstIndex && values[k] > secondWorstValue) secondWorstValue = values[k];
      }
      const spread = Math.abs(values[worstIndex] - values[bestIndex]);
      if (spread <= tolerance * (Math.abs(values[bestIndex]) + tolerance)) break;

      // 3. Centroid of all vertices but the worst.
      centroid.fill(0);
      for (let k = 0; k < vertexCount; k += 1) {
        if (k === worstIndex) continue;
        const offset = k * dimension;
        for (let i = 0; i < dimension; i += 1) centroid[i] += simplex[offset + i] / dimension;
      }
      const worst = vertex(worstIndex);

      // 4. Reflect; expand if it is the new best; contract if it is no better than the second worst.
      pointAt(reflected, 1, worst);
      const reflectedValue = evaluate(reflected);
      if (reflectedValue < values[bestIndex]) {
        pointAt(trial, 2, worst);
        const expandedValue = evaluate(trial);
        if (expandedValue < reflectedValue) {
          worst.set(trial);
          values[worstIndex] = expandedValue;
        } else {
          worst.set(reflected);
          values[worstIndex] = reflectedValue;
        }
        continue;
      }
      if (reflectedValue < secondWorstValue) {
        worst.set(reflected);
        values[worstIndex] = reflectedValue;
        continue;
      }
      const outside = reflectedValue < values[worstIndex];
      pointAt(trial, outside ? 0.5 : -0.5, worst);
      const contractedValue = evaluate(trial);
      if (contractedValue < (outside ? reflectedValue : values[worstIndex])) {
        worst.set(trial);
        values[worstIndex] = contractedValue;
        continue;
      }
      // 5. Shrink every vertex halfway towards the best.
      const bestVertex = vertex(bestIndex);
      for (let k = 0; k < vertexCount; k += 1) {
        if (k === bestIndex) continue;
        const point = vertex(k);
        for (let i = 0; i < dimension; i += 1) point[i] = bestVertex[i] + 0.5 * (point[i] - bestVertex[i]);
        values[k] = evaluate(point);
      }
    }
    let bestAt = 0;
    for (let k = 1; k < vertexCount; k += 1) if (values[k] < values[bestAt]) bestAt = k;
    if (values[bestAt] <= bestValue) {
      best.set(vertex(bestAt));
      bestValue = values[bestAt];
    }
  }
}
