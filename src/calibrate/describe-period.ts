// What a period string covers, as calibration reads it: a full year, part of a year (months), or a stock at a date.
import { parsePeriod } from '../data/period.js';

/** `fullYear` (FY); `partialYear` with the months covered; `stock` at a date (month 1–12); `unknown`. */
export type PeriodInfo =
  | { readonly kind: 'fullYear'; readonly months: 12 }
  | { readonly kind: 'partialYear'; readonly months: number }
  | { readonly kind: 'stock'; readonly month: number }
  | { readonly kind: 'unknown' };

/**
 * Reads a period string of data/observations.csv through the one period parser (`parsePeriod`).
 * Flows: `FY` (12 months); `Qn` (3); `Qa-Qb` (3·(b − a + 1)); `H1`, `H2` (6); `Mn` (1);
 * `Ma-Mb` (b − a + 1); `YTD:MM-DD` (fractional months). A flow over 12 months is a full year.
 * Stocks: `YYYY-MM` or `YYYY-MM-DD`.
 * Partial years are never scaled by months (Chinese year-to-date figures are strongly seasonal):
 * the months only weight a partial period's yoy growth as evidence about the year's growth.
 * Reference: NBS statistical-release conventions (1–10月 = `M1-M10`), https://www.stats.gov.cn/sj/
 * @param period the period column, e.g. `M1-M10`
 * @returns what the period covers
 * @example describePeriod('Q1-Q3'); // => { kind: 'partialYear', months: 9 }
 */
export function describePeriod(period: string): PeriodInfo {
  const parsed = parsePeriod(period.trim());
  if (!parsed) return { kind: 'unknown' };
  if (parsed.kind === 'stock') return { kind: 'stock', month: parsed.lastMonth };
  return parsed.months >= 12 ? { kind: 'fullYear', months: 12 } : { kind: 'partialYear', months: parsed.months };
}
