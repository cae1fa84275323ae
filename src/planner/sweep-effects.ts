// What moves each target across a sweep's variants: for every target judged from the draws and every
// varied path, the partial rank correlation of the target's P(met) — and of its median — with the
// path's values, the other paths held (partial-rank-correlation.ts). Read off a Latin hypercube
// (`forecast design`) it is the usual global sensitivity of an LHS study (Marino et al. 2008); off a
// grid, the same measure on the grid's points. The variants share their random numbers, so what
// differs between them is the assumptions, not the draws.
import { rankAnalysis, rankInputs, type PrccGap } from './partial-rank-correlation.js';

/** A target as the effects name it. */
export interface SweepEffectTarget {
  readonly id: string;
  readonly variable: string;
  readonly unit: string;
  readonly year: number;
  /** `lower` / `upper` where a proxy judges the target: its probabilities are bounds. */
  readonly bound: '' | 'lower' | 'upper';
}

/** One target's numbers in every variant, in variant order. */
export interface SweepTargetColumn {
  readonly target: SweepEffectTarget;
  readonly probability: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
}

export interface SweepEffect {
  readonly target: SweepEffectTarget;
  readonly path: string;
  /** Variants the coefficients rest on (those where the target is judged from draws). */
  readonly variants: number;
  readonly probabilityMin: number;
  readonly probabilityMax: number;
  readonly prcc: number;
  readonly pValue: number;
  /** 1 = the path with the largest |prcc| for this target; paths without one come last, in path order. */
  readonly rank: number;
  /** R² of the rank regression of P(met) on every path (the target's, on each of its rows): how much of it monotone effects explain. */
  readonly rankR2: number;
  readonly p50Min: number;
  readonly p50Max: number;
  readonly prccP50: number;
  readonly pValueP50: number;
  readonly rankR2P50: number;
  /** Why a coefficient is missing (of P(met); of the median after "median: "). */
  readonly note: string;
}

/**
 * The effects of every path on every target judged from the draws in at least one variant: rows by
 * target (in `columns` order), then by rank.
 * @param values each variant's value of every path, in variant order
 */
export function sweepEffects(paths: readonly string[], values: readonly (readonly number[])[], columns: readonly SweepTargetColumn[]): SweepEffect[] {
  const inputs = rankInputs(paths.map((_, j) => values.map((row) => row[j])));
  return columns.flatMap((column) => {
    const judged = Array.from(column.probability).filter(Number.isFinite).length;
    if (judged === 0) return [];
    const { correlations: onProbability, rankR2 } = rankAnalysis(inputs, column.probability);
    const { correlations: onMedian, rankR2: rankR2P50 } = rankAnalysis(inputs, column.p50);
    const [probabilityMin, probabilityMax] = finiteRange(column.probability);
    const [p50Min, p50Max] = finiteRange(column.p50);
    const order = paths.map((_, j) => j).sort((a, b) => byStrength(onProbability[a].coefficient, onProbability[b].coefficient) || a - b);
    return order.map((j, k): SweepEffect => ({
      target: column.target,
      path: paths[j],
      variants: judged,
      probabilityMin,
      probabilityMax,
      prcc: onProbability[j].coefficient,
      pValue: onProbability[j].pValue,
      rank: k + 1,
      rankR2,
      p50Min,
      p50Max,
      prccP50: onMedian[j].coefficient,
      pValueP50: onMedian[j].pValue,
      rankR2P50,
      note: noteOf(onProbability[j].gap, onMedian[j].gap),
    }));
  });
}

/** Larger |ρ| first; NaN after every number. */
function byStrength(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return Math.abs(b) - Math.abs(a);
}

function finiteRange(column: ArrayLike<number>): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < column.length; i++) {
    if (!Number.isFinite(column[i])) continue;
    low = Math.min(low, column[i]);
    high = Math.max(high, column[i]);
  }
  return low <= high ? [low, high] : [Number.NaN, Number.NaN];
}

const gapWords: Record<PrccGap, string> = {
  'constant output': 'the same in every variant',
  'constant input': 'the path has one value',
  'too few variants': 'fewer variants than paths + 2',
  'collinear inputs': 'the paths are collinear in the design',
  'output explained by the others': 'no effect of its own: the other paths explain the target exactly',
};

function noteOf(probability: PrccGap | undefined, median: PrccGap | undefined): string {
  const notes = [];
  if (probability) notes.push(gapWords[probability]);
  if (median && median !== probability) notes.push(`median: ${gapWords[median]}`);
  return notes.join('; ');
}
