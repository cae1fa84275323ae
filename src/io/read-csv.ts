// Reads a CSV file into records that remember their line number (for file:line messages).
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';

/** One CSV record: column → raw text, plus the 1-based line where the record starts. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A parsed CSV file: its header and its records. */
export interface CsvTable {
  readonly file: string;
  readonly columns: readonly string[];
  /** The 1-based line of the header (after any comment lines); 0 for an empty file. */
  readonly headerLine: number;
  readonly records: readonly CsvRecord[];
}

/**
 * Parses CSV text with a header row; `#` lines are comments; every record keeps its line number.
 * @throws InputError for malformed CSV (unclosed quote, wrong number of fields), with the line.
 */
export function parseCsv(file: string, text: string): CsvTable {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const err = error as { message: string; lines?: number };
    const line = err.lines;
    throw new InputError([{ file, line, message: messages.csvSyntax(err.message.replace(/^Invalid Record Length: /, '').replace(/\.$/, '')) }]);
  }
  if (rows.length === 0) return { file, columns: [], headerLine: 0, records: [] };
  const columns = rows[0].record.map((c) => c.trim());
  const records = rows.slice(1).map(({ record, info }) => {
    const fields: Record<string, string> = {};
    columns.forEach((column, i) => (fields[column] = record[i] ?? ''));
    // csv-parse counts the lines consumed up to the end of this record; multi-line quoted
    // fields are rare in our data, so the record's last line is the one we report.
    return { line: info.lines, fields };
  });
  return { file, columns, headerLine: rows[0].info.lines, records };
}
