// data/sources.csv → Source records: every row checked, every problem collected.
import { dataRules, messages } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import type { Problem } from '../errors/problem.js';
import type { CsvTable } from '../io/read-csv.js';
import { isPublicationDate } from './publication-date.js';
import { requireColumns } from './require-columns.js';
import type { Source } from './types.js';

/** The columns of data/sources.csv, in order. */
export const sourceColumns = ['id', 'title', 'publisher', 'date', 'location'] as const;

/**
 * Reads the sources table: ids unique and non-empty; title, publisher, date (`YYYY-MM[-DD]`) and
 * location (seed file name or web address) required.
 * @returns the sources and the problems found (each with file:line, field, rule and value)
 * @example parseSources(parseCsv('s.csv', 'id,title,publisher,date,location\nseed-000,T,P,2024-01,000.txt\n')).sources.length; // => 1
 */
export function parseSources(table: CsvTable): { sources: Source[]; problems: Problem[] } {
  const problems = requireColumns(table, sourceColumns);
  if (problems.length > 0) return { sources: [], problems };
  const sources: Source[] = [];
  const firstLine = new Map<string, number>();
  for (const record of table.records) {
    const f = record.fields;
    const at = (field: string, message: string): void => void problems.push({ file: table.file, line: record.line, field, message });
    const before = problems.length;
    for (const column of sourceColumns) if (f[column].trim() === '') at(column, messages.required(column));
    if (f.date.trim() !== '' && !isPublicationDate(f.date.trim())) at('date', messages.mustBe('date', 'be a date YYYY-MM-DD or YYYY-MM', f.date));
    const id = f.id.trim();
    if (id !== '' && !isCsvSafeId(id)) at('id', messages.mustBe('id', dataRules.id, id));
    if (id !== '' && firstLine.has(id)) at('id', messages.duplicate('id', id, firstLine.get(id)!));
    else if (id !== '') firstLine.set(id, record.line);
    if (problems.length === before) {
      sources.push({ id, title: f.title.trim(), publisher: f.publisher.trim(), date: f.date.trim(), location: f.location.trim() });
    }
  }
  return { sources, problems };
}
