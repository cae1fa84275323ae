// toCsv writes through csv-stringify (the design card's CSV writer) with a header and LF records.
import { describe, expect, it } from 'vitest';
import { csvHeader, csvRecords, toCsv } from '../../src/io/to-csv.js';

describe('toCsv', () => {
  it('quotes a field with a comma, a quote or a line feed, doubling quotes; nothing else', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"' }, { a: 'two\nlines', b: 'cr\ralone' }, { a: '', b: undefined }])).toBe('a,b\n"x,y","say ""hi"""\n"two\nlines",cr\ralone\n,\n');
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['a', 'b,c'], [])).toBe('a,"b,c"\n');
  });

  it('is csvHeader followed by csvRecords of the rows in column order, so a file written in pieces is the same bytes', () => {
    const columns = ['scenario', 'a.b', 'unit', 'x'];
    const rows = [
      { scenario: 'base', 'a.b': '-0.25', unit: '亿元', x: 3 },
      { scenario: '=cmd', 'a.b': 'x,y', unit: 'say "hi"', x: undefined },
      { scenario: 'two\nlines', 'a.b': '', unit: '+1', x: true },
    ];
    const pieces = csvHeader(columns) + rows.map((row) => csvRecords([columns.map((c) => row[c as keyof typeof row])])).join('');
    expect(pieces).toBe(toCsv(columns, rows));
    expect(csvRecords([])).toBe('');
  });
});
