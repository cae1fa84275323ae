// groupedNumber writes what toLocaleString('en-US', { maximumFractionDigits }) writes, without ICU.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedNumber } from '../../src/report/display-number.js';

const icu = (value: number, digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

describe('groupedNumber', () => {
  it('equals toLocaleString en-US on the cases that decide the rules (halves away from zero, −0, tiny and huge values)', () => {
    const cases = [0, -0, 0.5, 1.5, 2.5, -2.5, 0.0078125, -1e-7, 5e-324, 999.9999999, -1234.5, 1234567.891, 1e20, 999_999_999_999_999_900_000, 1e21, -1e22, 123.456e-10];
    for (const value of cases) for (const digits of [0, 1, 2, 4, 6, 10]) expect(groupedNumber(value, digits), `${value} to ${digits}`).toBe(icu(value, digits));
    expect(groupedNumber(0.0078125, 6)).toBe('0.007813');
    expect(groupedNumber(-0.25)).toBe('-0');
    expect(groupedNumber(65_536)).toBe('65,536');
  });

  it('equals toLocaleString en-US on any double and any number of decimals up to 10', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer().map((n) => n / 1000)), fc.integer({ min: 0, max: 10 }), (value, digits) => {
        expect(groupedNumber(value, digits)).toBe(icu(value, digits));
      }),
      { numRuns: 20_000 },
    );
  });
});
