// What the record says about a series' level in one year: the full-year reading, and a part of the
// year that bounds it from below (a year-to-date amount of money: "1—11月…139777亿元" ≤ the full year).
import { latestDayOf } from '../data/publication-date.js';
import { parsePeriod } from '../data/period.js';
import type { Observation } from '../data/types.js';
import { isKnownUnit, units } from '../data/units.js';
import { weakGrades } from '../data/year-levels.js';
import { fullYearRows } from './known-history.js';
import { figureText, truthInterval, type TruthInterval } from './record-judgement.js';

/** The record's interval on one year's level, and the rows it comes from. */
export interface YearOnRecord {
  readonly year: number;
  /** Where the year's level lies: the full-year reading's interval, raised to the part-year bound. */
  readonly interval: TruthInterval;
  /** The full-year reading of the year (outturns only, by the one "level of a year" rule). */
  readonly fullYear?: Observation & { readonly value: number };
  /** The part of the year whose amount bounds the year from below, when it raises the interval's low end. */
  readonly partYear?: Observation & { readonly value: number };
}

/** Months of the year as a reader writes them: `January–November`, `Q1–Q3` stays in words too. */
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * True when a part-year figure bounds its full year from below: a flow (a period of months, not a
 * stock date) of an amount of money. Revenue, output and industry size add up month by month and
 * never fall within a year, so the months on record are at most the year: the full year is at
 * least their amount. Counts and persons are left out (the record's part-year counts are stocks
 * or period averages: enterprises "上半年", employees "1—10月"), and so are shares and rates, which
 * do not add up. Profit can fall within a year; no target is judged on a profit series
 * (test/evaluate/year-on-record.test.ts keeps it so).
 * @example boundsItsYear({ period: 'M1-M11', unit: '亿元', … }); // => true
 */
export function boundsItsYear(observation: Pick<Observation, 'period' | 'unit' | 'value' | 'kind'>): boolean {
  if (observation.value === undefined || observation.kind !== 'observed' || !isKnownUnit(observation.unit)) return false;
  const period = parsePeriod(observation.period);
  const dimension = units[observation.unit].dimension;
  return period?.kind === 'flow' && period.months < 12 && (dimension === 'cny' || dimension === 'usd');
}

/**
 * The lower bound a part-year figure sets on its year: exact v → [v, ∞); approx v → [v − band, ∞);
 * a lower bound v ("突破") → [v, ∞), having passed v; an upper bound says nothing about the year.
 */
function partYearLow(row: Observation & { readonly value: number }): TruthInterval | undefined {
  if (row.qualifier === 'atMost') return undefined;
  const own = truthInterval(row.value, row.qualifier);
  return { low: own.low, high: Number.POSITIVE_INFINITY, ...(own.lowPassed ? { lowPassed: true } : {}) };
}

/**
 * What the record says about the level of `year` of one series (observed rows, one unit):
 * 1. the full-year reading by the one "level of a year" rule (outturns only), as its truth interval
 *    (exact [v, v]; approx ±band; a bound half-open);
 * 2. the part-year amounts of money of that year (boundsItsYear): each is a lower bound on the year,
 *    the latest vintage of each period counting, the weak grades only when nothing better-graded
 *    gives one (the rule's step 3); the greatest raises the interval's low end when it is higher.
 * @returns undefined when the record says nothing about the year
 * @example yearOnRecord(observationsOf(data, 'cn.software.revenue'), 2025)?.interval.low; // => 139777 (January–November 2025)
 */
export function yearOnRecord(observations: readonly Observation[], year: number): YearOnRecord | undefined {
  const fullYear = fullYearRows(observations).get(year);
  let interval: TruthInterval | undefined = fullYear ? truthInterval(fullYear.value, fullYear.qualifier) : undefined;
  let partYear: (Observation & { readonly value: number }) | undefined;
  const parts = observations.filter((o): o is Observation & { readonly value: number } => o.year === year && boundsItsYear(o));
  const graded = parts.some((o) => !weakGrades.includes(o.confidence)) ? parts.filter((o) => !weakGrades.includes(o.confidence)) : parts;
  const latestOfPeriod = new Map<string, Observation & { readonly value: number }>();
  for (const o of graded) {
    const seen = latestOfPeriod.get(o.period);
    if (!seen || latestDayOf(o.published) > latestDayOf(seen.published) || (o.published === seen.published && o.line > seen.line)) latestOfPeriod.set(o.period, o);
  }
  for (const row of latestOfPeriod.values()) {
    const low = partYearLow(row);
    if (!low) continue;
    if (!interval || low.low > interval.low || (low.low === interval.low && low.lowPassed && !interval.lowPassed)) {
      // A part of the year above the whole year's upper end contradicts the record: the full year stands.
      if (interval && low.low > interval.high) continue;
      interval = { low: low.low, high: interval?.high ?? Number.POSITIVE_INFINITY, ...(low.lowPassed ? { lowPassed: true } : {}) };
      partYear = row;
    }
  }
  if (!interval) return undefined;
  return { year, interval, ...(fullYear ? { fullYear } : {}), ...(partYear ? { partYear } : {}) };
}

/**
 * The part of a year as a reader says it: `January–November 2025`, `H1 2025`, `Q1–Q3 2025`.
 * @example partYearText({ period: 'M1-M11', year: 2025 }); // => 'January–November 2025'
 */
export function partYearText(row: Pick<Observation, 'period' | 'year'>): string {
  const period = parsePeriod(row.period);
  if (period?.kind === 'flow' && /^M\d/.test(row.period)) {
    const first = monthNames[period.firstMonth - 1];
    const last = monthNames[period.lastMonth - 1];
    return `${first === last ? first : `${first}–${last}`} ${row.year}`;
  }
  if (row.period.startsWith('YTD:')) return `1 January–${row.period.slice(4)} ${row.year}`;
  return `${row.period.replace('-', '–')} ${row.year}`;
}

/**
 * A part-year bound in words, for reasons: `January–November 2025: 139777 (ref26-chinairn-20260106), a lower bound on the year`.
 * @example partYearBoundText(row); // => 'January–November 2025: 139777 (src), a lower bound on the year'
 */
export function partYearBoundText(row: Observation & { readonly value: number }): string {
  return `${partYearText(row)}: ${figureText(row.value, row.qualifier)} (${row.source}), a lower bound on the year`;
}
