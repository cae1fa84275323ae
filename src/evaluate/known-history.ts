// What the record already says about a series' full years: levels and growth, for targets judged on the past.
import type { Observation } from '../data/types.js';
import { keptFor, levelOfEachYear } from '../data/year-levels.js';

/** A full-year level read from the record (bounds are kept as bounds by their qualifier). */
export interface KnownLevel {
  readonly year: number;
  readonly value: number;
  readonly qualifier: Observation['qualifier'];
  readonly source: string;
  /** The series' basis the level is on (levels of different bases are never compared). */
  readonly basis?: number;
}

/**
 * The level row of each year on record, outturns only (an estimate never decides a target on the
 * record), in ascending years, by the one "level of a year" rule of src/data/year-levels.ts: whole
 * years (FY, or a December stock), the latest vintage, a rounding never replacing the figure it
 * rounds, a bound kept a bound.
 * @example fullYearRows(observations).get(2023)?.quote; // => "2023年全行业营收规模已接近3万亿元"
 */
export function fullYearRows(observations: readonly Observation[]): ReadonlyMap<number, Observation & { readonly value: number }> {
  return keptFor(observations, fullYearRowsOf, (rows) => {
    const byYear = new Map<number, Observation & { readonly value: number }>();
    for (const [year, level] of levelOfEachYear(rows.filter((o) => o.kind === 'observed'))) {
      byYear.set(year, level.observation as Observation & { readonly value: number });
    }
    return byYear;
  });
}

const fullYearRowsOf = new WeakMap<readonly Observation[], ReadonlyMap<number, Observation & { readonly value: number }>>();

/**
 * Full-year (`FY`) levels of observed rows, one per year: the latest published wins.
 * @example fullYearLevels(observations).get(2023)?.value; // => 30000 for "接近3万亿元"
 */
export function fullYearLevels(observations: readonly Observation[]): Map<number, KnownLevel> {
  const levels = new Map<number, KnownLevel>();
  for (const [year, o] of fullYearRows(observations)) levels.set(year, { year, value: o.value, qualifier: o.qualifier, source: o.source, basis: o.basis });
  return levels;
}

/** A full-year growth read from the record, with its qualifier (a bound stays a bound). */
export interface KnownGrowth {
  readonly value: number;
  readonly qualifier: Observation['qualifier'];
  /** The row that reports it, or the two level rows it is computed from. */
  readonly rows: readonly Observation[];
}

/**
 * The full-year growth of `year` as the record gives it: the reported FY yoy if any (with its
 * qualifier: "保持两位数增长" is atLeast 0.1), else the ratio of two exact consecutive FY levels
 * (exact); undefined when the record is silent.
 * @example knownGrowth(rows, 2016); // => { value: 0.102, qualifier: 'exact' } for "同比增长10.2%"
 */
export function knownGrowth(observations: readonly Observation[], year: number): KnownGrowth | undefined {
  // The latest vintage of a reported full-year growth wins.
  let reported: Observation | undefined;
  for (const o of observations) {
    if (o.kind === 'observed' && o.period === 'FY' && o.year === year && o.yoy !== undefined && (!reported || o.published > reported.published)) reported = o;
  }
  if (reported?.yoy !== undefined) return { value: reported.yoy, qualifier: reported.qualifier, rows: [reported] };
  const levels = fullYearRows(observations);
  const now = levels.get(year);
  const before = levels.get(year - 1);
  // Never across a break of the series: levels on different bases are not comparable.
  if (now && before && now.qualifier === 'exact' && before.qualifier === 'exact' && now.basis === before.basis) {
    return { value: now.value / before.value - 1, qualifier: 'exact', rows: [before, now] };
  }
  return undefined;
}

/**
 * Compound growth between the first and last exact or approximate levels of the latest basis; NaN with fewer than two.
 * @example historicalCagr of levels 100 (2020) and 121 (2022); // => 0.1 (to 1e-12)
 */
export function historicalCagr(observations: readonly Observation[]): number {
  const all = [...fullYearLevels(observations).values()].filter((l) => l.qualifier === 'exact' || l.qualifier === 'approx');
  // Only levels on the basis of the latest one: no growth is read across a series' break.
  const points = all.filter((l) => l.basis === all[all.length - 1]?.basis);
  if (points.length < 2) return Number.NaN;
  const first = points[0];
  const last = points[points.length - 1];
  if (!(first.value > 0) || !(last.value > 0)) return Number.NaN;
  return Math.pow(last.value / first.value, 1 / (last.year - first.year)) - 1;
}

/**
 * The smallest full-year growth the record gives over fromYear … toYear, for growth targets whose
 * window starts before the simulation: a reported lower bound ("保持两位数增长", atLeast 0.1) counts as
 * that bound (the year grew at least that much); a year with only an upper bound, or none, is not
 * judged. Each year's treatment is said in `notes`.
 * @returns minimum: +∞ when no year is judged
 * @example recordedMinimumGrowth(rows, 2016, 2017); // => { minimum: 0.102, notes: ['2016 judged on the reported growth 10.2%', …] }
 */
export function recordedMinimumGrowth(observations: readonly Observation[], fromYear: number, toYear: number): { minimum: number; notes: string[] } {
  let minimum = Number.POSITIVE_INFINITY;
  const notes: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const growth = knownGrowth(observations, year);
    const percent = growth ? `${(growth.value * 100).toFixed(1)}%` : '';
    if (growth === undefined) notes.push(`${year} not judged: the record gives no full-year growth`);
    else if (growth.qualifier === 'atMost') notes.push(`${year} not judged: the record gives only an upper bound (at most ${percent})`);
    else {
      minimum = Math.min(minimum, growth.value);
      notes.push(growth.qualifier === 'atLeast' ? `${year} judged on the reported lower bound: at least ${percent}` : `${year} judged on the reported growth ${percent}`);
    }
  }
  return { minimum, notes };
}
