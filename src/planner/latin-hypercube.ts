// A Latin hypercube whose columns are nearly uncorrelated: the design `forecast design` writes for
// `forecast sweep --design` (docs/planner.md, "Designs").
//
//   1 strata     each column's range cut into n equal strata; column j puts row i in stratum π_j(i),
//                π_j a random permutation (Fisher–Yates), so every stratum holds one row
//                (McKay, Beckman & Conover 1979)
//   2 pairing    random permutations leave chance rank correlations between columns (0.31 between two
//                columns of SciPy's plain hypercube of 40 rows, seed 2026): pairs of rows swap their
//                strata in one column when that lowers Σ_{j<k} ρ_jk², ρ_jk the rank correlation of
//                columns j and k, which for strata is Pearson's of π_j and π_k (Owen 1994 controls
//                correlations in Latin hypercube samples likewise; Iman & Conover 1982)
//   3 position   a uniform place inside the stratum, kept 0.1% of a stratum away from its edges so
//                that a value written with the decimals `forecast design` prints stays in its stratum
// Every number comes from the engine's seeded streams: the same seed gives the same design.
import type { RandomStream } from '../model/random-stream.js';

/** One column of a design: its range. */
export interface DesignRange {
  readonly low: number;
  readonly high: number;
}

/** A Latin hypercube: each row's stratum in each column, its values, and what the pairing left. */
export interface LatinHypercube {
  /** strata[j][i]: the stratum (0 … n − 1) of row i in column j; each column a permutation. */
  readonly strata: readonly Int32Array[];
  /** rows[i][j]: row i's value in column j, inside its stratum of column j's range. */
  readonly rows: readonly (readonly number[])[];
  /** The largest |rank correlation| between two columns (0 for one column). */
  readonly largestCorrelation: number;
}

/** Proposed swaps, a multiple of rows × columns, at most maxProposals (each costs O(columns)). */
const proposalsPerCell = 50;
const maxProposals = 2_000_000;
/** A value's place in its stratum: u in [edgeMargin, 1 − edgeMargin). */
const edgeMargin = 0.001;

/** A whole number in [0, n), from one uniform (53 random bits: unbiased enough for n ≤ 10⁷). */
const below = (stream: RandomStream, n: number): number => Math.min(n - 1, Math.floor(stream.nextFloat() * n));

/** A random permutation of 0 … n − 1 (Fisher–Yates, Knuth §3.4.2 Algorithm P). */
function permutation(stream: RandomStream, n: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = below(stream, i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * The rank correlation of two permutations of 0 … n − 1: Pearson's r of the strata, (Σ π_j π_k − n·m²)
 * / (n·v) with m = (n − 1)/2 and v = (n² − 1)/12 the strata's mean and variance (Spearman's ρ, no ties).
 */
export function strataCorrelation(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] * b[i];
  return crossToCorrelation(sum, n);
}

const crossToCorrelation = (cross: number, n: number): number => {
  const mean = (n - 1) / 2;
  return (cross - n * mean * mean) / ((n * (n * n - 1)) / 12);
};

/**
 * A Latin hypercube of `n` rows over `ranges`, its columns paired to keep their rank correlations low
 * (steps 1–3 at the top of this file).
 * @param n rows (≥ 2)
 * @param stream the seeded stream every number is drawn from (advanced)
 * @example latinHypercube(4, [{ low: 0, high: 1 }], createStream(1, 'design')).strata[0]; // => a permutation of 0 … 3
 */
export function latinHypercube(n: number, ranges: readonly DesignRange[], stream: RandomStream): LatinHypercube {
  const d = ranges.length;
  const strata = ranges.map(() => permutation(stream, n));
  // cross[j][k] = Σ_i π_j(i)·π_k(i), kept up to date as strata swap.
  const cross = strata.map((a) => strata.map((b) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += a[i] * b[i];
    return sum;
  }));
  const scale = (n * (n * n - 1)) / 12;
  if (d >= 2 && n >= 3) {
    const proposals = Math.min(maxProposals, proposalsPerCell * n * d);
    for (let t = 0; t < proposals; t++) {
      const j = below(stream, d);
      const a = below(stream, n);
      const b = below(stream, n - 1);
      const r = b >= a ? b + 1 : b;
      const column = strata[j];
      const dj = column[r] - column[a];
      // Swapping rows a and r in column j changes Σ π_j π_k by −(π_j(r) − π_j(a))·(π_k(r) − π_k(a)),
      // and each pair's ρ² by the difference of the squares: accept when the sum falls.
      let change = 0;
      for (let k = 0; k < d; k++) {
        if (k === j) continue;
        const delta = -dj * (strata[k][r] - strata[k][a]);
        const before = crossToCorrelation(cross[j][k], n);
        const after = before + delta / scale;
        change += after * after - before * before;
      }
      if (change < 0) {
        column[a] += dj;
        column[r] -= dj;
        for (let k = 0; k < d; k++) {
          if (k === j) continue;
          const delta = -dj * (strata[k][r] - strata[k][a]);
          cross[j][k] += delta;
          cross[k][j] += delta;
        }
      }
    }
  }
  let largestCorrelation = 0;
  for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) largestCorrelation = Math.max(largestCorrelation, Math.abs(strataCorrelation(strata[j], strata[k])));
  const rows = Array.from({ length: n }, (_, i) =>
    ranges.map(({ low, high }, j) => low + ((high - low) * (strata[j][i] + edgeMargin + (1 - 2 * edgeMargin) * stream.nextFloat())) / n),
  );
  return { strata, rows, largestCorrelation };
}
