// The hint under a bare range ("5 to 10", [5, 10]): a distribution with the user's own numbers, in
// the unit of the field they were written in (a rate's "5 to 10" means 5% to 10%).
import { specRules } from '../errors/messages.js';
import type { LawName } from '../laws/law.js';
import { laws } from '../laws/registry.js';

/** `"5% to 10%"`, `"5-10"`, `"5..10"`: the two numbers and whether each carried a percent sign. */
const endpointsPattern = /^\s*([+-]?[\d.]+)\s*(%?)\s*(?:to|-|–|—|~|\.\.\.?|…|,)\s*([+-]?[\d.]+)\s*(%?)\s*$/i;

/**
 * The unit of a parameter: its law's declaration when the law is known, else the unit every law
 * with a parameter of that name agrees on (undefined when they differ, e.g. `volatility` is a log
 * rate for compound but a level for linear).
 * @example parameterUnit('growth'); // => 'rate'
 * @example parameterUnit('volatility', 'linear'); // => 'level'
 */
export function parameterUnit(param: string, law?: LawName): string | undefined {
  const units = new Set(
    Object.values(laws)
      .filter((candidate) => law === undefined || candidate.name === law)
      .flatMap((candidate) => candidate.parameters.filter((p) => p.name === param).map((p) => p.unit)),
  );
  return units.size === 1 ? [...units][0] : undefined;
}

/**
 * A hint that turns a bare range into distributions, keeping the written numbers; for a rate or a
 * fraction, a number written without "%" that cannot be a fraction (|x| > 1) is shown as a percent.
 * @param raw the value as written: a text such as "5 to 10" or a two-item list
 * @param unit the field's unit when known (`rate`, `fraction`, `level`, …)
 * @example bareRangeHint('5 to 10', 'rate'); // => 'e.g. { dist: uniform, min: "5%", max: "10%" } or { dist: normal, p5: "5%", p95: "10%" }'
 * @example bareRangeHint([2.5, 4], 'ratio'); // => 'e.g. { dist: uniform, min: 2.5, max: 4 } or { dist: normal, p5: 2.5, p95: 4 }'
 */
export function bareRangeHint(raw: unknown, unit?: string): string {
  let ends: [string, boolean][] | undefined;
  if (typeof raw === 'string') {
    const match = endpointsPattern.exec(raw);
    if (match) ends = [[match[1], match[2] === '%'], [match[3], match[4] === '%']];
  } else if (Array.isArray(raw) && raw.length === 2) {
    ends = raw.map((item): [string, boolean] => (typeof item === 'string' && item.trim().endsWith('%') ? [item.trim().slice(0, -1), true] : [String(item), false]));
  }
  if (!ends) return 'e.g. { dist: uniform, min: …, max: … } or { dist: normal, p5: …, p95: … }';
  const rateLike = unit === 'rate' || unit === 'fraction';
  const [low, high] = ends.map(([number, percent]) => (percent || (rateLike && Math.abs(Number(number)) > 1) ? `"${number}%"` : number));
  return `e.g. { dist: uniform, min: ${low}, max: ${high} } or { dist: normal, p5: ${low}, p95: ${high} }`;
}

/**
 * Rewrites the hint of every bare-range issue for the unit of the field it sits in (the distribution
 * schema does not know the field; the file's parser does).
 * @param unitAt the unit of the field at a path, when known
 */
export function withUnitHints<T extends { readonly path: readonly (string | number)[]; readonly message: string; readonly hint?: string }>(
  issues: readonly T[],
  value: unknown,
  unitAt: (path: readonly (string | number)[]) => string | undefined,
): T[] {
  return issues.map((issue) => {
    if (!issue.message.includes(specRules.bareRange)) return issue;
    let raw: unknown = value;
    for (const segment of issue.path) raw = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[segment] : undefined;
    return { ...issue, hint: bareRangeHint(raw, unitAt(issue.path)) };
  });
}
