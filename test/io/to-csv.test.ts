// toCsv writes through csv-stringify (the design card's CSV writer) with a header and LF records.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/io/to-csv.js';

describe('toCsv', () => {
  it('quotes a field with a comma, a quote or a line feed, doubling quotes; nothing else', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"' }, { a: 'two\nlines', b: 'cr\ralone' }, { a: '', b: undefined }])).toBe('a,b\n"x,y","say ""hi"""\n"two\nlines",cr\ralone\n,\n');
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['a', 'b,c'], [])).toBe('a,"b,c"\n');
  });
});
