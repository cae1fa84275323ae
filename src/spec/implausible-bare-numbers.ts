// A bare number outside its parameter's plausible range is a unit slip ("growth: 25" meant as 25%).
import { messages } from '../errors/messages.js';
import type { PathSegment } from '../io/yaml-document.js';
import type { LawName, ParameterInfo } from '../laws/law.js';
import { laws } from '../laws/registry.js';

/** One bare number that cannot be meant: where it sits inside the parameter's value, and what to say. */
export interface ImplausibleNumber {
  /** Path inside the parameter's value: [] for a constant, ['mean'] for a distribution's field. */
  readonly path: readonly PathSegment[];
  /** `<field> must <rule>, got <value>` with the field filled in by `render`. */
  readonly render: (field: string) => string;
  readonly hint?: string;
}

/** Fields of a distribution that are values of the parameter itself (checked against the range). */
const valueFields = ['value', 'mean', 'min', 'mode', 'max', 'p5', 'p95', 'location'];
/** Fields that are spreads in the parameter's unit (checked against the range's width). */
const spreadFields = ['sd', 'scale'];
/** Forms whose fields are not in the parameter's unit (log scale, shape/rate, degrees of freedom). */
const otherScaleForms = new Set(['lognormal', 'gamma', 'scaledInvChi']);

/** The parameter's declaration, or undefined for formulas and unknown names. */
export function parameterInfo(law: LawName, param: string): ParameterInfo | undefined {
  if (law === 'formula') return undefined;
  return laws[law].parameters.find((p) => p.name === param);
}

/** How a unit reads in a message. */
function unitWords(info: ParameterInfo): string {
  switch (info.unit) {
    case 'rate':
      return 'a rate per year: 0.25 or "25%"';
    case 'fraction':
      return 'a fraction: 0.25 or "25%"';
    case 'years':
      return 'a number of years';
    case 'count':
      return 'a count per year';
    default:
      return `in ${info.unit} units`;
  }
}

/** The did-you-mean for a rate or fraction written as a bare percent number, when the percent is plausible. */
function percentHint(info: ParameterInfo, value: number, spread = false): string | undefined {
  if (info.unit !== 'rate' && info.unit !== 'fraction') return undefined;
  const [low, high] = info.plausible;
  const fraction = value / 100;
  return (spread ? fraction <= high - low : fraction >= low && fraction <= high) ? `did you mean "${value}%"?` : undefined;
}

const range = ([low, high]: readonly [number, number]) => `[${low}, ${high}]`;

/**
 * The bare numbers (YAML numbers, not percent strings) in a parameter's raw value that lie outside
 * the plausible range its law declares: a constant or a distribution's value field outside
 * [low, high] (but inside the hard range [min, max], which parameterRangeRule enforces), or a spread
 * (sd, scale) wider than high − low. A percent string is taken as meant.
 * @param raw the value as parsed from YAML (`25`, `"25%"`, `{ dist: normal, mean: 25, sd: 5 }`)
 * @example implausibleBareNumbers({ dist: 'normal', mean: 25, sd: 0.05 }, 'compound', 'growth')[0].hint; // => 'did you mean "25%"?'
 * @example implausibleBareNumbers('2500%', 'compound', 'growth'); // => []
 */
export function implausibleBareNumbers(raw: unknown, law: LawName, param: string): ImplausibleNumber[] {
  const info = parameterInfo(law, param);
  if (!info) return [];
  const [low, high] = info.plausible;
  const width = high - low;
  const found: ImplausibleNumber[] = [];
  const checkValue = (path: PathSegment[], value: unknown) => {
    if (typeof value !== 'number' || !(value < low || value > high)) return;
    // Outside the hard range, the range rule speaks (spec/parameter-range.ts): this rule is for slips.
    if ((info.min !== undefined && value < info.min) || (info.max !== undefined && value > info.max)) return;
    found.push({
      path,
      render: (field) => messages.mustBe(field, `lie in ${range(info.plausible)}, the plausible range of ${law} ${param} (${unitWords(info)})`, value),
      hint: percentHint(info, value),
    });
  };
  const checkSpread = (path: PathSegment[], value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(width) || !(value > width)) return;
    found.push({
      path,
      render: (field) => messages.mustBe(field, `be at most ${width}, the width of the plausible range of ${law} ${param} (${unitWords(info)})`, value),
      hint: percentHint(info, value, true),
    });
  };
  if (typeof raw === 'number') checkValue([], raw);
  else if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const map = raw as Record<string, unknown>;
    if (typeof map.dist === 'string' && otherScaleForms.has(map.dist)) return [];
    for (const field of valueFields) if (Object.hasOwn(map, field)) checkValue([field], map[field]);
    for (const field of spreadFields) if (Object.hasOwn(map, field)) checkSpread([field], map[field]);
  }
  return found;
}

/**
 * The same rule for one number typed on the command line (`--vary …growth.mean=25`): `field` is the
 * distribution field set (undefined: the parameter becomes that constant).
 * @returns the problem's message and hint, or undefined when the number is plausible
 * @example implausibleTypedNumber(25, 'compound', 'growth', 'mean', 'assumptions.x.growth.mean')?.hint; // => 'did you mean "25%"?'
 */
export function implausibleTypedNumber(value: number, law: LawName, param: string, field: string | undefined, shown: string): { message: string; hint?: string } | undefined {
  const raw = field === undefined ? value : { [field]: value };
  const [problem] = implausibleBareNumbers(raw, law, param);
  return problem ? { message: problem.render(shown), ...(problem.hint !== undefined && { hint: problem.hint }) } : undefined;
}
