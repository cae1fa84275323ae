// An assumption a planner command varies: `assumptions.<variable>.<parameter>[.<field>]`, checked against the model.
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
  const rest = parts[0] === 'assumptions' ? parts.slice(1) : parts;
  if (rest.length < 2 || rest.length > 3 || rest.some((part) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(part))) {
    throw commandLineError(plannerMessages.varyPath(path));
  }
  const [variable, parameter, field] = rest;
  return field === undefined ? { path, variable, parameter } : { path, variable, parameter, field };
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
