// What the record decides about a target: the interval each figure's truth lies in, and whether an
// interval decides the target's bounds (a bound that cannot decide does not: "超过2500" says nothing about ≥ 3000).
import { approxBand } from '../data/figure-bands.js';
import type { Observation, Qualifier, Target } from '../data/types.js';

/** The record's verdict on one target, from its kind's judge on record. */
export interface RecordJudgement {
  /** `achieved` / `missed`: the record decides; `undecided`: it does not (yet). */
  readonly outcome: 'achieved' | 'missed' | 'undecided';
  /** The observations that decided it (for `undecided`, the ones that were looked at). */
  readonly deciding: readonly Observation[];
  /** The judged quantity on record (a level, the smallest growth, a CAGR, a sum), as a figure with its qualifier. */
  readonly value?: number;
  readonly qualifier?: Qualifier;
  /** How it was decided, or why it is not, in words. */
  readonly reason: string;
}

/** Where the truth behind a figure lies: [low, high]; `lowPassed` when a lower-bound figure ("首破", "突破") has passed its bound. */
export interface TruthInterval {
  readonly low: number;
  readonly high: number;
  readonly lowPassed?: boolean;
}

/**
 * The interval a reported figure's truth lies in: exact [v, v]; approx (接近/约) v·(1 ∓ approxBand),
 * the band calibration draws it from; atLeast (超过/突破/首破) [v, ∞), having passed v; atMost (不到) (−∞, v].
 * @example truthInterval(3500, 'approx'); // => { low: 3395, high: 3605 }
 */
export function truthInterval(value: number, qualifier: Qualifier): TruthInterval {
  switch (qualifier) {
    case 'approx': {
      const spread = Math.abs(value) * approxBand;
      return { low: value - spread, high: value + spread };
    }
    case 'atLeast':
      return { low: value, high: Number.POSITIVE_INFINITY, lowPassed: true };
    case 'atMost':
      return { low: Number.NEGATIVE_INFINITY, high: value };
    default:
      return { low: value, high: value };
  }
}

/**
 * The interval of a growth rate reported with a qualifier: as truthInterval, on the growth factor
 * 1 + g for an approximate rate ("约16%" → 1.16 ± 3%).
 * @example growthInterval(0.16, 'approx').low; // => 0.1252 (to 1e-12)
 */
export function growthInterval(rate: number, qualifier: Qualifier): TruthInterval {
  if (qualifier !== 'approx') return truthInterval(rate, qualifier);
  const factor = truthInterval(1 + rate, 'approx');
  return { low: factor.low - 1, high: factor.high - 1 };
}

/**
 * Whether a truth interval decides a target's bounds: `met` when every value in it meets the
 * commitment and the ceiling, `missed` when every value misses one of them, else `undecided`.
 * A lower-bound figure at the bound has passed it ("首破万亿元" meets "突破1万亿元").
 * @example decideBounds({ low: 3395, high: 3605 }, { lower: { value: 3000, inclusive: true } }); // => 'met'
 * @example decideBounds({ low: 2500, high: Infinity, lowPassed: true }, { lower: { value: 3000, inclusive: true } }); // => 'undecided'
 */
export function decideBounds(interval: TruthInterval, target: Pick<Target, 'lower' | 'upper'>): 'met' | 'missed' | 'undecided' {
  const { lower, upper } = target;
  const { low, high } = interval;
  const meetsLower = !lower || (lower.inclusive || interval.lowPassed ? low >= lower.value : low > lower.value);
  const meetsUpper = !upper || (upper.inclusive ? high <= upper.value : high < upper.value);
  if (meetsLower && meetsUpper) return 'met';
  const missesLower = lower !== undefined && (lower.inclusive ? high < lower.value : high <= lower.value);
  const missesUpper = upper !== undefined && (upper.inclusive ? low > upper.value : low >= upper.value);
  return missesLower || missesUpper ? 'missed' : 'undecided';
}

/** A figure as it reads in a reason: `≥ 2500`, `≈ 3500`, `≤ 7`, `6`. */
export function figureText(value: number, qualifier: Qualifier, format: (value: number) => string = String): string {
  const mark = qualifier === 'atLeast' ? '≥ ' : qualifier === 'atMost' ? '≤ ' : qualifier === 'approx' ? '≈ ' : '';
  return `${mark}${format(value)}`;
}
