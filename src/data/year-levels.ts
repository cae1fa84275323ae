// The level of a year: which reading of a series stands for a whole year, when several vintages,
// estimates and bounds speak of it. The one rule, used by calibration, targets and outputs alike.
import { approxBand, estimateBand } from './figure-bands.js';
import { latestDayOf } from './publication-date.js';
import { parsePeriod } from './period.js';
import type { Confidence, Observation, ObservationKind, Qualifier } from './types.js';
import { yearLevelNotes } from './year-level-notes.js';

/** One series' level in one year, as the record gives it (a point or a bound). */
export interface YearLevel {
  readonly series: string;
  readonly year: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly kind: ObservationKind;
  readonly observation: Observation;
}

/** The level of each (series, year): points (exact, approx) and bounds, sorted by series then year; notes. */
export interface YearLevels {
  readonly points: readonly YearLevel[];
  /** A year's level when it is a bound, plus the other side when the same vintage gives both. */
  readonly bounds: readonly YearLevel[];
  readonly notes: readonly string[];
}

/** Grades below which a reading stands for a year only when nothing better-graded does. */
export const weakGrades: readonly Confidence[] = ['low-medium', 'low'];

/** Precision of a reading: an exact figure, then an approximate one, then a bound. */
const precision: Readonly<Record<Qualifier, number>> = { exact: 0, approx: 1, atLeast: 2, atMost: 2 };

/**
 * The reading that stands for each year of each series. A row can stand for a year when it has a
 * value and covers the whole year: an `FY` flow, or a stock dated in December (partial years are
 * never scaled by months; earlier stocks are not year-end levels). External forecasts never do.
 * Among a (series, year)'s rows:
 * 1. outturns (`observed`) before estimates: an estimate stands for a year only while no outturn
 *    of that year is on record (as of the run);
 * 2. readings graded low or low-medium only when no better-graded reading of the year exists;
 * 3. the latest vintage decides (greatest `published`, a month read as its last day, as `asOf`
 *    reads it); within one vintage the most precise reading (exact, approx, bound), then the later line;
 * 4. an earlier, more precise reading consistent with that one refines it: a later rounding does
 *    not replace the figure it rounds (52073.4 stays when "5.2万亿" follows), while a revision does
 *    (the census's 47353.7 replaces the preliminary 43760.7; ">2.2万亿" replaces "2万亿").
 *    Consistent: within an approx reading's band (±approxBand, ±estimateBand for an estimate),
 *    on the right side of a bound, or equal to an exact figure.
 * A kept bound comes with the opposite bound of the same vintage when there is one.
 * Reference: data/README.md ("The level of a year") (a bound stays a bound).
 * @param observations rows of one or more series (rows without a value are ignored)
 * @returns points and bounds, plus a note for every row not used as a level and every choice made
 * @example
 * yearLevels([{ series: 's', period: 'FY', year: 2020, value: 100, qualifier: 'exact', … }]).points[0].value; // => 100
 */
export function yearLevels(observations: readonly Observation[]): YearLevels {
  return keptFor(observations, levelsOf, levelsOfRows);
}

/**
 * `work(rows)`, kept in `kept` when `rows` is a frozen array (it cannot change, nor can its rows:
 * observations are read-only once loaded): observedSeries (src/pipeline/prepare-model.ts) gives one
 * frozen array a series, and every variant of a sweep asks again for the levels of each series it
 * reads. An array made afresh (a filter's) is worked out each time, and not kept.
 */
export function keptFor<T>(rows: readonly Observation[], kept: WeakMap<readonly Observation[], T>, work: (rows: readonly Observation[]) => T): T {
  if (!Object.isFrozen(rows)) return work(rows);
  let answer = kept.get(rows);
  if (answer === undefined) {
    answer = work(rows);
    kept.set(rows, answer);
  }
  return answer;
}

const levelsOf = new WeakMap<readonly Observation[], YearLevels>();

/** yearLevels, worked out. */
function levelsOfRows(observations: readonly Observation[]): YearLevels {
  const notes: string[] = [];
  const candidates = new Map<string, Observation[]>();
  for (const observation of observations) {
    if (observation.value === undefined || observation.kind === 'externalForecast') continue;
    const period = parsePeriod(observation.period);
    if (!period) {
      notes.push(yearLevelNotes.unknownPeriod(observation));
      continue;
    }
    if (period.kind === 'flow' && period.months < 12) {
      notes.push(yearLevelNotes.partialLevel(observation));
      continue;
    }
    if (period.kind === 'stock' && period.lastMonth !== 12) {
      notes.push(yearLevelNotes.stockNotYearEnd(observation));
      continue;
    }
    const key = `${observation.series}\u0000${observation.year}`;
    candidates.set(key, [...(candidates.get(key) ?? []), observation]);
  }
  const points: YearLevel[] = [];
  const bounds: YearLevel[] = [];
  for (const rows of candidates.values()) {
    const { kept, otherBound } = chooseReading(rows);
    if (rows.length > 1) notes.push(yearLevelNotes.readingsOfYear(kept.series, kept.year, kept, rows.filter((r) => r !== kept)));
    if (precision[kept.qualifier] < 2) points.push(toLevel(kept));
    else {
      bounds.push(toLevel(kept));
      if (otherBound) bounds.push(toLevel(otherBound));
    }
  }
  return { points: points.sort(bySeriesYear), bounds: bounds.sort(bySeriesYear), notes };
}

/**
 * The level of each year of one series (its point, else its bound: the lower one when the vintage
 * gives both), by `yearLevels`' rule.
 * @example levelOfEachYear(observationsOf(data, 'bj.gdp')).get(2023)?.value; // => 47353.7 (the census revision, not the preliminary 43760.7)
 */
export function levelOfEachYear(observations: readonly Observation[]): ReadonlyMap<number, YearLevel> {
  return keptFor(observations, eachYearOf, levelOfEachYearOf);
}

const eachYearOf = new WeakMap<readonly Observation[], ReadonlyMap<number, YearLevel>>();

/** levelOfEachYear, worked out. */
function levelOfEachYearOf(observations: readonly Observation[]): ReadonlyMap<number, YearLevel> {
  const { points, bounds } = yearLevels(observations);
  const byYear = new Map<number, YearLevel>();
  for (const level of [...points, ...bounds]) {
    const seen = byYear.get(level.year);
    if (!seen || (seen.qualifier === 'atMost' && level.qualifier === 'atLeast')) byYear.set(level.year, level);
  }
  return new Map([...byYear.entries()].sort((a, b) => a[0] - b[0]));
}

/**
 * The latest year before `beforeYear` with a level on record, and that level (`levelOfEachYear`).
 * @example latestYearLevel(observationsOf(data, 'bj.ai.core'), 2025)?.value; // => 3500 (2024, "近3500亿元")
 */
export function latestYearLevel(observations: readonly Observation[], beforeYear = Number.POSITIVE_INFINITY): YearLevel | undefined {
  let latest: YearLevel | undefined;
  for (const level of levelOfEachYear(observations).values()) if (level.year < beforeYear) latest = level;
  return latest;
}

/** Steps 1–4 of the rule for the rows of one (series, year). */
function chooseReading(rows: readonly Observation[]): { kept: Observation; otherBound?: Observation } {
  let pool = rows.some((r) => r.kind === 'observed') ? rows.filter((r) => r.kind === 'observed') : [...rows];
  if (pool.some((r) => !weakGrades.includes(r.confidence))) pool = pool.filter((r) => !weakGrades.includes(r.confidence));
  const day = (r: Observation) => latestDayOf(r.published);
  const latestDay = pool.map(day).reduce((a, b) => (b > a ? b : a));
  const vintage = pool.filter((r) => day(r) === latestDay).sort(morePreciseThenLater);
  const decided = vintage[0];
  const refinement = pool
    .filter((r) => day(r) < latestDay && precision[r.qualifier] < precision[decided.qualifier] && consistentWith(r, decided))
    .sort((a, b) => precision[a.qualifier] - precision[b.qualifier] || (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : 0) || b.line - a.line)[0];
  if (refinement) return { kept: refinement };
  const opposite = decided.qualifier === 'atLeast' ? 'atMost' : decided.qualifier === 'atMost' ? 'atLeast' : undefined;
  const otherBound = opposite ? vintage.find((r) => r.qualifier === opposite) : undefined;
  return otherBound ? { kept: decided, otherBound } : { kept: decided };
}

/** Exact before approx before a bound; then the later line. */
function morePreciseThenLater(a: Observation, b: Observation): number {
  return precision[a.qualifier] - precision[b.qualifier] || b.line - a.line;
}

/** True when `reading`'s value lies within what `decided` says (its band, its side, its value). */
function consistentWith(reading: Observation, decided: Observation): boolean {
  const value = reading.value as number;
  const target = decided.value as number;
  switch (decided.qualifier) {
    case 'exact':
      return value === target;
    case 'approx':
      return Math.abs(value - target) <= (decided.kind === 'estimate' ? estimateBand : approxBand) * Math.abs(target);
    case 'atLeast':
      return value >= target;
    case 'atMost':
      return value <= target;
  }
}

function toLevel(observation: Observation): YearLevel {
  return {
    series: observation.series,
    year: observation.year,
    value: observation.value as number,
    qualifier: observation.qualifier,
    kind: observation.kind,
    observation,
  };
}

function bySeriesYear(a: YearLevel, b: YearLevel): number {
  if (a.series !== b.series) return a.series < b.series ? -1 : 1;
  return a.year - b.year;
}
