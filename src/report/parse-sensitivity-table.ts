// Tornado rows from a sensitivity CSV: sensitivity.csv of `forecast sensitivity`, or a bare table of the same six facts.
import type { CsvTable } from '../io/read-csv.js';
import { ProblemList } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import type { SensitivityRow } from './sensitivity-row.js';

/**
 * The columns read. `low`/`high` may be spelt `probabilityLow`/`probabilityHigh` (as in
 * sensitivity.csv written by `forecast sensitivity`); `baselineProbability`, when present, draws
 * the scenario's own probability; any other column is ignored.
 */
export const sensitivityTableColumns = {
  text: ['scenario', 'target', 'input'],
  low: ['low', 'probabilityLow'],
  high: ['high', 'probabilityHigh'],
  swing: ['swingProbability'],
} as const;

/**
 * Checks a parsed sensitivity CSV and returns its tornado rows: `scenario`, `target` and `input`
 * must be non-empty; the low, high and swing probabilities must be numbers from 0 to 1. Every
 * problem of the file is reported at once, with its line.
 * @param table the parsed CSV (io/read-csv.ts `parseCsv`)
 * @returns one SensitivityRow per record, in file order
 * @throws InputError listing every missing column, empty text and bad number
 * @example parseSensitivityTable(parseCsv('s.csv', 'scenario,target,input,low,high,swingProbability\nbaseline,t,g,0.2,0.8,0.6\n'))[0].high; // => 0.8
 */
export function parseSensitivityTable(table: CsvTable): SensitivityRow[] {
  const problems = new ProblemList();
  const pick = (names: readonly string[]) => {
    const found = names.find((name) => table.columns.includes(name));
    if (found === undefined) problems.add({ file: table.file, line: 1, field: names[0], message: messages.required(`column ${names.join(' or ')}`) });
    return found ?? names[0];
  };
  const [scenarioColumn, targetColumn, inputColumn] = sensitivityTableColumns.text.map((name) => pick([name]));
  const lowColumn = pick(sensitivityTableColumns.low);
  const highColumn = pick(sensitivityTableColumns.high);
  const swingColumn = pick(sensitivityTableColumns.swing);
  problems.throwIfAny();

  const rows: SensitivityRow[] = [];
  for (const record of table.records) {
    const text = (column: string) => {
      const value = (record.fields[column] ?? '').trim();
      if (value === '') problems.add({ file: table.file, line: record.line, field: column, message: messages.required(column) });
      return value;
    };
    const probability = (column: string) => {
      const raw = (record.fields[column] ?? '').trim();
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) problems.add({ file: table.file, line: record.line, field: column, message: messages.notANumber(column, raw) });
      else if (value < 0 || value > 1) problems.add({ file: table.file, line: record.line, field: column, message: messages.mustBe(column, 'be a probability from 0 to 1', value) });
      return value;
    };
    const baselineRaw = (record.fields.baselineProbability ?? '').trim();
    const baseline = baselineRaw === '' ? undefined : probability('baselineProbability');
    const bound = (record.fields.probabilityMetBound ?? '').trim();
    if (bound !== '' && bound !== 'lower' && bound !== 'upper') problems.add({ file: table.file, line: record.line, field: 'probabilityMetBound', message: messages.oneOf('probabilityMetBound', ['lower', 'upper', '(empty)'], bound) });
    rows.push({
      ...(baseline !== undefined && { baseline }),
      ...((bound === 'lower' || bound === 'upper') && { bound }),
      scenario: text(scenarioColumn),
      target: text(targetColumn),
      input: text(inputColumn),
      low: probability(lowColumn),
      high: probability(highColumn),
      swingProbability: probability(swingColumn),
    });
  }
  problems.throwIfAny();
  return rows;
}
