// Which side of the target's own P(met) a proxy's P(met) lies on: a variable of a narrower or a
// broader scope than the target's series meets the target less or more often than the target itself.
import type { Target } from '../data/types.js';
import type { TargetVerdict } from './target-verdict.js';

/** `lower` / `upper` when a P(met) bounds the target's own from that side, empty when it is the target's own. */
export type ProbabilityBound = 'lower' | 'upper' | '';

/**
 * What a proxy's P(met) is of the target's own P(met): a narrower variable (a part of the target's
 * quantity) meets a commitment no more often than the whole, so its P is a `lower` bound, and a
 * ceiling no less often, an `upper` bound; a broader variable the reverse; a band stated at both
 * ends gets no bound (empty).
 * @example probabilityBound({ proxy: 'narrower', lower: { value: 5500, inclusive: false } }); // => 'lower'
 */
export function probabilityBound(target: Pick<Target, 'proxy' | 'lower' | 'upper'>): ProbabilityBound {
  if (!target.proxy || (target.lower && target.upper)) return '';
  const moreIsBetter = target.lower !== undefined;
  return (target.proxy === 'narrower') === moreIsBetter ? 'lower' : 'upper';
}

/** True for a verdict read from the model's draws: an open window's projection or a closed window's nowcast. */
export function judgedFromDraws(v: Pick<TargetVerdict, 'judgedOn'>): boolean {
  return v.judgedOn === 'projection' || v.judgedOn === 'nowcast';
}

/**
 * Which side a verdict's P(met) bounds the target's own (probabilityBound of a proxy), for verdicts
 * read from the draws; empty otherwise (a record's 1 or 0 is the target's own).
 * @example verdictBound(industry2026Verdict); // => 'lower'
 */
export function verdictBound(v: Pick<TargetVerdict, 'judgedOn' | 'target' | 'projection'>): ProbabilityBound {
  return judgedFromDraws(v) ? probabilityBound(v.projection?.target ?? v.target) : '';
}

