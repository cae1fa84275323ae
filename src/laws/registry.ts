// Every growth law by name: the one place the engine looks laws up.
import { compoundLaw } from './compound-law.js';
import { dampedTrendLaw } from './damped-trend-law.js';
import { ensembleLaw } from './ensemble-law.js';
import { gompertzLaw } from './gompertz-law.js';
import type { Law, LawName } from './law.js';
import { linearLaw } from './linear-law.js';
import { logisticLaw } from './logistic-law.js';
import { meanRevertingLaw } from './mean-reverting-law.js';
import { negativeBinomialLaw } from './negative-binomial-law.js';
import { poissonLaw } from './poisson-law.js';

/** A law name other than `formula` (formulas are compiled, not calibrated). */
export type GrowthLawName = Exclude<LawName, 'formula'>;

/**
 * The growth laws, keyed by the name used in model YAML (`law: compound`).
 * Reference: src/laws/README.md (formula, parameters and calibration of each).
 * @example laws.compound.parameters.map((p) => p.name); // => ['growth', 'volatility', 'persistence']
 */
export const laws: Readonly<Record<GrowthLawName, Law>> = {
  compound: compoundLaw,
  meanReverting: meanRevertingLaw,
  dampedTrend: dampedTrendLaw,
  logistic: logisticLaw,
  gompertz: gompertzLaw,
  linear: linearLaw,
  poisson: poissonLaw,
  negativeBinomial: negativeBinomialLaw,
  ensemble: ensembleLaw,
};

/**
 * The growth-law names in the README's order.
 * @example lawNames[0]; // => 'compound'
 */
export const lawNames: readonly GrowthLawName[] = Object.keys(laws) as GrowthLawName[];
