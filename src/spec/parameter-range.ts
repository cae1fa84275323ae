// A law parameter's distribution must respect the range the law declares for it (ParameterInfo min/max).
import type { LawName } from '../laws/law.js';
import { laws } from '../laws/registry.js';
import { distributionQuantile } from '../simulate/distributions/distribution-quantile.js';
import type { Distribution } from '../model/distribution.js';

/**
 * The rule a parameter's distribution breaks, or undefined when it keeps to its law's range: a
 * bounded distribution (constant, uniform, triangular, PERT, …) must lie inside [min, max]; one with
 * unbounded support (normal, Student t) must have its median inside, its tails being clamped by the
 * law. A negative-binomial `mean` of −1 would otherwise run and give zero unicorns: "met".
 * @returns the rule as a phrase for `<field> must <rule>, got <value>`
 * @example parameterRangeRule('negativeBinomial', 'mean', { dist: 'constant', value: -1 }); // => 'be at least 0 (the range of negativeBinomial mean)'
 */
export function parameterRangeRule(law: LawName, param: string, dist: Distribution): string | undefined {
  if (law === 'formula') return undefined;
  const info = laws[law].parameters.find((p) => p.name === param);
  if (!info || (info.min === undefined && info.max === undefined)) return undefined;
  const lo = distributionQuantile(dist, 0);
  const hi = distributionQuantile(dist, 1);
  const median = distributionQuantile(dist, 0.5);
  const min = info.min ?? Number.NEGATIVE_INFINITY;
  const max = info.max ?? Number.POSITIVE_INFINITY;
  const outside = (x: number) => x < min || x > max;
  const broken = Number.isFinite(lo) && Number.isFinite(hi) ? outside(lo) || outside(hi) : outside(median);
  if (!broken) return undefined;
  const range = info.min !== undefined && info.max !== undefined ? `lie in [${info.min}, ${info.max}]` : info.min !== undefined ? `be at least ${info.min}` : `be at most ${info.max}`;
  return `${range} (the range of ${law} ${param})`;
}
