// Partial rank correlation (PRCC): how strongly an output moves with one input once the other inputs
// are held, on ranks, so any monotone effect counts, however curved. The measure of global
// sensitivity read off a Latin hypercube or a grid of variants (Iman & Conover 1980; Blower &
// Dowlatabadi 1994; Marino, Hogue, Ray & Kirschner 2008, "A methodology for performing global
// uncertainty and sensitivity analysis in systems biology", J. Theor. Biol. 254(1), 178–196).
//
// How. Every column is replaced by its midranks. With R the correlation matrix of the m inputs' ranks,
// Q = R⁻¹ and r the inputs' correlations with the output's ranks, the regression of the standardised
// output ranks on the inputs' has coefficients β = Q·r and leaves the share s = 1 − rᵀβ of the
// output's variance unexplained. The partial correlation of input j with the output is then
//   ρ_j = β_j / √(β_j² + s·Q_jj),
// the t statistic of β_j turned into a correlation, r² = t² / (t² + df). It equals the correlation of
// the two residuals of regressing input j and the output on the other inputs (the definition, which
// the test checks against numpy), and needs only the inputs' matrix invertible, so an output the
// inputs explain exactly still has its ρ = ±1. Its test: t = ρ·√(df / (1 − ρ²)) on
// df = n − m − 1 degrees of freedom, two-sided (the usual test of a partial correlation; Marino et al. 2008 use it for PRCCs).
import { invertMatrix } from '../math/invert-matrix.js';
import { regularizedBeta } from '../simulate/distributions/regularized-beta.js';
import { midranks, pearsonCorrelation } from './spearman-correlation.js';

/** Why an input's coefficient is not defined: its column, the output, or the design does not allow one. */
export type PrccGap = 'constant output' | 'constant input' | 'too few variants' | 'collinear inputs' | 'output explained by the others';

export interface PartialRankCorrelation {
  /** ρ_j in [−1, 1], NaN when not defined (`gap` says why). */
  readonly coefficient: number;
  /** Two-sided p-value of ρ_j = 0; NaN with the coefficient. */
  readonly pValue: number;
  readonly gap?: PrccGap;
}

/** Input columns ranked once, for the PRCCs of several outputs on the same rows (rankInputs). */
export interface RankedInputs {
  readonly rows: number;
  readonly ranks: readonly Float64Array[];
  /** The inputs that vary (indices into `ranks`), and the inverse of their rank correlation matrix (undefined: collinear). */
  readonly varied: readonly number[];
  readonly inverse: readonly (readonly number[])[] | undefined;
}

/**
 * Ranks the input columns and inverts their rank correlation matrix: the part of the PRCCs that does
 * not depend on the output, done once for every target of a sweep (O(m²·n + m³) for m inputs).
 * @param inputs one column per input, all of one length and finite
 */
export function rankInputs(inputs: readonly ArrayLike<number>[]): RankedInputs {
  const rows = inputs[0]?.length ?? 0;
  if (inputs.some((column) => column.length !== rows)) throw new Error(`internal: every input column must have ${rows} rows`);
  const ranks = inputs.map((column) => midranks(column));
  const varied = ranks.flatMap((x, j) => (isConstant(x) ? [] : [j]));
  const inverse = invertMatrix(varied.map((a) => varied.map((b) => (a === b ? 1 : pearsonCorrelation(ranks[a], ranks[b])))));
  return { rows, ranks, varied, inverse };
}

/**
 * The PRCC of each input column with `output` (rows where the output or an input is not finite are
 * left out). A constant input is left out of the others' regressions too (it cannot be held or varied).
 * @param inputs one column per input, each as long as `output`; or the columns ranked once (rankInputs)
 * @example partialRankCorrelations([[1, 2, 3, 4], [1, 1, 2, 2]], [1, 2, 3, 4])[0].coefficient; // => 1
 */
export function partialRankCorrelations(inputs: readonly ArrayLike<number>[] | RankedInputs, output: ArrayLike<number>): PartialRankCorrelation[] {
  const n = output.length;
  if (!isRanked(inputs)) {
    if (inputs.some((column) => column.length !== n)) throw new Error(`internal: every input column must have the output's ${n} rows`);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(output[i]) && inputs.every((column) => Number.isFinite(column[i]))) kept.push(i);
    const pick = (column: ArrayLike<number>) => Float64Array.from(kept, (i) => column[i]);
    const ranked = rankInputs(inputs.map(pick));
    return correlationsOf(ranked, regressionOfRanked(ranked, midranks(pick(output))));
  }
  return rankAnalysis(inputs, output).correlations;
}

function isRanked(inputs: readonly ArrayLike<number>[] | RankedInputs): inputs is RankedInputs {
  return !Array.isArray(inputs);
}

/** The regression of the output's ranks on the varied inputs' (standardised), or why there is none. */
type RankRegression =
  | { readonly gap: PrccGap }
  | { readonly gap?: undefined; readonly q: readonly (readonly number[])[]; readonly beta: readonly number[]; readonly unexplained: number; readonly df: number };

function regressionOfRanked(inputs: RankedInputs, y: Float64Array): RankRegression {
  if (isConstant(y)) return { gap: 'constant output' };
  const { varied, inverse: q } = inputs;
  const df = y.length - varied.length - 1;
  if (varied.length === 0) return { gap: 'constant input' };
  if (df < 1) return { gap: 'too few variants' };
  if (!q) return { gap: 'collinear inputs' };
  const r = varied.map((j) => pearsonCorrelation(inputs.ranks[j], y));
  const beta = q.map((row) => row.reduce((sum, qjk, k) => sum + qjk * r[k], 0));
  return { q, beta, unexplained: Math.max(0, 1 - r.reduce((sum, rk, k) => sum + rk * beta[k], 0)), df };
}

function correlationsOf(inputs: RankedInputs, regression: RankRegression): PartialRankCorrelation[] {
  const gap = (why: PrccGap): PartialRankCorrelation => ({ coefficient: Number.NaN, pValue: Number.NaN, gap: why });
  if (regression.gap === 'constant output') return inputs.ranks.map(() => gap('constant output'));
  const result: PartialRankCorrelation[] = inputs.ranks.map(() => gap('constant input'));
  if (regression.gap !== undefined) {
    for (const j of inputs.varied) result[j] = gap(regression.gap);
    return result;
  }
  const { q, beta, unexplained, df } = regression;
  // In these standardised terms rounding leaves about 1e-16 a term: below `exactly` the inputs explain
  // the output's ranks exactly, and an input with no coefficient of its own has no partial correlation.
  const exactly = 1e-12;
  inputs.varied.forEach((j, k) => {
    if (unexplained < exactly && Math.abs(beta[k]) < Math.sqrt(exactly)) {
      result[j] = gap('output explained by the others');
      return;
    }
    const rho = unexplained < exactly ? Math.sign(beta[k]) : Math.max(-1, Math.min(1, beta[k] / Math.sqrt(beta[k] * beta[k] + unexplained * q[k][k])));
    result[j] = { coefficient: rho, pValue: correlationPValue(rho, df) };
  });
  return result;
}

/**
 * The PRCCs of one output with inputs ranked once, and the R² of the linear regression of its ranks
 * on theirs, rᵀ·Q·r: the share of the variation in the output's ranks that the inputs' monotone
 * effects together explain (the usual check on a rank regression; a low one says the output moves in
 * ways no monotone effect of the inputs explains: an effect that rises then falls, or interactions;
 * NaN where no regression can be fitted). Rows where the output is not finite are left out: their
 * ranks change, so the inputs are then ranked again on the rows left.
 */
export function rankAnalysis(inputs: RankedInputs, output: ArrayLike<number>): { readonly correlations: PartialRankCorrelation[]; readonly rankR2: number } {
  const n = output.length;
  if (n !== inputs.rows) throw new Error(`internal: the output must have the inputs' ${inputs.rows} rows, got ${n}`);
  const kept = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(output[i]));
  const ranked = kept.length === n ? inputs : rankInputs(inputs.ranks.map((column) => Float64Array.from(kept, (i) => column[i])));
  const regression = regressionOfRanked(ranked, midranks(kept.length === n ? output : Float64Array.from(kept, (i) => output[i])));
  return { correlations: correlationsOf(ranked, regression), rankR2: regression.gap === undefined ? 1 - regression.unexplained : Number.NaN };
}

/**
 * The R² of rankAnalysis alone.
 * @example rankRegressionR2(rankInputs([[1, 2, 3, 4]]), [1, 2, 3, 4]); // => 1
 */
export function rankRegressionR2(inputs: RankedInputs, output: ArrayLike<number>): number {
  return rankAnalysis(inputs, output).rankR2;
}

/**
 * Two-sided p-value of a (partial) correlation ρ on `df` degrees of freedom: P(|T| ≥ |t|) for
 * t = ρ·√(df / (1 − ρ²)) and T Student's t on df, = I_(df/(df+t²))(df/2, ½) = I_(1−ρ²)(df/2, ½).
 * @example correlationPValue(0, 10); // => 1
 */
export function correlationPValue(rho: number, df: number): number {
  if (!Number.isFinite(rho) || !(df >= 1)) return Number.NaN;
  return regularizedBeta(Math.max(0, Math.min(1, 1 - rho * rho)), df / 2, 0.5);
}

function isConstant(column: Float64Array): boolean {
  return column.every((x) => x === column[0]);
}
