// data/series.csv → SeriesInfo records: one row per series id, each with its canonical unit.
import { didYouMean } from '../errors/did-you-mean.js';
import { dataRules, messages } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import type { Problem } from '../errors/problem.js';
import type { CsvTable } from '../io/read-csv.js';
import { requireColumns } from './require-columns.js';
import { isKnownUnit, unitNames } from './units.js';
import type { SeriesInfo } from './types.js';

/** The columns of data/series.csv, in order. */
export const seriesColumns = ['id', 'region', 'scope', 'unit', 'labelZh', 'labelEn', 'description'] as const;

/**
 * Reads the series table: ids unique; region, scope, unit and labels required; unit in the unit table.
 * @returns the series and the problems found
 * @example parseSeries(parseCsv('s.csv', 'id,region,scope,unit,labelZh,labelEn,description\nbj.x,Beijing,s,亿元,中,en,\n')).series[0].unit; // => '亿元'
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
    if (problems.length === before) {
      series.push({
        id, region: f.region.trim(), scope: f.scope.trim(), unit,
        labelZh: f.labelZh.trim(), labelEn: f.labelEn.trim(), description: f.description.trim(),
      });
    }
  }
  return { series, problems };
}
