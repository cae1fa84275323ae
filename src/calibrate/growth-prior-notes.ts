// What a growth posterior pooled, with what weight, and what the bounds did: the notes `forecast explain` prints.
import type { CensoredGrowthPosterior } from './censored-growth-posterior.js';
import type { GrowthEvidence } from './growth-evidence.js';

/**
 * Two or three notes that make a growth posterior's construction explicit:
 * 1. the pooled likelihood: per series (own first, then each reference series of `growthSeries`),
 *    how many samples, their total weight in years and the years they cover; then the censored
 *    samples the same way. Every sample counts with the weight of the years it covers (a reference
 *    series' published rate as one year of this variable's, less for a partial year or an estimate);
 * 2. the posterior: `m samples worth W years[, c censored]: mean log growth ḡ ± se (t, df ν)`;
 * 3. with censored samples: what they did (Δ to the median, ×r to the scale, ×v to σ, the share of
 *    quadrature nodes they kept), so a bound that does not bind says so.
 * @param found the growth evidence of the variable
 * @param posterior its posterior (censoredGrowthPosterior)
 * @returns the notes, in that order
 * @example growthPriorNotes(found, posterior)[1]; // => '3 growth samples worth 2.43 years, 1 censored: mean log growth 0.2011 ± 0.0279 (t, df 4.00)'
 */
export function growthPriorNotes(found: GrowthEvidence, posterior: CensoredGrowthPosterior): string[] {
  const groups = new Map<string, { own: boolean; count: number; weight: number; years: number[] }>();
  const censoredGroups = new Map<string, { own: boolean; count: number; weight: number; years: number[] }>();
  for (const [target, samples] of [[groups, found.samples], [censoredGroups, found.censored]] as const) {
    for (const sample of samples) {
      const group = target.get(sample.series) ?? { own: sample.own, count: 0, weight: 0, years: [] };
      group.count += 1;
      group.weight += sample.weight;
      group.years.push(sample.year);
      target.set(sample.series, group);
    }
  }
  const describe = (map: typeof groups, noun: string) =>
    [...map.entries()]
      .sort((a, b) => Number(b[1].own) - Number(a[1].own) || (a[0] < b[0] ? -1 : 1))
      .map(([series, g]) => `${g.own ? 'own' : 'reference'} ${series}: ${g.count} ${noun}${g.count === 1 ? '' : 's'} worth ${g.weight.toFixed(2)} (${g.years.join(', ')})`)
      .join('; ');
  const pooled = `growth prior pools, each sample weighted by the years it covers (a reference series' published rate counts as a year of this variable's): ${describe(groups, 'sample')}${censoredGroups.size > 0 ? `; censored: ${describe(censoredGroups, 'bound')}` : ''}`;
  const summary = `${posterior.samples} growth samples worth ${posterior.effectiveYears.toFixed(2)} years${posterior.censored > 0 ? `, ${posterior.censored} censored` : ''}: mean log growth ${posterior.location.toFixed(4)} ± ${posterior.scale.toFixed(4)} (t, df ${posterior.df.toFixed(2)})`;
  if (posterior.censored === 0) return [pooled, summary];
  const effect = `censored likelihood of the bounds (BDA3 §10.4 quadrature on the points' posterior): median of the mean log growth ${signed(posterior.shift)}, its scale ×${posterior.scaleRatio.toFixed(3)}, volatility ×${posterior.volatilityRatio.toFixed(3)}${posterior.keptShare === 1 ? ' (the bounds do not bind)' : ` (the bounds keep ${(100 * posterior.keptShare).toFixed(1)}% of the points' posterior)`}`;
  return [pooled, summary, effect];
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(4)}`;
}
