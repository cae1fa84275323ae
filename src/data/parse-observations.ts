// data/observations.csv → Observation records, values converted to each series' canonical unit.
import { didYouMean } from '../errors/did-you-mean.js';
import { dataMessages, dataRules, messages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import type { CsvTable } from '../io/read-csv.js';
import { parsePeriod, stockDateYear } from './period.js';
import { percentToFraction } from './percent-to-fraction.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import { isPublicationDate, latestDayOf } from './publication-date.js';
import { requireColumns } from './require-columns.js';
import type { Confidence, Observation, ObservationKind, ObservationStatus, Qualifier, SeriesInfo } from './types.js';
import { convertUnit, isKnownUnit, unitFactor, unitNames, units } from './units.js';

/** The columns of data/observations.csv, in order. */
export const observationColumns = [
  'series', 'region', 'period', 'year', 'value', 'unit', 'yoyPercent', 'qualifier', 'status',
  'derivation', 'kind', 'confidence', 'source', 'published', 'quote', 'note',
] as const;

export const qualifiers: readonly Qualifier[] = ['exact', 'approx', 'atLeast', 'atMost'];
export const statuses: readonly ObservationStatus[] = ['reported', 'derived'];
export const observationKinds: readonly ObservationKind[] = ['observed', 'estimate', 'externalForecast'];
/** The confidence grades, highest first (the reference sheets' scale). */
export const confidenceGrades: readonly Confidence[] = ['high', 'medium-high', 'medium', 'medium-low', 'low-medium', 'low'];

/**
 * The first year of the basis a figure of `year` published on `published` is on: the latest break
 * of the series at or before `year` that applies to it (a break dated `publishedFrom` applies to
 * figures published from that date on).
 */
function basisOf(info: SeriesInfo | undefined, year: number, published: string): number | undefined {
  let basis: number | undefined;
  for (const b of info?.breaks ?? []) {
    // A month given for the revision means from its first day ("from 2024-03").
    const from = b.publishedFrom === undefined ? undefined : /^\d{4}-\d{2}$/.test(b.publishedFrom) ? `${b.publishedFrom}-01` : b.publishedFrom;
    if (b.year <= year && (from === undefined || latestDayOf(published) >= from)) basis = b.year;
  }
  return basis;
}

/**
 * Highest yoy growth accepted, in percent: a thousandfold in a year. The shipped data's highest is
 * 5600% (a count going from 1 to 57); a larger figure is a typo, and its logarithm would carry the
 * calibration beyond any number the simulation can hold.
 */
export const maxYoyPercent = 100_000;

/**
 * The rule a level breaks, or undefined: a level is a finite amount, count or share, never negative,
 * and an amount of money is greater than 0 (zero revenue has no growth rate and no logarithm).
 */
function levelRule(value: number, unit: string): string | undefined {
  if (!Number.isFinite(value)) return dataRules.finite;
  if (value < 0) return dataRules.notNegative;
  if (value === 0 && isKnownUnit(unit) && (units[unit].dimension === 'cny' || units[unit].dimension === 'usd')) return dataRules.positiveAmount;
  return undefined;
}

/** A plain decimal number as written in data files (no thousands separators, no units). */
const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads the observations table and checks every row against the rules of data/README.md:
 * known series (did you mean), valid period and year, numeric value and yoyPercent (a "," decimal
 * separator gets a hint), a value or a growth, a known unit convertible to the series' unit,
 * qualifier/status/kind/confidence from their lists, a derived row's arithmetic, a known source, a
 * publication date, a quote, and no duplicate (a second value, or a second yoyPercent, for the same
 * series, period, year, kind, source and published date; a level-only and a growth-only row of one
 * period are not duplicates, nor are two sources publishing one figure on the same day).
 * Each observation gets the `basis` its year is on (from the series' `breaks`).
 * Values are converted to the series' canonical unit: value × factor(unit) / factor(series unit);
 * yoyPercent becomes the fraction `yoy` (17.7 → 0.177).
 * @returns the observations (only rows without problems) and the problems found
 * @example parseObservations(table, seriesById, new Set(['seed-000'])).observations[0].value; // => 22000 for "2.2,万亿元"
 */
export function parseObservations(
  table: CsvTable,
  seriesById: ReadonlyMap<string, SeriesInfo>,
  sourceIds: ReadonlySet<string>,
): { observations: Observation[]; problems: Problem[] } {
  const problems = requireColumns(table, observationColumns);
  if (problems.length > 0) return { observations: [], problems };
  const observations: Observation[] = [];
  const firstLine = new Map<string, number>();

  for (const record of table.records) {
    const f = Object.fromEntries(Object.entries(record.fields).map(([k, v]) => [k, v.trim()])) as Record<string, string>;
    const before = problems.length;
    const at = (field: string, message: string, hint?: string): void =>
      void problems.push({ file: table.file, line: record.line, field, message, hint });

    // 1. The series, its period and year.
    const info = seriesById.get(f.series);
    if (f.series === '') at('series', messages.required('series'));
    else if (!info) at('series', messages.unknownReference('series', 'series (data/series.csv)', f.series), didYouMean(f.series, seriesById.keys()));
    if (f.region === '') at('region', messages.required('region'));
    else if (!isCsvSafeId(f.region)) at('region', messages.mustBe('region', dataRules.id, f.region));
    const period = parsePeriod(f.period);
    if (f.period === '') at('period', messages.required('period'));
    else if (!period) at('period', messages.mustBe('period', 'be FY, Q1…Q4, H1, H2, Qa-Qb, Ma-Mb, YTD:MM-DD or a stock date YYYY-MM[-DD]', f.period));
    const year = Number(f.year);
    if (!/^\d{4}$/.test(f.year) || year < 1900 || year > 2200) at('year', messages.mustBe('year', 'be an integer year from 1900 to 2200', f.year));
    else {
      const dateYear = stockDateYear(f.period);
      if (dateYear !== undefined && dateYear !== year) at('year', dataMessages.stockDateYear(dateYear, f.year));
    }

    // 2. The figure: a value in a unit, a yoy growth in percent, or both.
    let value: number | undefined;
    if (f.value !== '') {
      if (!numberPattern.test(f.value)) at('value', messages.notANumber('value', f.value));
      else {
        const rule = levelRule(Number(f.value), f.unit);
        if (rule) at('value', messages.mustBe('value', rule, f.value));
        else value = Number(f.value);
      }
    }
    let yoy: number | undefined;
    if (f.yoyPercent !== '') {
      if (!numberPattern.test(f.yoyPercent)) at('yoyPercent', messages.notANumber('yoyPercent', f.yoyPercent));
      else {
        const percent = Number(f.yoyPercent);
        if (!(percent > -100 && percent <= maxYoyPercent)) at('yoyPercent', messages.mustBe('yoyPercent', dataRules.yoyPercent(maxYoyPercent), f.yoyPercent));
        else yoy = percentToFraction(f.yoyPercent);
      }
    }
    if (f.value === '' && f.yoyPercent === '') at('value', dataMessages.valueOrGrowth('row'));
    if (f.unit !== '' && !isKnownUnit(f.unit)) at('unit', messages.oneOf('unit', unitNames, f.unit), didYouMean(f.unit, unitNames));
    else if (f.unit === '' && f.value !== '') at('unit', dataMessages.unitMissing(f.value));
    else if (f.unit !== '' && info && unitFactor(f.unit, info.unit) === undefined) {
      at('unit', dataMessages.unitNotConvertible('unit', f.unit, info.unit, info.id));
    }

    // 3. How the figure relates to the truth, and where it comes from.
    if (!qualifiers.includes(f.qualifier as Qualifier)) at('qualifier', messages.oneOf('qualifier', qualifiers, f.qualifier), didYouMean(f.qualifier, qualifiers));
    if (!statuses.includes(f.status as ObservationStatus)) at('status', messages.oneOf('status', statuses, f.status), didYouMean(f.status, statuses));
    else if (f.status === 'derived' && f.derivation === '') at('derivation', dataMessages.derivationMissing());
    if (!observationKinds.includes(f.kind as ObservationKind)) at('kind', messages.oneOf('kind', observationKinds, f.kind), didYouMean(f.kind, observationKinds));
    if (!confidenceGrades.includes(f.confidence as Confidence)) {
      at('confidence', messages.oneOf('confidence', confidenceGrades, f.confidence), didYouMean(f.confidence, confidenceGrades));
    }
    if (f.source === '') at('source', messages.required('source'));
    else if (!sourceIds.has(f.source)) at('source', messages.unknownReference('source', 'source (data/sources.csv)', f.source), didYouMean(f.source, sourceIds));
    if (f.published === '') at('published', messages.required('published'));
    else if (!isPublicationDate(f.published)) at('published', messages.mustBe('published', 'be a date YYYY-MM-DD or YYYY-MM', f.published));
    if (f.quote === '') at('quote', messages.required('quote'));

    // 4. One value and one growth per series, period, year, kind, source and vintage: a level-only row
    //    and a growth-only row for the same period may stand side by side (each with its own qualifier).
    const key = [f.series, f.period, f.year, f.kind, f.source, f.published].join(' ');
    const figures = [...(f.value !== '' ? ['value'] : []), ...(f.yoyPercent !== '' ? ['yoyPercent'] : [])];
    const clashes = figures.filter((figure) => firstLine.has(`${figure} ${key}`));
    if (clashes.length > 0) at('row', dataMessages.duplicateFigure(clashes, key, firstLine.get(`${clashes[0]} ${key}`)!));
    else for (const figure of figures) firstLine.set(`${figure} ${key}`, record.line);

    if (problems.length > before || !info) continue;
    observations.push({
      series: f.series,
      region: f.region,
      unit: info.unit,
      period: f.period,
      year,
      ...(value !== undefined ? { value: convertUnit(value, f.unit, info.unit) } : {}),
      ...(yoy !== undefined ? { yoy } : {}),
      qualifier: f.qualifier as Qualifier,
      status: f.status as ObservationStatus,
      ...(f.derivation !== '' ? { derivation: f.derivation } : {}),
      kind: f.kind as ObservationKind,
      confidence: f.confidence as Confidence,
      ...(basisOf(info, year, f.published) !== undefined ? { basis: basisOf(info, year, f.published) } : {}),
      source: f.source,
      published: f.published,
      quote: f.quote,
      ...(f.note !== '' ? { note: f.note } : {}),
      file: table.file,
      line: record.line,
    });
  }
  return { observations, problems };
}
