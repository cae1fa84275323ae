// Backtest vintages: the data set as it stood when the figures of a cutoff year were out.
import { latestDayOf } from '../data/publication-date.js';
import type { DataSet, Observation } from '../data/types.js';

/**
 * How `published` dates restrict a backtest's data:
 * - `dated` (default): published ≤ vintage date, except rows whose `note` says their date was not
 *   given (their `published` is only the latest date the source supports, e.g. the reference
 *   sheet's 2024-04); those are judged by their year alone;
 * - `strict`: published ≤ vintage date for every row (undated rows drop out until their placeholder);
 * - `none`: the year rule only.
 */
export type VintageRule = 'dated' | 'strict' | 'none';

/** Every vintage rule, for option checking. */
export const VINTAGE_RULES: readonly VintageRule[] = ['dated', 'strict', 'none'];

/** A note saying the publication date is unknown (data/README.md: "date not given …"). */
const UNDATED = /not given/i;

/**
 * The vintage date of a cutoff year c: c+1-04-30, by when Chinese full-year statistics of year c
 * are out (NBS and MIIT annual figures appear January–April; statistical communiqués by March).
 * @param cutoff the last year whose figures are known
 * @returns `YYYY-04-30` of the next year
 * @see NBS release calendar, https://www.stats.gov.cn/sj/fbrc/ (annual communiqué end of February).
 * @example vintageDate(2021); // => '2022-04-30'
 */
export function vintageDate(cutoff: number): string {
  return `${cutoff + 1}-04-30`;
}

/**
 * The data as known at cutoff year c: observations with year ≤ c and, by the rule, published on or
 * before vintageDate(c) (a month-only date stands for its last day, as in asOf). Series, sources and
 * targets are kept whole; the input is not changed.
 *
 * @param data the full data set
 * @param cutoff the cutoff year c
 * @param rule `dated` (default), `strict` or `none`
 * @returns the restricted data set
 * @see Tashman (2000) IJF 16:437–450 (rolling origins); data/README.md (vintages, `published`).
 * @example dataAtCutoff(data, 2020).observations.every((o) => o.year <= 2020); // => true
 */
export function dataAtCutoff(data: DataSet, cutoff: number, rule: VintageRule = 'dated'): DataSet {
  const vintage = vintageDate(cutoff);
  const known = (o: Observation): boolean => {
    if (o.year > cutoff) return false;
    if (rule === 'none') return true;
    if (rule === 'dated' && UNDATED.test(o.note ?? '')) return true;
    return latestDayOf(o.published) <= vintage;
  };
  return { ...data, observations: data.observations.filter(known) };
}
