import { describe, expect, it } from 'vitest';
import { describePeriod } from '../../src/calibrate/describe-period.js';

describe('describePeriod', () => {
  it('describePeriod reads FY and every year-to-date form as full or partial years with their months', () => {
    expect(describePeriod('FY')).toEqual({ kind: 'fullYear', months: 12 });
    expect(describePeriod('Q1')).toEqual({ kind: 'partialYear', months: 3 });
    expect(describePeriod('H1')).toEqual({ kind: 'partialYear', months: 6 });
    expect(describePeriod('Q1-Q3')).toEqual({ kind: 'partialYear', months: 9 });
    expect(describePeriod('M1-M10')).toEqual({ kind: 'partialYear', months: 10 });
    expect(describePeriod('M1-M2')).toEqual({ kind: 'partialYear', months: 2 });
    expect(describePeriod('M1-M12')).toEqual({ kind: 'fullYear', months: 12 });
    expect(describePeriod('Q1-Q4')).toEqual({ kind: 'fullYear', months: 12 });
  });

  it('describePeriod reads YYYY-MM and YYYY-MM-DD as stocks at a date', () => {
    expect(describePeriod('2023-12')).toEqual({ kind: 'stock', month: 12 });
    expect(describePeriod('2024-06-30')).toEqual({ kind: 'stock', month: 6 });
  });

  it('describePeriod calls anything else unknown', () => {
    expect(describePeriod('M3-M1')).toEqual({ kind: 'unknown' });
    expect(describePeriod('2023-13')).toEqual({ kind: 'unknown' });
    expect(describePeriod('annual')).toEqual({ kind: 'unknown' });
  });
});
