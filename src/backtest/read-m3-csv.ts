// Reads a yardstick collection in the M3 layout (series_id,category,split,t,value) into one record per series.
import { InputError, ProblemList } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { parseCsv } from '../io/read-csv.js';

/** One series of a collection: its training part and the held-out test part. */
export interface M3Series {
  readonly id: string;
  readonly category: string;
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/**
 * Parses `series_id,category,split,t,value` rows (split = train | test, t 1-based within the
 * split) into series, in order of first appearance. Rows may come in any order within a series.
 * Every problem is collected and reported with the file, line, column name, rule and value.
 *
 * @param text the CSV text, with a header row
 * @param file the file's name as shown in problems
 * @returns the series
 * @throws InputError for a missing column, a value that is not a finite number, an unknown split,
 *   a t that is not a positive whole number, a t given twice, a gap in t, or a series without
 *   training values
 * @see docs/backtest.md §1 (the layout); Makridakis & Hibon (2000) IJF 16:451–476 (the data).
 * @example readM3Csv('series_id,category,split,t,value\nN1,micro,train,1,5\nN1,micro,test,1,6\n');
 * // => [{ id: 'N1', category: 'micro', train: [5], test: [6] }]
 */
export function readM3Csv(text: string, file = 'collection'): M3Series[] {
  const table = parseCsv(file, text);
  const problems = new ProblemList();
  if (!['series_id', 'category', 'split', 't', 'value'].every((c) => table.columns.includes(c))) {
    throw new InputError([{ file, line: 1, message: messages.mustBe('the header', 'name the columns series_id, category, split, t and value', table.columns.join(',')) }]);
  }
  const bySeries = new Map<string, { category: string; line: number; train: number[]; test: number[] }>();
  for (const { line, fields } of table.records) {
    const id = fields.series_id.trim();
    const value = Number(fields.value);
    const t = Number(fields.t);
    const splitText = fields.split.trim();
    const split = splitText === 'train' || splitText === 'test' ? splitText : undefined;
    const at = (field: string, rule: string, got: string) => problems.add({ file, line, field, message: messages.mustBe(field, rule, got) });
    const problemsBefore = problems.items.length;
    if (!id) at('series_id', 'not be empty', fields.series_id);
    if (fields.value.trim() === '' || !Number.isFinite(value)) at('value', 'be a finite number', fields.value);
    if (!Number.isInteger(t) || t < 1) at('t', 'be a positive whole number', fields.t);
    if (split === undefined) at('split', 'be one of: train, test', fields.split);
    if (problems.items.length > problemsBefore || split === undefined) continue;
    let entry = bySeries.get(id);
    if (entry === undefined) {
      entry = { category: fields.category.trim(), line, train: [], test: [] };
      bySeries.set(id, entry);
    }
    if (entry[split][t - 1] !== undefined) at('t', `be given once per series and split (series ${id}, ${split})`, fields.t);
    else entry[split][t - 1] = value;
  }
  const series = [...bySeries].map(([id, entry]) => {
    if (entry.train.length === 0) problems.add({ file, line: entry.line, field: 'split', message: messages.mustBe(`series ${id}`, 'have at least one train row', 'test rows only') });
    for (const split of ['train', 'test'] as const) {
      const values = entry[split];
      const gap = values.findIndex((v) => v === undefined);
      // A sparse array: findIndex visits the holes too.
      if (gap >= 0) problems.add({ file, line: entry.line, field: 't', message: messages.mustBe(`t of series ${id} (${split})`, 'run 1, 2, 3, … without a gap', `no row for t = ${gap + 1}`) });
    }
    return { id, category: entry.category, train: entry.train, test: entry.test };
  });
  problems.throwIfAny();
  return series;
}
