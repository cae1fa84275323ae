// data/targets.yaml → Target predicates: every key checked, bounds normalised to lower/upper.
import { didYouMean } from '../errors/did-you-mean.js';
import { dataMessages, dataRules, messages } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import type { Problem } from '../errors/problem.js';
import type { PathSegment, YamlDocument } from '../io/yaml-document.js';
import { percentToFraction } from './percent-to-fraction.js';
import type { Bound, SeriesInfo, Target, TargetKind } from './types.js';
import { isKnownUnit, unitFactor, unitNames, units } from './units.js';

export const targetKinds: readonly TargetKind[] = ['level', 'growthEachYear', 'cagr', 'cumulative', 'share'];

/** Every key a target may have (anything else is an error with "did you mean"). */
export const targetKeys = [
  'id', 'label', 'region', 'variable', 'series', 'kind', 'year', 'fromYear', 'baseYear',
  'atLeast', 'above', 'atMost', 'below', 'between', 'inclusive', 'approx', 'tolerance',
  'unit', 'source', 'quote', 'note', 'outcome',
] as const;

const boundKeys = ['atLeast', 'above', 'atMost', 'below', 'between', 'approx'] as const;

/** The tolerance of `approx:` when none is given: ±5%. */
export const defaultApproxTolerance = 0.05;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads data/targets.yaml (a list of maps) into typed targets. Bounds become `lower` / `upper`:
 * atLeast x → lower x (inclusive); above x → lower x (exclusive); atMost / below likewise for upper;
 * between [lo, hi] → both, inclusive unless `inclusive: false`; approx x with tolerance t →
 * [x(1 − t), x(1 + t)] inclusive (t defaults to 0.05). Growth targets (growthEachYear, cagr) use
 * `unit: rate` and accept fractions (0.1) or percents ("10%").
 * @returns the targets and every problem found, each at file:line:col with a code frame
 * @example parseTargets(doc, seriesById, sourceIds).targets[0].lower; // => { value: 3000, inclusive: true }
 */
export function parseTargets(
  doc: YamlDocument,
  seriesById: ReadonlyMap<string, SeriesInfo>,
  sourceIds: ReadonlySet<string>,
): { targets: Target[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const targets: Target[] = [];
  const list = doc.value ?? [];
  if (!Array.isArray(list)) {
    return { targets, problems: [doc.problem([], messages.mustBe('targets file', 'be a list of targets', list))] };
  }
  const firstIndex = new Map<string, number>();

  list.forEach((item: unknown, index: number) => {
    const before = problems.length;
    const at = (path: readonly PathSegment[], message: string, hint?: string, atKey = false): void =>
      void problems.push(doc.problem([index, ...path], message, hint, atKey));
    const name = (key: string) => `[${index}].${key}`;
    if (!isMap(item)) {
      at([], messages.mustBe(`[${index}]`, 'be a map of keys to values', item));
      return;
    }

    // 1. Keys and texts.
    for (const key of Object.keys(item)) {
      if (!(targetKeys as readonly string[]).includes(key)) at([key], messages.unknownKey(`[${index}]`, key), didYouMean(key, targetKeys), true);
    }
    const text = (key: string, required: boolean): string | undefined => {
      const value = item[key];
      if (value === undefined || value === null || value === '') {
        if (required) at([key], messages.required(name(key)), undefined, true);
        return undefined;
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        at([key], messages.mustBe(name(key), 'be a text', value));
        return undefined;
      }
      return String(value);
    };
    const id = text('id', true);
    if (id !== undefined) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) at(['id'], messages.mustBe(name('id'), 'be kebab-case (lowercase letters, digits and dashes)', id));
      else if (firstIndex.has(id)) at(['id'], messages.duplicate(name('id'), id, doc.locate([firstIndex.get(id)!]).line));
      else firstIndex.set(id, index);
    }
    let labelZh = '';
    let labelEn = '';
    if (!isMap(item.label) || typeof item.label.zh !== 'string' || typeof item.label.en !== 'string') {
      at(['label'], messages.mustBe(name('label'), 'be a map { zh: …, en: … } of two texts', item.label), undefined, item.label === undefined);
    } else {
      for (const key of Object.keys(item.label)) if (key !== 'zh' && key !== 'en') at(['label', key], messages.unknownKey(name('label'), key), didYouMean(key, ['zh', 'en']), true);
      labelZh = item.label.zh;
      labelEn = item.label.en;
    }
    const region = text('region', true);
    if (region !== undefined && !isCsvSafeId(region)) at(['region'], messages.mustBe(name('region'), dataRules.id, region));
    const variable = text('variable', false);
    if (variable !== undefined && !/^[a-z][A-Za-z0-9]*$/.test(variable)) at(['variable'], messages.mustBe(name('variable'), 'be a camelCase name', variable));
    const series = text('series', false);
    const info = series === undefined ? undefined : seriesById.get(series);
    if (series !== undefined && !info) at(['series'], messages.unknownReference(name('series'), 'series (data/series.csv)', series), didYouMean(series, seriesById.keys()));
    const source = text('source', true);
    if (source !== undefined && !sourceIds.has(source)) at(['source'], messages.unknownReference(name('source'), 'source (data/sources.csv)', source), didYouMean(source, sourceIds));
    const quote = text('quote', true);
    const note = text('note', false);

    // 2. Kind and years.
    const kind = item.kind as TargetKind;
    if (item.kind === undefined) at(['kind'], messages.required(name('kind')), undefined, true);
    else if (!targetKinds.includes(kind)) at(['kind'], messages.oneOf(name('kind'), targetKinds, item.kind), didYouMean(String(item.kind), targetKinds));
    const yearOf = (key: string, required: boolean): number | undefined => {
      const value = item[key];
      if (value === undefined) {
        if (required) at([key], messages.required(name(key)), undefined, true);
        return undefined;
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2200) {
        at([key], messages.mustBe(name(key), 'be an integer year from 1900 to 2200', value));
        return undefined;
      }
      return value;
    };
    const year = yearOf('year', true);
    const growth = kind === 'growthEachYear' || kind === 'cagr';
    const fromYear = yearOf('fromYear', growth);
    const baseYear = yearOf('baseYear', kind === 'cumulative');
    if (year !== undefined && fromYear !== undefined && fromYear > year) at(['fromYear'], messages.mustBe(name('fromYear'), `not be after year (${year})`, fromYear));
    if (year !== undefined && baseYear !== undefined && baseYear >= year) at(['baseYear'], messages.mustBe(name('baseYear'), `be before year (${year})`, baseYear));

    // 3. Unit.
    const unit = text('unit', true);
    if (unit !== undefined) {
      if (!isKnownUnit(unit)) at(['unit'], messages.oneOf(name('unit'), unitNames, unit), didYouMean(unit, unitNames));
      else if (growth && unit !== 'rate') at(['unit'], dataMessages.growthUnit(name('unit'), kind, unit));
      else if (!growth && unit === 'rate') at(['unit'], messages.mustBe(name('unit'), `not be rate for a ${kind} target`, unit));
      else if (kind === 'share' && units[unit].dimension !== 'share') at(['unit'], messages.mustBe(name('unit'), 'be percent for a share target', unit));
      else if (!growth && info && unitFactor(unit, info.unit) === undefined) at(['unit'], dataMessages.unitNotConvertible(name('unit'), unit, info.unit, info.id));
    }

    // 4. Bounds.
    const number = (path: readonly PathSegment[], value: unknown): number | undefined => {
      const field = name(path.join('.'));
      if (unit === 'rate' && typeof value === 'string' && /^[-+]?\d+(\.\d+)?%$/.test(value.trim())) return percentToFraction(value.trim().slice(0, -1));
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        at(path, unit === 'rate' ? dataMessages.rateBound(field, value) : messages.mustBe(field, 'be a number', value));
        return undefined;
      }
      if (unit === 'rate' && Math.abs(value) >= 1) {
        at(path, dataMessages.rateBound(field, value));
        return undefined;
      }
      return value;
    };
    const given = boundKeys.filter((key) => item[key] !== undefined);
    let lower: Bound | undefined;
    let upper: Bound | undefined;
    let approx: number | undefined;
    let tolerance: number | undefined;
    const lowers = given.filter((k) => k === 'atLeast' || k === 'above');
    const uppers = given.filter((k) => k === 'atMost' || k === 'below');
    const alone = given.filter((k) => k === 'between' || k === 'approx');
    if (given.length === 0) at([], dataMessages.boundsMissing(`[${index}]`));
    else if (lowers.length > 1 || uppers.length > 1 || (alone.length > 0 && given.length > 1)) at([given[1]], dataMessages.boundsConflict(`[${index}]`, given), undefined, true);
    else if (item.between !== undefined) {
      const pair = item.between;
      const inclusive = item.inclusive !== false;
      if (!Array.isArray(pair) || pair.length !== 2) at(['between'], dataMessages.betweenOrder(name('between'), pair));
      else {
        const low = number(['between', 0], pair[0]);
        const high = number(['between', 1], pair[1]);
        if (low !== undefined && high !== undefined) {
          if (low > high) at(['between'], dataMessages.betweenOrder(name('between'), pair));
          else {
            lower = { value: low, inclusive };
            upper = { value: high, inclusive };
          }
        }
      }
    } else if (item.approx !== undefined) {
      approx = number(['approx'], item.approx);
      tolerance = item.tolerance === undefined ? defaultApproxTolerance : number(['tolerance'], item.tolerance);
      if (tolerance !== undefined && !(tolerance >= 0 && tolerance < 1)) {
        at(['tolerance'], messages.mustBe(name('tolerance'), 'be a relative tolerance from 0 to less than 1 (0.05 = ±5%)', item.tolerance));
        tolerance = undefined;
      }
      if (approx !== undefined && tolerance !== undefined) {
        const a = approx * (1 - tolerance);
        const b = approx * (1 + tolerance);
        lower = { value: Math.min(a, b), inclusive: true };
        upper = { value: Math.max(a, b), inclusive: true };
      }
    } else {
      if (lowers[0]) {
        const value = number([lowers[0]], item[lowers[0]]);
        if (value !== undefined) lower = { value, inclusive: lowers[0] === 'atLeast' };
      }
      if (uppers[0]) {
        const value = number([uppers[0]], item[uppers[0]]);
        if (value !== undefined) upper = { value, inclusive: uppers[0] === 'atMost' };
      }
      if (lower && upper && lower.value > upper.value) at([uppers[0]], messages.mustBe(name(uppers[0]), `not be below the lower bound (${lower.value})`, upper.value));
    }
    if (item.inclusive !== undefined && (typeof item.inclusive !== 'boolean' || item.between === undefined)) {
      at(['inclusive'], messages.mustBe(name('inclusive'), 'be true or false, and only with between', item.inclusive));
    }
    if (item.tolerance !== undefined && item.approx === undefined) at(['tolerance'], messages.mustBe(name('tolerance'), 'come with approx', item.tolerance));

    // 5. Outcome of a past target.
    let outcome: { text: string; source: string; quote: string } | undefined;
    if (item.outcome !== undefined) {
      const o = item.outcome;
      if (!isMap(o) || typeof o.text !== 'string' || typeof o.source !== 'string' || typeof o.quote !== 'string') {
        at(['outcome'], messages.mustBe(name('outcome'), 'be a map { text, source, quote } of three texts', o));
      } else {
        for (const key of Object.keys(o)) if (!['text', 'source', 'quote'].includes(key)) at(['outcome', key], messages.unknownKey(name('outcome'), key), didYouMean(key, ['text', 'source', 'quote']), true);
        if (!sourceIds.has(o.source)) at(['outcome', 'source'], messages.unknownReference(name('outcome.source'), 'source (data/sources.csv)', o.source), didYouMean(o.source, sourceIds));
        outcome = { text: o.text.trim(), source: o.source, quote: o.quote };
      }
    }

    if (problems.length > before || id === undefined || year === undefined || unit === undefined || source === undefined || quote === undefined) return;
    const { line } = doc.locate([index]);
    targets.push({
      id, labelZh, labelEn, region: region ?? '', kind, year, unit, source, quote, file: doc.file, line,
      ...(variable !== undefined ? { variable } : {}),
      ...(series !== undefined ? { series } : {}),
      ...(fromYear !== undefined ? { fromYear } : {}),
      ...(baseYear !== undefined ? { baseYear } : {}),
      ...(lower ? { lower } : {}),
      ...(upper ? { upper } : {}),
      ...(approx !== undefined ? { approx, tolerance } : {}),
      ...(note !== undefined ? { note: note.trim() } : {}),
      ...(outcome ? { outcome: outcome.text, outcomeSource: outcome.source, outcomeQuote: outcome.quote } : {}),
    });
  });
  return { targets, problems };
}
