// Turns rows into CSV text with a fixed column order (RFC 4180 quoting, LF line ends, UTF-8).
import { stringify } from 'csv-stringify/sync';

/** A CSV cell before writing: numbers are formatted by the caller, booleans as true/false. */
export type Cell = string | number | boolean | undefined;

/**
 * CSV text with a header row. Column order is exactly `columns`; missing cells are empty.
 * @example toCsv(['a', 'b'], [{ a: 1, b: 'x,y' }]); // => 'a,b\n1,"x,y"\n'
 */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => {
      const cell = row[column];
      return cell === undefined ? '' : String(cell);
    })),
    { header: true, columns: [...columns], record_delimiter: '\n' },
  );
}
