// Reporting periods: full years, quarters, halves, year-to-date month ranges, and stock dates.

/** A period as the engine understands it. `stock` periods are points in time (counts at a date). */
export interface PeriodInfo {
  readonly kind: 'flow' | 'stock';
  /** First and last month covered (1–12) for flows; the month of the date for stocks. */
  readonly firstMonth: number;
  readonly lastMonth: number;
  /** Months covered by a flow (fractional for `YTD:MM-DD`); 0 for a stock. */
  readonly months: number;
}

/** Days in each month of a common year (leap days do not matter at this precision). */
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a period: `FY`; `Q1`…`Q4`; `H1`, `H2`; `Qa-Qb` (e.g. `Q1-Q3`); `Mn` or `Ma-Mb`
 * (e.g. `M1-M10`, year to date through October); `YTD:MM-DD` (1 January to that day, e.g.
 * `YTD:11-20`); or a stock date `YYYY-MM` / `YYYY-MM-DD` (a count at that date).
 * @returns the period's months, or undefined when the text is not a period
 * @example parsePeriod('Q1-Q3'); // => { kind: 'flow', firstMonth: 1, lastMonth: 9, months: 9 }
 */
export function parsePeriod(period: string): PeriodInfo | undefined {
  const flow = (first: number, last: number, months = last - first + 1): PeriodInfo | undefined =>
    first >= 1 && last <= 12 && first <= last ? { kind: 'flow', firstMonth: first, lastMonth: last, months } : undefined;
  if (period === 'FY') return flow(1, 12);
  let m = /^Q([1-4])(?:-Q([1-4]))?$/.exec(period);
  if (m) return flow(3 * Number(m[1]) - 2, 3 * Number(m[2] ?? m[1]));
  m = /^H([12])$/.exec(period);
  if (m) return flow(6 * Number(m[1]) - 5, 6 * Number(m[1]));
  m = /^M(\d{1,2})(?:-M(\d{1,2}))?$/.exec(period);
  if (m) return flow(Number(m[1]), Number(m[2] ?? m[1]));
  m = /^YTD:(\d{2})-(\d{2})$/.exec(period);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth[month - 1] + (month === 2 ? 1 : 0)) return undefined;
    return flow(1, month, month - 1 + Math.min(1, day / daysInMonth[month - 1]));
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth[month - 1] + (month === 2 ? 1 : 0)) return undefined;
    }
    return { kind: 'stock', firstMonth: month, lastMonth: month, months: 0 };
  }
  return undefined;
}

/** True for a period the engine understands. @example isValidPeriod('M1-M10'); // => true */
export function isValidPeriod(period: string): boolean {
  return parsePeriod(period) !== undefined;
}

/** True for the full calendar year `FY`. @example isFullYear('FY'); // => true */
export function isFullYear(period: string): boolean {
  return period === 'FY';
}

/** True for a stock date `YYYY-MM` or `YYYY-MM-DD`. @example isStockDate('2022-10'); // => true */
export function isStockDate(period: string): boolean {
  return parsePeriod(period)?.kind === 'stock';
}

/**
 * Months a flow period covers, counted from January: last − first + 1 (fractional for `YTD:MM-DD`:
 * months before MM plus DD / days in MM). 0 for a stock date; NaN for text that is not a period.
 * Partial years are never scaled up by these months (year-to-date figures are seasonal); the count
 * serves to weight a partial year's yoy growth as evidence about the year's growth.
 * @example monthsCovered('M1-M10'); // => 10
 * @example monthsCovered('YTD:11-20'); // => 10.666666666666666
 */
export function monthsCovered(period: string): number {
  return parsePeriod(period)?.months ?? Number.NaN;
}

/**
 * The year of a stock date (`2022-10` → 2022), or undefined for a flow period.
 * @example stockDateYear('2019-06-30'); // => 2019
 */
export function stockDateYear(period: string): number | undefined {
  return isStockDate(period) ? Number(period.slice(0, 4)) : undefined;
}
