import { describe, expect, it } from 'vitest';
import { isCsvSafeId, neutraliseCell } from '../../src/io/csv-cell.js';
import { toCsv } from '../../src/io/to-csv.js';

describe('CSV safety (OWASP CSV injection)', () => {
  it('neutralises text cells that begin with =, +, -, @, a tab or a carriage return', () => {
    expect(['=1+2', '+cmd', '-x', '@SUM(A1)', '\t=x', '\r=x'].map(neutraliseCell)).toEqual(["'=1+2", "'+cmd", "'-x", "'@SUM(A1)", "'\t=x", "'\r=x"]);
  });

  it('leaves numbers and other text untouched', () => {
    expect(['-0.25', '+3', '-1e-5', '1E+3', '-Inf', 'Inf', '', 'bj.ai.core', '超过2500亿元', "it's"].map(neutraliseCell)).toEqual(['-0.25', '+3', '-1e-5', '1E+3', '-Inf', 'Inf', '', 'bj.ai.core', '超过2500亿元', "it's"]);
  });

  it('is applied to every text cell toCsv writes, numbers as given', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: '=HYPERLINK("x")', b: -0.5, c: '-0.5' }])).toBe("a,b,c\n\"'=HYPERLINK(\"\"x\"\")\",-0.5,-0.5\n");
  });

  it('accepts as ids only names that need no neutralising', () => {
    expect(['baseline', 'bj.ai.core', 'seed-000', '北京', 'count'].every(isCsvSafeId)).toBe(true);
    expect(['=cmd|x', '+Beijing', '-x', '@x', '\tx', 'a\u0000b', ''].some(isCsvSafeId)).toBe(false);
  });
});
