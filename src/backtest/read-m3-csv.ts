// Reads the tidy M3 yearly CSV (series_id,category,split,t,value) into one record per series.
import { parse } from 'csv-parse/sync';

/** One M3 series: its training part and the held-out test part. */
export interface M3Series {
  readonly id: string;
  readonly category: string;
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/**
 * Parses `series_id,category,split,t,value` rows (split = train | test, t 1-based within the
 * split) into series, in order of first appearance. Rows may come in any order within a series.
 *
 * @param text the CSV text, with a header row
 * @returns the series
 * @throws Error naming the line when a value is not a number, a split is unknown, or t has gaps
 * @see /work/shared/benchmarks/README.md (format); Makridakis & Hibon (2000) IJF 16:451–476 (the data).
 * @example readM3Csv('series_id,category,split,t,value\nN1,micro,train,1,5\nN1,micro,test,1,6\n');
 * // => [{ id: 'N1', category: 'micro', train: [5], test: [6] }]
 */
export function readM3Csv(text: string): M3Series[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const bySeries = new Map<string, { category: string; train: number[]; test: number[] }>();
  records.forEach((record, index) => {
    const line = index + 2;
    const id = record.series_id;
    const value = Number(record.value);
    const t = Number(record.t);
    if (!id) throw new Error(`m3 csv line ${line}: series_id must not be empty, got "${id}"`);
    if (record.value === '' || !Number.isFinite(value)) throw new Error(`m3 csv line ${line}: value must be a number, got "${record.value}"`);
    if (!Number.isInteger(t) || t < 1) throw new Error(`m3 csv line ${line}: t must be a positive integer, got "${record.t}"`);
    if (record.split !== 'train' && record.split !== 'test') {
      throw new Error(`m3 csv line ${line}: split must be one of: train, test, got "${record.split}"`);
    }
    let entry = bySeries.get(id);
    if (entry === undefined) {
      entry = { category: record.category, train: [], test: [] };
      bySeries.set(id, entry);
    }
    entry[record.split][t - 1] = value;
  });
  return [...bySeries].map(([id, entry]) => {
    for (const split of ['train', 'test'] as const) {
      const values = entry[split];
      for (let i = 0; i < values.length; i += 1) {
        if (values[i] === undefined) throw new Error(`m3 csv series ${id}: ${split} t = ${i + 1} is missing`);
      }
    }
    return { id, category: entry.category, train: entry.train, test: entry.test };
  });
}
