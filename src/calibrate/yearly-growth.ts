// Growth samples pooled into one figure per year: the input of laws whose dynamics depend on last year.
import type { GrowthSample } from './growth-evidence.js';

/** One year's growth (log points), pooled over series by weight. */
export interface YearGrowth {
  readonly year: number;
  readonly value: number;
  readonly weight: number;
}

/**
 * Pools the one-year samples (years = 1) of each year into their weighted mean, weight Σw:
 * g_t = Σ w_i g_i / Σ w_i. Multi-year level ratios are left out (they do not say which year grew).
 * Reference: BDA3 §2.5 (precision-weighted combination of normal measurements).
 * @param samples growth samples from collectGrowthEvidence
 * @returns one entry per year with evidence, sorted by year
 * @example
 * yearlyGrowth([{ year: 2023, years: 1, value: 0.1, weight: 1 }, { year: 2023, years: 1, value: 0.2, weight: 1 }] as never);
 * // => [{ year: 2023, value: 0.15000000000000002, weight: 2 }]
 */
export function yearlyGrowth(samples: readonly GrowthSample[]): YearGrowth[] {
  const byYear = new Map<number, { sum: number; weight: number }>();
  for (const sample of samples) {
    if (sample.years !== 1) continue;
    const entry = byYear.get(sample.year) ?? { sum: 0, weight: 0 };
    entry.sum += sample.weight * sample.value;
    entry.weight += sample.weight;
    byYear.set(sample.year, entry);
  }
  return [...byYear]
    .map(([year, { sum, weight }]) => ({ year, value: sum / weight, weight }))
    .sort((a, b) => a.year - b.year);
}
