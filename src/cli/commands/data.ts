// `forecast data [series]`: the series on record (id, scope, unit, years, points), or one series' figures with sources and quotes.
import { join, resolve } from 'node:path';
import { alignColumns } from '../../data/align-columns.js';
import { asOf } from '../../data/as-of.js';
import { observationsOf } from '../../data/observations-of.js';
import { isPublicationDate } from '../../data/publication-date.js';
import type { DataSet, Observation, Qualifier } from '../../data/types.js';
import { yearLevels } from '../../data/year-levels.js';
import { didYouMean } from '../../errors/did-you-mean.js';
import { InputError } from '../../errors/input-error.js';
import { dataMessages, messages } from '../../errors/messages.js';
import { formatNumber } from '../../io/format-number.js';
import { loadDataFolder } from '../../io/load-data-folder.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** How a qualifier reads in front of a number. */
export const qualifierSymbol: Readonly<Record<Qualifier, string>> = { exact: '', approx: '≈', atLeast: '≥', atMost: '≤' };

/** Loads `--data` (resolved against the working directory) as of `--as-of` when given. */
export function loadDataArgument(argv: Record<string, unknown>, io: CliIo): { data: DataSet; folder: string } {
  const folder = String(argv.data ?? 'data');
  const date = argv.asOf === undefined ? undefined : String(argv.asOf);
  if (date !== undefined && !isPublicationDate(date)) {
    throw new InputError([{ file: 'command line', field: '--as-of', message: messages.mustBe('--as-of', 'be a date YYYY-MM-DD or YYYY-MM', date) }]);
  }
  const data = loadDataFolder(resolve(io.cwd, folder), folder);
  return { data: date === undefined ? data : asOf(data, date), folder };
}

/** `≥ 2500 亿元 (+17.7%)`: a figure as the record gives it. */
function figure(o: Observation): string {
  const parts: string[] = [];
  if (o.value !== undefined) parts.push(`${qualifierSymbol[o.qualifier]}${formatNumber(o.value, 6)} ${o.unit}`);
  if (o.yoy !== undefined) {
    const percent = formatNumber(o.yoy * 100, 4);
    parts.push(`${o.value === undefined ? qualifierSymbol[o.qualifier] : ''}${o.yoy >= 0 ? '+' : ''}${percent}% yoy`);
  }
  return parts.join('  ');
}

function listSeries(data: DataSet): string {
  const rows: string[][] = [['series', 'region', 'unit', 'years', 'points', 'breaks', 'scope']];
  // Each series' years in one pass over the observations (not one pass per series).
  const yearsOf = new Map<string, number[]>();
  for (const o of data.observations) {
    const years = yearsOf.get(o.series);
    if (years) years.push(o.year);
    else yearsOf.set(o.series, [o.year]);
  }
  for (const s of data.series) {
    const years = yearsOf.get(s.id) ?? [];
    const span = years.length === 0 ? '—' : Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`;
    rows.push([s.id, s.region, s.unit, span, String(years.length), s.breaks.map((b) => b.year).join(',') || '—', s.scope]);
  }
  return `${alignColumns(rows)}\n\n${data.series.length} series, ${data.observations.length} observations, ${data.targets.length} targets\n`;
}

function showSeries(data: DataSet, id: string): string {
  const info = data.series.find((s) => s.id === id)!;
  const rows = observationsOf(data, id);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  // The readings that stand for their year (src/data/year-levels.ts), as of the data shown.
  const { points, bounds } = yearLevels(rows);
  const levels = new Set([...points, ...bounds].map((l) => l.observation));
  const table = alignColumns([
    ['year', 'period', 'figure', 'kind', 'status', 'confidence', 'source', 'published', 'level'],
    ...rows.map((o) => [String(o.year), o.period, figure(o), o.kind, o.status, o.confidence, o.source, o.published, levels.has(o) ? `level of ${o.year}` : '']),
  ]).split('\n');
  const lines = [
    `${info.id} — ${info.labelZh} / ${info.labelEn}`,
    `region: ${info.region}   unit: ${info.unit}   scope: ${info.scope}`,
    ...(info.description ? [info.description] : []),
    ...info.breaks.map((b) => `break: from ${b.year} on a new basis${b.publishedFrom ? ` (figures published from ${b.publishedFrom})` : ''} — ${b.reason} (no growth is read across it)`),
    '',
    table[0],
  ];
  rows.forEach((o, i) => {
    lines.push(table[i + 1]);
    lines.push(`    “${o.quote}”`);
    const source = sources.get(o.source);
    if (source) lines.push(`    ${source.title} — ${source.publisher}, ${source.location}`);
    if (o.derivation) lines.push(`    derivation: ${o.derivation}`);
    if (o.note) lines.push(`    note: ${o.note}`);
  });
  if (rows.length === 0) lines.push('(no observations on record)');
  return lines.join('\n') + '\n';
}

export const dataCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .positional('series', { type: 'string', describe: 'a series id, e.g. bj.infosoft.revenue' })
      .option('as-of', { type: 'string', describe: 'only figures published by this date (YYYY-MM-DD or YYYY-MM)' })
      .example('forecast data', 'every series with its coverage')
      .example('forecast data bj.ai.core --as-of 2024-04', 'the figures of one series public by April 2024'),
  async run(argv, io) {
    const { data, folder } = loadDataArgument(argv, io);
    const id = argv.series === undefined ? undefined : String(argv.series);
    if (id === undefined) {
      io.stdout(listSeries(data));
      return exitCodes.ok;
    }
    if (!data.series.some((s) => s.id === id)) {
      throw new InputError([{ file: join(folder, 'series.csv'), field: 'series', message: dataMessages.unknownSeries(id), hint: didYouMean(id, data.series.map((s) => s.id)) }]);
    }
    io.stdout(showSeries(data, id));
    return exitCodes.ok;
  },
};
