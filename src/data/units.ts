// The units figures are quoted in (亿元, 万亿元, 亿美元, counts, persons, percent shares, …) and how they convert.

/** A unit: what it measures (only units of one dimension convert) and its size in the dimension's base unit. */
export interface UnitInfo {
  /** Units convert only within one dimension: yuan never becomes dollars, counts never become persons. */
  readonly dimension: 'cny' | 'usd' | 'count' | 'persons' | 'share' | 'density' | 'perCapita' | 'rate';
  /** Size in the dimension's base unit (亿元, 亿美元, count, persons, percent, per10kWorkers, per10kPersons, rate). */
  readonly factor: number;
  readonly description: string;
}

/**
 * The unit table. 亿元 = 10^8 yuan; 万亿元 = 10^12 yuan = 10,000 亿元 (so 2.2万亿元 = 22000亿元).
 * `万` counts in ten thousands (610万套 = 6,100,000 count). `per10kWorkers` (robots per 10,000 workers)
 * and `per10kPersons` (patents per 10,000 residents) are different measures and never convert.
 * `percent` is a share in percent (20.1 for 20.1%); `rate` is a growth rate as a fraction per year
 * (0.1 for 10%), used by growth targets only.
 * @see https://en.wikipedia.org/wiki/Chinese_numerals#Large_numbers (万 = 10^4, 亿 = 10^8)
 */
export const units: Readonly<Record<string, UnitInfo>> = {
  '亿元': { dimension: 'cny', factor: 1, description: '10^8 yuan (CNY)' },
  '万亿元': { dimension: 'cny', factor: 10_000, description: '10^12 yuan = 10,000 亿元' },
  '万元': { dimension: 'cny', factor: 0.0001, description: '10^4 yuan = 0.0001 亿元' },
  '亿美元': { dimension: 'usd', factor: 1, description: '10^8 US dollars' },
  '万亿美元': { dimension: 'usd', factor: 10_000, description: '10^12 US dollars = 10,000 亿美元' },
  count: { dimension: 'count', factor: 1, description: 'a number of firms, projects, events, …' },
  '万': { dimension: 'count', factor: 10_000, description: '10^4 of a count (万家, 万套, 万个: 610万套 = 6,100,000)' },
  persons: { dimension: 'persons', factor: 1, description: 'a number of people' },
  '万人': { dimension: 'persons', factor: 10_000, description: '10^4 people' },
  percent: { dimension: 'share', factor: 1, description: 'a share in percent (20.1 = 20.1%)' },
  per10kWorkers: { dimension: 'density', factor: 1, description: 'units per 10,000 workers (robot density, 台/万人)' },
  per10kPersons: { dimension: 'perCapita', factor: 1, description: 'items per 10,000 residents (e.g. high-value invention patents, 件/万人)' },
  rate: { dimension: 'rate', factor: 1, description: 'a growth rate as a fraction per year (0.1 = 10%)' },
};

/** The names of every known unit, for messages and did-you-mean. */
export const unitNames: readonly string[] = Object.keys(units);

/** True when `unit` is in the unit table. @example isKnownUnit('万亿元'); // => true */
export function isKnownUnit(unit: string): boolean {
  return Object.prototype.hasOwnProperty.call(units, unit);
}

/**
 * True when the unit counts whole things (firms, people): a level in it is never fractional.
 * @example isWholeNumberUnit('count'); // => true
 * @example isWholeNumberUnit('亿元'); // => false
 */
export function isWholeNumberUnit(unit: string): boolean {
  return isKnownUnit(unit) && (units[unit].dimension === 'count' || units[unit].dimension === 'persons');
}

/**
 * The factor that turns a value in `from` into `to`: factor(from) / factor(to); undefined when
 * either unit is unknown or they measure different things.
 * @example unitFactor('万亿元', '亿元'); // => 10000
 * @example unitFactor('亿元', '亿美元'); // => undefined
 */
export function unitFactor(from: string, to: string): number | undefined {
  if (!isKnownUnit(from) || !isKnownUnit(to)) return undefined;
  const a = units[from];
  const b = units[to];
  if (a.dimension !== b.dimension) return undefined;
  return a.factor / b.factor;
}

/**
 * Converts `value` from one unit to another of the same dimension.
 * Formula: value × factor(from) / factor(to).
 * @throws Error when the units do not convert (callers check with `unitFactor` first and report an InputError)
 * @example convertUnit(2.2, '万亿元', '亿元'); // => 22000
 */
export function convertUnit(value: number, from: string, to: string): number {
  const factor = unitFactor(from, to);
  if (factor === undefined) throw new Error(`convertUnit: ${from} does not convert to ${to}`);
  // Multiply by the larger factor and divide by the smaller so that 2.2 万亿元 gives exactly 22000.
  const a = units[from].factor;
  const b = units[to].factor;
  return a >= b ? (value * a) / b : value / (b / a);
}
