// A stored table of standardised log-error quantiles by horizon, read at any probability by interpolation.
import { inverseNormalCdf } from '../simulate/distributions/inverse-normal-cdf.js';

/** q_k(p_j) on a fixed probability grid: `byHorizon[k − 1][j]`, non-decreasing in j, q_k(½) = 0. */
export interface ErrorQuantileTable {
  /** Increasing probabilities p_j in (0, 1), ½ among them. */
  readonly probabilities: readonly number[];
  readonly byHorizon: readonly (readonly number[])[];
}

/** The grid: 0.001, 0.0025, 0.005, 0.01, 0.02, …, 0.99, 0.995, 0.9975, 0.999 (105 points; tails kept). */
export const ERROR_TABLE_PROBABILITIES: readonly number[] = [
  0.001,
  0.0025,
  0.005,
  ...Array.from({ length: 99 }, (_, i) => Number(((i + 1) / 100).toFixed(2))),
  0.995,
  0.9975,
  0.999,
];

/** z_j = Φ⁻¹(p_j) of a grid (computed once per grid by the caller). */
export function probabilityNodes(probabilities: readonly number[]): Float64Array {
  return Float64Array.from(probabilities, (p) => inverseNormalCdf(p));
}

/**
 * q(Φ(z)) from a table row: linear in z between the nodes z_j = Φ⁻¹(p_j), the end segments extended
 * beyond the first and last node (so the tails keep their last slope instead of stopping).
 * Beyond the table's last horizon H the row of H is used, widened by √(k/H) (random-walk growth).
 *
 * @param table the quantile table
 * @param nodes probabilityNodes(table.probabilities)
 * @param horizon k ≥ 1
 * @param z a standard normal score (Φ⁻¹ of the wanted probability)
 * @returns q_k(Φ(z)), in units of the series' error scale
 * @see Hyndman & Fan (1996) Am. Stat. 50:361–365 (interpolated quantiles); Pinson et al. (2009) Wind Energy 12:51–62 (quantiles mapped through a Gaussian copula).
 * @example tableQuantileAt({ probabilities: [0.1, 0.5, 0.9], byHorizon: [[-1, 0, 1]] }, probabilityNodes([0.1, 0.5, 0.9]), 1, 0); // => 0
 */
export function tableQuantileAt(table: ErrorQuantileTable, nodes: Float64Array, horizon: number, z: number): number {
  const last = table.byHorizon.length;
  const row = table.byHorizon[Math.min(horizon, last) - 1];
  const widen = horizon > last ? Math.sqrt(horizon / last) : 1;
  const n = nodes.length;
  let low = 0;
  let high = n - 1;
  if (z <= nodes[1]) high = 1;
  else if (z >= nodes[n - 2]) low = n - 2;
  else {
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (nodes[mid] <= z) low = mid;
      else high = mid;
    }
  }
  const t = (z - nodes[low]) / (nodes[high] - nodes[low]);
  return (row[low] + t * (row[high] - row[low])) * widen;
}
