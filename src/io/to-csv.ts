// Turns rows into CSV text with a fixed column order (RFC 4180 quoting, LF line ends, UTF-8).
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './csv-cell.js';

/** A CSV cell before writing: numbers are formatted by the caller, booleans as true/false. */
export type Cell = string | number | boolean | undefined;

/** A cell as written: empty when missing, a text neutralised (neutraliseCell), anything else as String gives it. */
function cellText(cell: Cell): string {
  return cell === undefined ? '' : typeof cell === 'string' ? neutraliseCell(cell) : String(cell);
}

/**
 * CSV text with a header row. Column order is exactly `columns`; missing cells are empty; a text
 * cell a spreadsheet would run as a formula gets a leading apostrophe (neutraliseCell).
 * @example toCsv(['a', 'b'], [{ a: 1, b: 'x,y' }]); // => 'a,b\n1,"x,y"\n'
 * @example toCsv(['a'], [{ a: '=1+2' }]); // => "a\n'=1+2\n"
 */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): string {
  return csvHeader(columns) + csvRecords(rows.map((row) => columns.map((column) => row[column])));
}

/**
 * The header line of a CSV file with `columns`. toCsv is this and csvRecords of its rows, so a file
 * written in pieces (the rows of each part as it is made) is the file toCsv writes from all at once.
 * @example csvHeader(['a', 'b']); // => 'a,b\n'
 */
export function csvHeader(columns: readonly string[]): string {
  return stringify([], { header: true, columns: [...columns], record_delimiter: '\n' });
}

/**
 * CSV records without a header, each row's cells in column order (RFC 4180 quoting, LF line ends).
 * @example csvRecords([[1, 'x,y'], [undefined, '=1+2']]); // => '1,"x,y"\n,\'=1+2\n'
 */
export function csvRecords(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(cellText)),
    { record_delimiter: '\n' },
  );
}
