import { describe, expect, it } from 'vitest';
import { isFullYear, isStockDate, isValidPeriod, monthsCovered, parsePeriod, stockDateYear } from '../../src/data/period.js';
import { isPublicationDate, latestDayOf } from '../../src/data/publication-date.js';

describe('periods', () => {
  it('monthsCovered counts the months of flows from January', () => {
    expect(monthsCovered('FY')).toBe(12);
    expect(monthsCovered('Q1')).toBe(3);
    expect(monthsCovered('H1')).toBe(6);
    expect(monthsCovered('Q1-Q3')).toBe(9);
    expect(monthsCovered('M1-M2')).toBe(2);
    expect(monthsCovered('M1-M10')).toBe(10);
    expect(monthsCovered('M1-M11')).toBe(11);
    // 1 January – 20 November: 10 months + 20/30 of November
    expect(monthsCovered('YTD:11-20')).toBeCloseTo(10 + 20 / 30, 12);
    expect(monthsCovered('2022-10')).toBe(0);
    expect(monthsCovered('M1–M10')).toBeNaN();
  });

  it('isFullYear is true only for FY, isStockDate only for real dates', () => {
    expect(isFullYear('FY')).toBe(true);
    expect(isFullYear('M1-M12')).toBe(false);
    expect(isStockDate('2022-10')).toBe(true);
    expect(isStockDate('2019-06-30')).toBe(true);
    expect(isStockDate('2019-13')).toBe(false);
    expect(isStockDate('2019-02-30')).toBe(false);
    expect(isStockDate('Q1')).toBe(false);
    expect(stockDateYear('2019-06-30')).toBe(2019);
    expect(stockDateYear('FY')).toBeUndefined();
  });

  it('rejects periods that run backwards or past December', () => {
    for (const bad of ['Q3-Q1', 'M10-M2', 'M1-M13', 'H3', 'YTD:13-01', 'YTD:02-30', 'fy', '']) expect(isValidPeriod(bad)).toBe(false);
    expect(parsePeriod('Q2-Q3')).toEqual({ kind: 'flow', firstMonth: 4, lastMonth: 9, months: 6 });
  });

  it('publication dates: a month stands for its last day', () => {
    expect(isPublicationDate('2024-01')).toBe(true);
    expect(isPublicationDate('2024-02-29')).toBe(true);
    expect(isPublicationDate('2023-02-29')).toBe(false);
    expect(isPublicationDate('2024/01')).toBe(false);
    expect(latestDayOf('2024-02')).toBe('2024-02-29');
    expect(latestDayOf('2023-04')).toBe('2023-04-30');
    expect(latestDayOf('2024-01-19')).toBe('2024-01-19');
  });
});
