import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { parseCsv } from '../../src/io/read-csv.js';

describe('parseCsv', () => {
  it('keeps the line of every record, counting comments and a multi-line header', () => {
    const table = parseCsv('x.csv', '# comment\na,b\n1,2\n\n3,"x,y"\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.line)).toEqual([3, 5]);
    expect(table.records[1].fields.b).toBe('x,y');
  });

  it('rejects a record with the wrong number of fields, naming its line', () => {
    try {
      parseCsv('x.csv', 'a,b\n1,2\n3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems[0]).toMatchObject({ file: 'x.csv', line: 3 });
    }
  });
});
