// Checks that a CSV file of data/ has the columns its reader needs.
import { dataMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import type { CsvTable } from '../io/read-csv.js';

/**
 * One problem (at line 1) for each required column missing from the header.
 * @example requireColumns({ file: 'a.csv', columns: ['id'], records: [] }, ['id', 'unit']).length; // => 1
 */
export function requireColumns(table: CsvTable, required: readonly string[]): Problem[] {
  return required
    .filter((column) => !table.columns.includes(column))
    .map((column) => ({ file: table.file, line: 1, field: 'header', message: dataMessages.columnMissing(column, table.columns) }));
}
