// The engine's default annual forecasting method, chosen by the M3 yearly benchmark.
import type { AnnualMethod } from './annual-method.js';
import { annualMethods } from './annual-methods.js';

/** Name of the default method in `annualMethods` (see bench/m3-accuracy.ts for the evidence). */
export const DEFAULT_ANNUAL_METHOD_NAME = 'median_dotm_ltheta_ldrift';

/**
 * The method the engine uses when a model does not name one.
 *
 * @example defaultAnnualMethod.name; // => 'median_dotm_ltheta_ldrift'
 */
export const defaultAnnualMethod: AnnualMethod = annualMethods.find(
  (method) => method.name === DEFAULT_ANNUAL_METHOD_NAME,
)!;
