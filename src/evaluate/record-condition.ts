// What a projection of a year must agree with: the record's interval on the year's level, when the
// record bounds it without settling it (a part of the year, a "突破" figure, an approximate one).
import type { Observation } from '../data/types.js';
import { figureText, type TruthInterval } from './record-judgement.js';
import { partYearBoundText, yearOnRecord } from './year-on-record.js';

/** The record's interval on a variable's level in one year, as a test on draws. */
export interface RecordCondition {
  readonly year: number;
  readonly interval: TruthInterval;
  /** True when a draw's level of the year lies in the interval (ends included). */
  contains(level: number): boolean;
  /** The interval in words, with its rows and sources. */
  readonly text: string;
  /** The rows it is read from. */
  readonly rows: readonly Observation[];
}

/**
 * The condition the record sets on the level of `year` (yearOnRecord of the variable's own series):
 * the draws whose simulated level of that year lies outside the record's interval cannot be what
 * happened, so a verdict on the year is read from the others — P(met | level ∈ interval), the
 * Monte Carlo estimate of a probability conditioned on the record (rejection: the draws the record
 * excludes are dropped; Robert & Casella 2004, §2.3). Undefined when the record says nothing about
 * the year, or settles its level to one figure (an exact full-year reading: nothing to draw).
 * @example recordCondition(observationsOf(data, 'cn.software.revenue'), 2025)?.contains(139000); // => false (January–November 2025 was already 139777)
 */
export function recordCondition(observations: readonly Observation[], year: number): RecordCondition | undefined {
  const known = yearOnRecord(observations, year);
  if (!known || !(known.interval.high > known.interval.low)) return undefined;
  const { low, high } = known.interval;
  const parts: string[] = [];
  if (known.fullYear) parts.push(`${year}: ${figureText(known.fullYear.value, known.fullYear.qualifier)} (${known.fullYear.source})`);
  if (known.partYear) parts.push(partYearBoundText(known.partYear));
  return {
    year,
    interval: known.interval,
    contains: (level) => level >= low && level <= high,
    text: `conditioned on the record of ${year} (${parts.join('; ')})`,
    rows: [known.fullYear, known.partYear].filter((o) => o !== undefined),
  };
}
