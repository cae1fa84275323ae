// Turns rows into CSV text with a fixed column order (RFC 4180 quoting, LF line ends, UTF-8).
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './csv-cell.js';

/** A CSV cell before writing: numbers are formatted by the caller, booleans as true/false. */
export type Cell = string | number | boolean | undefined;

/**
 * CSV text with a header row. Column order is exactly `columns`; missing cells are empty; a text
 * cell a spreadsheet would run as a formula gets a leading apostrophe (neutraliseCell).
 * @example toCsv(['a', 'b'], [{ a: 1, b: 'x,y' }]); // => 'a,b\n1,"x,y"\n'
 * @example toCsv(['a'], [{ a: '=1+2' }]); // => "a\n'=1+2\n"
 */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => {
      const cell = row[column];
      return cell === undefined ? '' : typeof cell === 'string' ? neutraliseCell(cell) : String(cell);
    })),
    { header: true, columns: [...columns], record_delimiter: '\n' },
  );
}
