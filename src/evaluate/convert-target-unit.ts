// Puts a target's bounds into the unit of the variable that judges it (4.8万亿元 → 48000亿元).
import type { Bound, Target } from '../data/types.js';
import { unitFactor } from '../data/units.js';
import { ModelError } from '../errors/model-error.js';

/**
 * The target with its bounds converted to `variableUnit`. Growth targets (`rate`) and targets
 * already in the variable's unit are returned as they are.
 * @throws ModelError when the units measure different things (yuan against a count)
 * @example convertTargetUnit({ ...target, unit: '万亿元', lower: { value: 4.8, inclusive: true } }, '亿元').lower;
 * // => { value: 48000, inclusive: true }
 */
export function convertTargetUnit(target: Target, variableUnit: string): Target {
  if (target.unit === variableUnit || target.unit === 'rate' || target.kind === 'growthEachYear' || target.kind === 'cagr') return target;
  const factor = unitFactor(target.unit, variableUnit);
  if (factor === undefined) {
    throw new ModelError(target.variable ?? target.id, 'target', `target ${target.id} is in ${target.unit}, which does not convert to the variable's unit ${variableUnit}`);
  }
  const convert = (bound: Bound | undefined): Bound | undefined =>
    bound && { value: factor >= 1 ? bound.value * factor : bound.value / (1 / factor), inclusive: bound.inclusive };
  return { ...target, unit: variableUnit, lower: convert(target.lower), upper: convert(target.upper) };
}
