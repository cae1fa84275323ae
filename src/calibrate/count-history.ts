// Yearly counts of a flow (e.g. new unicorns a year) for the count laws, bounds kept apart.
import { ModelError } from '../errors/model-error.js';
import type { CalibrationInput, EvidenceItem, LawName } from '../laws/law.js';
import { calibrationMessages, calibrationNotes } from './calibration-messages.js';
import { yearLevels } from '../data/year-levels.js';

/** One year's count. */
export interface YearCount {
  readonly year: number;
  readonly count: number;
}

/** Counts (sorted by year), evidence items and notes. */
export interface CountHistory {
  readonly counts: readonly YearCount[];
  readonly evidence: readonly EvidenceItem[];
  readonly notes: readonly string[];
}

/**
 * The full-year counts of the variable's own series within [fromYear, toYear]: one per year
 * (the level-of-a-year rule, yearLevels), `approx` counts as points (noted), bounds (超过10家) censored and noted.
 * Reference: data/README.md (qualifiers); the count laws' posteriors (poisson-law.ts, negative-binomial-law.ts).
 * @param input the calibration input (growthEvidence is not used: counts of other scopes are not this flow)
 * @param law the law, for messages
 * @returns the counts, evidence items (weight 1 each) and notes
 * @throws ModelError when a count is negative
 * @example countHistory(input, 'poisson').counts; // => [{ year: 2023, count: 6 }]
 */
export function countHistory(input: CalibrationInput, law: LawName): CountHistory {
  const rows = input.observations.filter(
    (o) => (input.fromYear === undefined || o.year >= input.fromYear) && (input.toYear === undefined || o.year <= input.toYear),
  );
  const levels = yearLevels(rows);
  const notes: string[] = [...levels.notes];
  for (const bound of levels.bounds) notes.push(calibrationNotes.boundNotPoint(bound.observation, bound.qualifier));
  const byYear = new Map<number, number>();
  const evidence: EvidenceItem[] = [];
  for (const point of levels.points) {
    if (!(point.value >= 0)) throw new ModelError(input.variable, law, calibrationMessages.negativeCount(point.observation));
    if (byYear.has(point.year)) continue; // one series per variable; a second series' count of the same year is not added
    byYear.set(point.year, point.value);
    if (point.qualifier === 'approx') notes.push(`${point.series} ${point.year} count approx ${point.value}: used as a point`);
    evidence.push({ year: point.year, description: `count ${point.value} in ${point.year} (${point.series})`, value: point.value, weight: 1, series: point.series });
  }
  const counts = [...byYear].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year);
  return { counts, evidence: evidence.sort((a, b) => a.year - b.year), notes };
}
