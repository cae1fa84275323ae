// Sensitivity rows read from a CSV table (columns scenario, target, input, low, high, swingProbability).
import type { CsvTable } from '../io/read-csv.js';
import { ProblemList } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import type { SensitivityRow } from './sensitivity-row.js';

/** Columns a sensitivity CSV must have (others are ignored). */
export const sensitivityColumns = ['scenario', 'target', 'input', 'low', 'high', 'swingProbability'] as const;

/**
 * Checks a parsed sensitivity CSV and returns its rows: text columns must be non-empty; `low`,
 * `high` and `swingProbability` must be numbers from 0 to 1 (probabilities). Every problem of
 * the file is reported at once, with its line.
 * @param table the parsed CSV (io/read-csv.ts `parseCsv`)
 * @returns one SensitivityRow per record, in file order
 * @throws InputError listing every missing column, empty text and bad number
 * @example sensitivityRows(parseCsv('s.csv', 'scenario,target,input,low,high,swingProbability\nbaseline,t,g,0.2,0.8,0.6\n'))[0].high; // => 0.8
 */
export function sensitivityRows(table: CsvTable): SensitivityRow[] {
  const problems = new ProblemList();
  for (const column of sensitivityColumns) {
    if (!table.columns.includes(column)) problems.add({ file: table.file, line: 1, field: column, message: messages.required(`column ${column}`) });
  }
  problems.throwIfAny();
  const rows: SensitivityRow[] = [];
  for (const record of table.records) {
    const text = (column: 'scenario' | 'target' | 'input') => {
      const value = (record.fields[column] ?? '').trim();
      if (value === '') problems.add({ file: table.file, line: record.line, field: column, message: messages.required(column) });
      return value;
    };
    const probability = (column: 'low' | 'high' | 'swingProbability') => {
      const raw = (record.fields[column] ?? '').trim();
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) problems.add({ file: table.file, line: record.line, field: column, message: messages.notANumber(column, raw) });
      else if (value < 0 || value > 1) problems.add({ file: table.file, line: record.line, field: column, message: messages.mustBe(column, 'be a probability from 0 to 1', value) });
      return value;
    };
    rows.push({
      scenario: text('scenario'),
      target: text('target'),
      input: text('input'),
      low: probability('low'),
      high: probability('high'),
      swingProbability: probability('swingProbability'),
    });
  }
  problems.throwIfAny();
  return rows;
}
