// data/series.csv → SeriesInfo records: one row per series id, each with its canonical unit.
import { didYouMean } from '../errors/did-you-mean.js';
import { dataRules, messages } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import type { Problem } from '../errors/problem.js';
import type { CsvTable } from '../io/read-csv.js';
import { isPublicationDate } from './publication-date.js';
import { requireColumns } from './require-columns.js';
import { isKnownUnit, unitNames } from './units.js';
import type { SeriesBreak, SeriesInfo } from './types.js';

/** The columns of data/series.csv, in order. */
export const seriesColumns = ['id', 'region', 'scope', 'unit', 'labelZh', 'labelEn', 'description', 'breaks'] as const;

/** One break as written: `YYYY: reason` or `YYYY from YYYY-MM[-DD]: reason`. */
const breakPattern = /^(\d{4})(?:\s+from\s+(\S+))?\s*:\s*(\S.*)$/su;

/**
 * Reads a `breaks` cell: breaks separated by `|`, each `YYYY: reason` (the first year on the new
 * basis, then why; a reason may contain `;` and `,`) or `YYYY from DATE: reason` (figures of YYYY on
 * are on the new basis only when published on or after DATE, the revision's publication), years
 * strictly ascending; an empty cell is no break.
 * @returns the breaks, or the message of the first rule broken
 * @example parseBreaks('2023: 5th economic census revision'); // => { breaks: [{ year: 2023, reason: '5th economic census revision' }] }
 */
export function parseBreaks(cell: string): { breaks: SeriesBreak[]; problem?: string } {
  const breaks: SeriesBreak[] = [];
  if (cell.trim() === '') return { breaks };
  for (const part of cell.split('|')) {
    const match = breakPattern.exec(part.trim());
    if (!match) return { breaks, problem: messages.mustBe('breaks', 'be "YYYY: reason" or "YYYY from YYYY-MM-DD: reason" items separated by "|"', part.trim()) };
    const year = Number(match[1]);
    if (match[2] !== undefined && !isPublicationDate(match[2])) return { breaks, problem: messages.mustBe('breaks', 'give a date YYYY-MM-DD or YYYY-MM after "from"', match[2]) };
    if (year < 1900 || year > 2200) return { breaks, problem: messages.mustBe('breaks', 'give years from 1900 to 2200', match[1]) };
    if (breaks.length > 0 && year <= breaks[breaks.length - 1].year) {
      return { breaks, problem: messages.mustBe('breaks', 'give each year once, in ascending order', cell.trim()) };
    }
    breaks.push({ year, ...(match[2] !== undefined ? { publishedFrom: match[2] } : {}), reason: match[3].trim() });
  }
  return { breaks };
}

/**
 * Reads the series table: ids unique; region, scope, unit and labels required; unit in the unit
 * table; `breaks` (may be empty) as `YYYY: reason | …`, ascending.
 * @returns the series and the problems found
 * @example parseSeries(parseCsv('s.csv', 'id,region,scope,unit,labelZh,labelEn,description,breaks\nbj.x,Beijing,s,亿元,中,en,,\n')).series[0].unit; // => '亿元'
 */
export function parseSeries(table: CsvTable): { series: SeriesInfo[]; problems: Problem[] } {
  const problems = requireColumns(table, seriesColumns);
  if (problems.length > 0) return { series: [], problems };
  const series: SeriesInfo[] = [];
  const firstLine = new Map<string, number>();
  for (const record of table.records) {
    const f = record.fields;
    const before = problems.length;
    const at = (field: string, message: string, hint?: string): void =>
      void problems.push({ file: table.file, line: record.line, field, message, hint });
    for (const column of ['id', 'region', 'scope', 'unit', 'labelZh', 'labelEn'] as const) {
      if (f[column].trim() === '') at(column, messages.required(column));
    }
    const unit = f.unit.trim();
    if (unit !== '' && !isKnownUnit(unit)) at('unit', messages.oneOf('unit', unitNames, unit), didYouMean(unit, unitNames));
    const id = f.id.trim();
    for (const column of ['id', 'region'] as const) {
      if (f[column].trim() !== '' && !isCsvSafeId(f[column].trim())) at(column, messages.mustBe(column, dataRules.id, f[column].trim()));
    }
    if (id !== '' && firstLine.has(id)) at('id', messages.duplicate('id', id, firstLine.get(id)!));
    else if (id !== '') firstLine.set(id, record.line);
    const { breaks, problem } = parseBreaks(f.breaks);
    if (problem) at('breaks', problem);
    if (problems.length === before) {
      series.push({
        id, region: f.region.trim(), scope: f.scope.trim(), unit,
        labelZh: f.labelZh.trim(), labelEn: f.labelEn.trim(), description: f.description.trim(), breaks,
      });
    }
  }
  return { series, problems };
}
