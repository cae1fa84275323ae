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
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x.map((v) => Math.round(v * 1e6) / 1e6);
 * // => [1, -2]
 */
export function nelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dimension = start.length;
  if (dimension === 0) throw new Error('nelderMead start must have at least one coordinate, got []');
  const tolerance = options.tolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 400 * dimension;
  const restarts = options.restarts ?? 1;
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations += 1;
    const value = objective(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };

  let best = [...start];
  let bestValue = evaluate(best);
  for (let round = 0; round <= restarts && evaluations < maxEvaluations; round += 1) {
    const result = runSimplex(best, bestValue);
    if (result.value <= bestValue) {
      best = result.x;
      bestValue = result.value;
    }
  }
  return { x: best, value: bestValue, evaluations };

  function runSimplex(origin: number[], originValue: number): { x: number[]; value: number } {
    // 1. Build the simplex: the origin plus one step along each coordinate.
    const vertices: number[][] = [origin];
    const values: number[] = [originValue];
    for (let i = 0; i < dimension; i += 1) {
      const vertex = [...origin];
      const step = typeof options.step === 'number' ? options.step : (options.step?.[i] ?? 0.5);
      vertex[i] += step === 0 ? 0.5 : step;
      vertices.push(vertex);
      values.push(evaluate(vertex));
    }
    const order = vertices.map((_, i) => i);
    const centroid = new Array<number>(dimension);
    const pointAt = (coefficient: number, worst: readonly number[]): number[] =>
      centroid.map((c, i) => c + coefficient * (c - worst[i]));

    while (evaluations < maxEvaluations) {
      // 2. Order vertices; stop when their values agree to the tolerance.
      order.sort((a, b) => values[a] - values[b]);
      const bestIndex = order[0];
      const worstIndex = order[dimension];
      const secondWorstValue = values[order[dimension - 1] ?? bestIndex];
      const spread = Math.abs(values[worstIndex] - values[bestIndex]);
      if (spread <= tolerance * (Math.abs(values[bestIndex]) + tolerance)) break;

      // 3. Centroid of all vertices but the worst.
      centroid.fill(0);
      for (let k = 0; k < dimension; k += 1) {
        const vertex = vertices[order[k]];
        for (let i = 0; i < dimension; i += 1) centroid[i] += vertex[i] / dimension;
      }
      const worst = vertices[worstIndex];

      // 4. Reflect; expand if it is the new best; contract if it is no better than the second worst.
      const reflected = pointAt(1, worst);
      const reflectedValue = evaluate(reflected);
      if (reflectedValue < values[bestIndex]) {
        const expanded = pointAt(2, worst);
        const expandedValue = evaluate(expanded);
        if (expandedValue < reflectedValue) {
          vertices[worstIndex] = expanded;
          values[worstIndex] = expandedValue;
        } else {
          vertices[worstIndex] = reflected;
          values[worstIndex] = reflectedValue;
        }
        continue;
      }
      if (reflectedValue < secondWorstValue) {
        vertices[worstIndex] = reflected;
        values[worstIndex] = reflectedValue;
        continue;
      }
      const outside = reflectedValue < values[worstIndex];
      const contracted = pointAt(outside ? 0.5 : -0.5, worst);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : values[worstIndex])) {
        vertices[worstIndex] = contracted;
        values[worstIndex] = contractedValue;
        continue;
      }
      // 5. Shrink every vertex halfway towards the best.
      const bestVertex = vertices[bestIndex];
      for (const index of order.slice(1)) {
        vertices[index] = vertices[index].map((v, i) => bestVertex[i] + 0.5 * (v - bestVertex[i]));
        values[index] = evaluate(vertices[index]);
      }
    }
    let bestAt = 0;
    for (let k = 1; k < values.length; k += 1) if (values[k] < values[bestAt]) bestAt = k;
    return { x: vertices[bestAt], value: values[bestAt] };
  }
}
