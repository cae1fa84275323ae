import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/io/to-csv.js';

// The reference: csv-stringify with the options toCsv used before it wrote CSV itself (header, LF
// records). Same bytes on every field, including the characters that decide quoting.
function reference(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => [...row]), { header: true, columns: [...columns], record_delimiter: '\n' });
}

/** A small deterministic generator (LCG), so a failing case is reproducible. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('toCsv', () => {
  it('quotes a field with a comma, a quote or a line feed, doubling quotes; nothing else', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"' }, { a: 'two\nlines', b: 'cr\ralone' }, { a: '', b: undefined }])).toBe('a,b\n"x,y","say ""hi"""\n"two\nlines",cr\ralone\n,\n');
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['a', 'b,c'], [])).toBe('a,"b,c"\n');
  });

  it('writes the very bytes of csv-stringify on random fields (20,000 tables)', () => {
    const random = lcg(20261206);
    const alphabet = ['a', ',', '"', '\n', '\r', ' ', '1', '.', '\t', '中', '\r\n', 'é'];
    const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let t = 0; t < 20_000; t++) {
      const columns = Array.from({ length: 1 + (t % 4) }, (_, i) => text(Math.floor(random() * 4)) || `c${i}`);
      if (new Set(columns).size < columns.length) continue;
      // Text that neutraliseCell leaves alone (no leading =, +, -, @, tab or CR), so both sides see the same field.
      const rows = Array.from({ length: Math.floor(random() * 4) }, () => columns.map(() => `x${text(Math.floor(random() * 5))}`));
      const records = rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]])));
      expect(toCsv(columns, records)).toBe(reference(columns, rows));
    }
  });
});
