// data/targets.yaml → Target predicates as a planner reads them: the commitment decides, an
// aspiration is reported beside it, a ceiling only where the text states one (contract A).
import { didYouMean } from '../errors/did-you-mean.js';
import { dataMessages, dataRules, messages } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import type { Problem } from '../errors/problem.js';
import type { PathSegment, YamlDocument } from '../io/yaml-document.js';
import { percentToFraction } from './percent-to-fraction.js';
import type { TargetKindFieldsRegistry } from './target-kind-fields.js';
import type { Bound, SeriesInfo, Target, TargetProxy } from './types.js';
import { isKnownUnit, unitFactor, unitNames, units } from './units.js';

/** Keys every target may have; a kind adds its own (e.g. `fromYear`). Anything else is an error with "did you mean". */
export const commonTargetKeys = [
  'id', 'label', 'region', 'variable', 'series', 'kind', 'year',
  'atLeast', 'above', 'atMost', 'below', 'approx', 'tolerance', 'aspiration', 'proxy',
  'unit', 'source', 'quote', 'reading', 'note',
] as const;

/** Every key some kind of `kinds` accepts: the common keys, then each kind's own. */
export function allTargetKeys(kinds: TargetKindFieldsRegistry): string[] {
  return [...new Set<string>([...commonTargetKeys, ...[...kinds.values()].flatMap((kind) => kind.keys)])];
}

/** Keys of the old vocabulary, refused with the way to write them now. */
const removedKeys: Readonly<Record<string, (field: string) => string>> = {
  between: (field) => dataMessages.betweenRemoved(field),
  inclusive: (field) => dataMessages.betweenRemoved(field),
  outcome: (field) => dataMessages.outcomeRemoved(field),
};

const boundKeys = ['atLeast', 'above', 'atMost', 'below', 'approx'] as const;
const proxies: readonly TargetProxy[] = ['narrower', 'broader'];
const percentText = /^[-+]?(\d+(\.\d*)?|\.\d+)%$/;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads data/targets.yaml (a list of maps) into typed targets:
 * - the commitment: `atLeast: x` → lower x (inclusive); `above: x` → lower x (exclusive);
 * - a true ceiling, only where the text states one: `atMost` / `below` → upper (inclusive / exclusive);
 * - `approx: x` with `tolerance: t` (左右/约): met from x(1 − t) on (lower, inclusive); exceeding
 *   x(1 + t) is reported beside the verdict, never a miss;
 * - `aspiration: y`, the upper figure of a plan range ("5-10家" → atLeast 5, aspiration 10), reported beside;
 * - `proxy: narrower | broader` when the judged variable's scope differs from the target's series;
 * - `reading:` (required) how the sentence is read; `quote:` the passage verbatim.
 * Growth kinds use `unit: rate` and take fractions (0.1) or percents ("10%"). Each kind reads its
 * own keys (src/evaluate/target-kinds/).
 * @returns the targets and every problem found, each at file:line:col with a code frame
 * @example parseTargets(doc, seriesById, sourceIds).targets[0].lower; // => { value: 3000, inclusive: true }
 */
export function parseTargets(
  doc: YamlDocument,
  seriesById: ReadonlyMap<string, SeriesInfo>,
  sourceIds: ReadonlySet<string>,
  kinds: TargetKindFieldsRegistry,
): { targets: Target[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const targets: Target[] = [];
  const list = doc.value ?? [];
  if (!Array.isArray(list)) {
    return { targets, problems: [doc.problem([], messages.mustBe('targets file', 'be a list of targets', list))] };
  }
  const firstIndex = new Map<string, number>();
  const kindNames = [...kinds.keys()];

  list.forEach((item: unknown, index: number) => {
    const before = problems.length;
    const at = (path: readonly PathSegment[], message: string, hint?: string, atKey = false): void =>
      void problems.push(doc.problem([index, ...path], message, hint, atKey));
    const name = (key: string) => `[${index}].${key}`;
    if (!isMap(item)) {
      at([], messages.mustBe(`[${index}]`, 'be a map of keys to values', item));
      return;
    }

    // 1. Keys (the kind decides which of its own keys are allowed) and texts.
    const kind = typeof item.kind === 'string' ? kinds.get(item.kind) : undefined;
    const allowed: readonly string[] = kind ? [...commonTargetKeys, ...kind.keys] : allTargetKeys(kinds);
    for (const key of Object.keys(item)) {
      if (removedKeys[key]) at([key], removedKeys[key](name(key)), undefined, true);
      else if (!allowed.includes(key)) {
        const ofOtherKind = allTargetKeys(kinds).includes(key);
        at([key], ofOtherKind ? dataMessages.keyOfOtherKind(name(key), String(item.kind)) : messages.unknownKey(`[${index}]`, key), ofOtherKind ? undefined : didYouMean(key, allowed), true);
      }
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
      return String(value).trim();
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
    const reading = text('reading', true);
    const note = text('note', false);

    // 2. Kind, year and the kind's own keys.
    if (item.kind === undefined) at(['kind'], messages.required(name('kind')), undefined, true);
    else if (!kind) at(['kind'], messages.oneOf(name('kind'), kindNames, item.kind), didYouMean(String(item.kind), kindNames));
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
    const fields = kind?.parse(item, {
      year: yearOf,
      problem: (key, rule, value) => at([key], messages.mustBe(name(key), rule, value)),
      ...(year !== undefined ? { targetYear: year } : {}),
    }) ?? {};
    const growth = kind?.unit === 'rate';

    // 3. Unit.
    const unit = text('unit', true);
    if (unit !== undefined && kind) {
      if (!isKnownUnit(unit)) at(['unit'], messages.oneOf(name('unit'), unitNames, unit), didYouMean(unit, unitNames));
      else if (growth && unit !== 'rate') at(['unit'], dataMessages.growthUnit(name('unit'), kind.name, unit));
      else if (!growth && unit === 'rate') at(['unit'], messages.mustBe(name('unit'), `not be rate for a ${kind.name} target`, unit));
      else if (kind.unit === 'share' && units[unit].dimension !== 'share') at(['unit'], messages.mustBe(name('unit'), `be percent for a ${kind.name} target`, unit));
      else if (!growth && info && unitFactor(unit, info.unit) === undefined) at(['unit'], dataMessages.unitNotConvertible(name('unit'), unit, info.unit, info.id));
    } else if (unit !== undefined && !isKnownUnit(unit)) at(['unit'], messages.oneOf(name('unit'), unitNames, unit), didYouMean(unit, unitNames));

    // 4. Bounds: the commitment, a ceiling, or approx alone.
    const number = (path: readonly PathSegment[], value: unknown): number | undefined => {
      const field = name(path.join('.'));
      if (unit === 'rate' && typeof value === 'string' && percentText.test(value.trim())) return percentToFraction(value.trim().slice(0, -1));
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
    let approx: { value: number; tolerance: number } | undefined;
    const lowers = given.filter((k) => k === 'atLeast' || k === 'above');
    const uppers = given.filter((k) => k === 'atMost' || k === 'below');
    if (given.length === 0) {
      if (!Object.keys(removedKeys).some((key) => item[key] !== undefined)) at([], dataMessages.boundsMissing(`[${index}]`));
    } else if (lowers.length > 1 || uppers.length > 1 || (given.includes('approx') && given.length > 1)) {
      at([given[1]], dataMessages.boundsConflict(`[${index}]`, given), undefined, true);
    } else if (item.approx !== undefined) {
      const value = number(['approx'], item.approx);
      let tolerance: number | undefined;
      if (item.tolerance === undefined) at(['approx'], dataMessages.toleranceMissing(name('tolerance')), undefined, true);
      else {
        const t = item.tolerance;
        tolerance = typeof t === 'string' && percentText.test(t.trim()) ? percentToFraction(t.trim().slice(0, -1)) : typeof t === 'number' ? t : undefined;
        if (tolerance === undefined || !(tolerance > 0 && tolerance < 1)) {
          at(['tolerance'], messages.mustBe(name('tolerance'), 'be a relative tolerance above 0 and below 1, such as 0.05 or "5%"', t));
          tolerance = undefined;
        }
      }
      if (value !== undefined && tolerance !== undefined) {
        approx = { value, tolerance };
        // Met from the low end on: "2000亿元左右" is reached at about 2000, and exceeding it is no failure.
        lower = { value: Math.min(value * (1 - tolerance), value * (1 + tolerance)), inclusive: true };
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
    if (item.tolerance !== undefined && item.approx === undefined) at(['tolerance'], messages.mustBe(name('tolerance'), 'come with approx', item.tolerance));

    // 5. Aspiration (beside a commitment, never with a ceiling) and proxy.
    let aspiration: number | undefined;
    if (item.aspiration !== undefined) {
      if (lowers.length === 0 || uppers.length > 0) at(['aspiration'], dataMessages.aspirationAlone(name('aspiration')), undefined, true);
      else {
        aspiration = number(['aspiration'], item.aspiration);
        if (aspiration !== undefined && lower && !(aspiration > lower.value)) {
          at(['aspiration'], messages.mustBe(name('aspiration'), `be above the commitment (${lower.value})`, item.aspiration));
          aspiration = undefined;
        }
      }
    }
    let proxy: TargetProxy | undefined;
    if (item.proxy !== undefined) {
      if (typeof item.proxy === 'string' && (proxies as readonly string[]).includes(item.proxy)) proxy = item.proxy as TargetProxy;
      else at(['proxy'], messages.oneOf(name('proxy'), proxies, item.proxy), didYouMean(String(item.proxy), proxies));
      if (proxy !== undefined && variable === undefined) at(['proxy'], messages.mustBe(name('proxy'), 'come with the variable it qualifies', item.proxy));
    }

    if (problems.length > before || !kind || id === undefined || year === undefined || unit === undefined || source === undefined || quote === undefined || reading === undefined) return;
    const { line } = doc.locate([index]);
    targets.push({
      id, labelZh, labelEn, region: region ?? '', kind: kind.name, year, unit, writtenUnit: unit, source, quote, reading, file: doc.file, line,
      ...(variable !== undefined ? { variable } : {}),
      ...(series !== undefined ? { series } : {}),
      ...fields,
      ...(lower ? { lower } : {}),
      ...(upper ? { upper } : {}),
      ...(approx ? { approx } : {}),
      ...(aspiration !== undefined ? { aspiration } : {}),
      ...(proxy !== undefined ? { proxy } : {}),
      ...(note !== undefined ? { note } : {}),
    });
  });
  return { targets, problems };
}
