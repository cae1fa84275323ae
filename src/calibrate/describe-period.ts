// What a period string covers: a full year, part of a year (months), or a stock at a date.

/** `fullYear` (FY); `partialYear` with the months covered; `stock` at a date (month 1–12); `unknown`. */
export type PeriodInfo =
  | { readonly kind: 'fullYear'; readonly months: 12 }
  | { readonly kind: 'partialYear'; readonly months: number }
  | { readonly kind: 'stock'; readonly month: number }
  | { readonly kind: 'unknown' };

/**
 * Reads a period string of data/observations.csv.
 * Flows: `FY` (12 months); `Qn` (3); `Qa-Qb` (3·(b − a + 1)); `H1`, `H2` (6); `Mn` (1);
 * `Ma-Mb` (b − a + 1). A flow over 12 months is a full year. Stocks: `YYYY-MM` or `YYYY-MM-DD`.
 * Partial years are never scaled by months (Chinese year-to-date figures are strongly seasonal):
 * the months only weight a partial period's yoy growth as evidence about the year's growth.
 * Reference: NBS statistical-release conventions (1–10月 = `M1-M10`), https://www.stats.gov.cn/sj/
 * @param period the period column, e.g. `M1-M10`
 * @returns what the period covers
 * @example describePeriod('Q1-Q3'); // => { kind: 'partialYear', months: 9 }
 */
export function describePeriod(period: string): PeriodInfo {
  const text = period.trim();
  if (text === 'FY') return { kind: 'fullYear', months: 12 };
  const stock = /^\d{4}-(\d{2})(?:-\d{2})?$/.exec(text);
  if (stock) {
    const month = Number(stock[1]);
    return month >= 1 && month <= 12 ? { kind: 'stock', month } : { kind: 'unknown' };
  }
  const months = flowMonths(text);
  if (months === undefined || months < 1 || months > 12) return { kind: 'unknown' };
  return months === 12 ? { kind: 'fullYear', months: 12 } : { kind: 'partialYear', months };
}

function flowMonths(text: string): number | undefined {
  let match = /^Q([1-4])$/.exec(text);
  if (match) return 3;
  match = /^Q([1-4])-Q([1-4])$/.exec(text);
  if (match) return span(Number(match[1]), Number(match[2]), 3);
  match = /^H([12])$/.exec(text);
  if (match) return 6;
  match = /^M(\d{1,2})$/.exec(text);
  if (match) return Number(match[1]) >= 1 && Number(match[1]) <= 12 ? 1 : undefined;
  match = /^M(\d{1,2})-M(\d{1,2})$/.exec(text);
  if (match) return span(Number(match[1]), Number(match[2]), 1);
  return undefined;
}

function span(first: number, last: number, monthsEach: number): number | undefined {
  return last >= first ? (last - first + 1) * monthsEach : undefined;
}
