// Whether a later outcome fell inside a forecast band, when the outcome may be only a bound.
import type { Qualifier } from '../data/types.js';

/** Where an outcome lies relative to a band; `undecided` when it is a bound that does not say. */
export type BandVerdict = 'inside' | 'above' | 'below' | 'undecided';

/**
 * The verdict of one outcome on one band [lower, upper]:
 * - a point (exact or approx, outturn or estimate): below if v < lower, above if v > upper, else inside;
 * - a lower bound ("超过 v", atLeast): above when v > upper (the truth is above too), else undecided;
 * - an upper bound (atMost): below when v < lower, else undecided.
 * A bound is never read as a point (a bound stays a bound): it decides only when the band lies
 * wholly on one side of it.
 * @param outcome the value and its qualifier
 * @param lower the band's lower end
 * @param upper the band's upper end
 * @returns inside, above, below or undecided
 * @example bandVerdict({ value: 4500, qualifier: 'approx' }, 2478, 4124); // => 'above'
 * @example bandVerdict({ value: 2500, qualifier: 'atLeast' }, 2400, 3300); // => 'undecided'
 */
export function bandVerdict(outcome: { readonly value: number; readonly qualifier: Qualifier }, lower: number, upper: number): BandVerdict {
  const { value, qualifier } = outcome;
  if (qualifier === 'atLeast') return value > upper ? 'above' : 'undecided';
  if (qualifier === 'atMost') return value < lower ? 'below' : 'undecided';
  return value < lower ? 'below' : value > upper ? 'above' : 'inside';
}
