// The parameter names each growth law understands, for checking `params` and scenario assumptions.
import type { LawName } from '../laws/law.js';

/** Every law name, in the order the README lists them. */
export const lawNames: readonly LawName[] = [
  'compound',
  'meanReverting',
  'dampedTrend',
  'logistic',
  'gompertz',
  'linear',
  'poisson',
  'negativeBinomial',
  'ensemble',
  'formula',
];

/**
 * Parameters a model's `params` or a scenario's assumptions may set, per law. Rates are fractions per year.
 * `formula` is empty here: a formula's parameters are the names it uses that are not variables.
 * @example lawParameterNames.linear; // => ['slope', 'volatility']
 */
export const lawParameterNames: Readonly<Record<LawName, readonly string[]>> = {
  compound: ['growth', 'volatility', 'persistence'],
  meanReverting: ['initialGrowth', 'longRunGrowth', 'halfLife', 'volatility'],
  dampedTrend: ['trend', 'damping', 'volatility'],
  logistic: ['rate', 'capacity', 'volatility'],
  gompertz: ['rate', 'capacity', 'volatility'],
  linear: ['slope', 'volatility'],
  poisson: ['rate'],
  negativeBinomial: ['mean', 'dispersion'],
  ensemble: ['intervalScale'],
  formula: [],
};

/** True when `name` is a law name. @example isLawName('compound'); // => true */
export function isLawName(name: unknown): name is LawName {
  return typeof name === 'string' && (lawNames as readonly string[]).includes(name);
}
