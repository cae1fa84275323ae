import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/io/format-number.js';
import { toCsv } from '../../src/io/to-csv.js';

describe('formatNumber', () => {
  it('writes integers as they are and rounds others to 8 significant digits', () => {
    expect(formatNumber(30000)).toBe('30000');
    expect(formatNumber(1 / 3)).toBe('0.33333333');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(12345.678912)).toBe('12345.679');
    expect(formatNumber(1.5e-9)).toBe('1.5e-9');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(2 / 3, 3)).toBe('0.667');
  });
});

describe('toCsv', () => {
  it('writes the header and quotes only where RFC 4180 needs it', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: 1, b: 'x,y' }, { a: 'é', c: true }])).toBe('a,b,c\n1,"x,y",\né,,true\n');
  });
});
