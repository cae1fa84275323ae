// The full-year (or year-end stock) levels of each series: one point per series and year, bounds kept apart.
import type { Observation, Qualifier } from '../data/types.js';
import { calibrationNotes } from './calibration-messages.js';
import { describePeriod } from './describe-period.js';

/** One series' level in one year, as reported. */
export interface YearLevel {
  readonly series: string;
  readonly year: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly observation: Observation;
}

/** Points (exact or approx, one per series and year) and bounds (atLeast / atMost), sorted by series then year. */
export interface YearEndLevels {
  readonly points: readonly YearLevel[];
  readonly bounds: readonly YearLevel[];
  readonly notes: readonly string[];
}

/**
 * Picks the levels that stand for a whole year: `FY` flows and stocks dated in December.
 * Partial-period levels are never levels of the year (never scaled by months); stocks dated before
 * December are not year-end levels. When a series has several points for one year, the ranking is
 * exact before approx, then the latest `published`, then the later line (the newest vintage wins).
 * Reference: data/README.md (period and qualifier columns); DESIGN.md §4.
 * @param observations rows with a `value` (rows without one are ignored)
 * @returns points and bounds, plus a note for every row not used as a level
 * @example
 * yearEndLevels([{ series: 's', period: 'FY', year: 2020, value: 100, qualifier: 'exact', … }]).points[0].value; // => 100
 */
export function yearEndLevels(observations: readonly Observation[]): YearEndLevels {
  const notes: string[] = [];
  const candidates = new Map<string, Observation[]>();
  const bounds: YearLevel[] = [];
  for (const observation of observations) {
    if (observation.value === undefined) continue;
    const period = describePeriod(observation.period);
    if (period.kind === 'unknown') {
      notes.push(calibrationNotes.unknownPeriod(observation));
      continue;
    }
    if (period.kind === 'partialYear') {
      notes.push(calibrationNotes.partialLevel(observation));
      continue;
    }
    if (period.kind === 'stock' && period.month !== 12) {
      notes.push(calibrationNotes.stockNotYearEnd(observation));
      continue;
    }
    if (observation.qualifier === 'atLeast' || observation.qualifier === 'atMost') {
      bounds.push(toLevel(observation));
      continue;
    }
    const key = `${observation.series}\u0000${observation.year}`;
    candidates.set(key, [...(candidates.get(key) ?? []), observation]);
  }
  const points: YearLevel[] = [];
  for (const rows of candidates.values()) {
    const kept = [...rows].sort(rankLevels)[0];
    if (rows.length > 1) notes.push(calibrationNotes.duplicateLevel(kept.series, kept.year, kept));
    points.push(toLevel(kept));
  }
  return { points: points.sort(bySeriesYear), bounds: bounds.sort(bySeriesYear), notes };
}

function toLevel(observation: Observation): YearLevel {
  return {
    series: observation.series,
    year: observation.year,
    value: observation.value as number,
    qualifier: observation.qualifier,
    observation,
  };
}

/** Exact before approx, then newest publication, then later line. */
function rankLevels(a: Observation, b: Observation): number {
  const exact = Number(b.qualifier === 'exact') - Number(a.qualifier === 'exact');
  if (exact !== 0) return exact;
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return b.line - a.line;
}

function bySeriesYear(a: YearLevel, b: YearLevel): number {
  if (a.series !== b.series) return a.series < b.series ? -1 : 1;
  return a.year - b.year;
}
