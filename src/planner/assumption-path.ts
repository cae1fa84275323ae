// An assumption a planner command varies: `assumptions.<variable>.<parameter>[.<field>]`, or a setting
// of one of the scenario's shared drivers, `drivers.<name>.…` (sweep and design), checked against the model.
import { didYouMean } from '../errors/did-you-mean.js';
import { plannerMessages } from '../errors/messages.js';
import type { PreparedModel } from '../model/prepared-model.js';
import type { Distribution } from '../model/distribution.js';
import { assumableParameters, startAssumption } from '../spec/validate-scenario-against-model.js';
import { commandLineError } from './command-line-error.js';

/** A parsed assumption path. `field` absent: the parameter itself is set (to a constant). */
export interface AssumptionPath {
  /** The path as the user wrote it. */
  readonly path: string;
  readonly variable: string;
  /** A parameter of the variable's law or formula, or `start` (the starting level). */
  readonly parameter: string;
  /** A field of the parameter's distribution, e.g. `mean`, `sd`, `max`; see setDistributionField. */
  readonly field?: string;
}

/**
 * Splits an assumption path: `assumptions.aiCoreIndustry.growth` sets the parameter to a constant;
 * `assumptions.aiCoreIndustry.growth.mean` sets one field of its distribution. The leading
 * `assumptions.` may be left out.
 * @throws InputError when the path has the wrong shape
 * @example parseAssumptionPath('assumptions.aiCoreIndustry.growth.mean');
 * // => { path: 'assumptions.aiCoreIndustry.growth.mean', variable: 'aiCoreIndustry', parameter: 'growth', field: 'mean' }
 */
export function parseAssumptionPath(path: string): AssumptionPath {
  const parts = path.split('.');
  if (parts[0] === 'drivers') throw commandLineError(plannerMessages.driverPathInSolve(path));
  const rest = parts[0] === 'assumptions' ? parts.slice(1) : parts;
  if (rest.length < 2 || rest.length > 3 || rest.some((part) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(part))) {
    throw commandLineError(plannerMessages.varyPath(path));
  }
  const [variable, parameter, field] = rest;
  return field === undefined ? { path, variable, parameter } : { path, variable, parameter, field };
}

/** A setting of a shared driver, as the scenario file writes it under `drivers.<name>`. */
export type DriverPath =
  | { readonly path: string; readonly driver: string; readonly setting: 'persistence' }
  | { readonly path: string; readonly driver: string; readonly setting: 'factor'; readonly field: string }
  | { readonly path: string; readonly driver: string; readonly setting: 'loading'; readonly variable: string; readonly effect: 'growth' | 'rate' };

/** Whether a parsed planner path names a driver's setting. */
export function isDriverPath(path: AssumptionPath | DriverPath): path is DriverPath {
  return 'driver' in path;
}

/**
 * Splits a path a sweep or design varies: an assumption path (parseAssumptionPath), or a shared
 * driver's setting as the scenario file writes it — `drivers.<name>.persistence`,
 * `drivers.<name>.factor.<field>` (e.g. `sd`), `drivers.<name>.loadings.<variable>.growth` or `.rate`.
 * @throws InputError when the path has neither shape
 * @example parsePlannerPath('drivers.aiFinancing.loadings.aiCoreIndustry.growth');
 * // => { path: 'drivers.aiFinancing.loadings.aiCoreIndustry.growth', driver: 'aiFinancing', setting: 'loading', variable: 'aiCoreIndustry', effect: 'growth' }
 */
export function parsePlannerPath(path: string): AssumptionPath | DriverPath {
  const parts = path.split('.');
  if (parts[0] !== 'drivers') return parseAssumptionPath(path);
  const [, driver, setting, ...rest] = parts;
  const name = (part: string | undefined) => part !== undefined && /^[A-Za-z][A-Za-z0-9_]*$/.test(part);
  if (name(driver)) {
    if (setting === 'persistence' && rest.length === 0) return { path, driver, setting };
    if (setting === 'factor' && rest.length === 1 && name(rest[0])) return { path, driver, setting, field: rest[0] };
    if (setting === 'loadings' && rest.length === 2 && name(rest[0]) && (rest[1] === 'growth' || rest[1] === 'rate')) {
      return { path, driver, setting: 'loading', variable: rest[0], effect: rest[1] };
    }
  }
  throw commandLineError(plannerMessages.varyPath(path));
}

/**
 * The distribution an assumption path has in a prepared model (after calibration, model file and
 * scenario): the parameter's final distribution, or the variable's base for `start`. A parameter
 * the law accepts but the model leaves unset reads as undefined (it can still be set whole).
 * @throws InputError when the model has no such variable or the variable no such parameter
 * @example currentDistribution(prepared, parseAssumptionPath('aiRadiatingIndustry.radiatingMultiplier'));
 * // => { dist: 'triangular', min: 2.5, mode: 3.3, max: 4.2 }
 */
export function currentDistribution(model: PreparedModel, path: AssumptionPath): Distribution | undefined {
  const names = model.variables.map((v) => v.spec.name);
  const variable = model.variables.find((v) => v.spec.name === path.variable);
  if (!variable) throw commandLineError(plannerMessages.unknownVariable(path.path, path.variable, names), didYouMean(path.variable, names));
  const allowed = assumableParameters(variable.spec);
  if (!allowed.includes(path.parameter)) {
    throw commandLineError(plannerMessages.unknownParameter(path.path, path.parameter, allowed), didYouMean(path.parameter, allowed));
  }
  return path.parameter === startAssumption ? variable.base : variable.params[path.parameter];
}
