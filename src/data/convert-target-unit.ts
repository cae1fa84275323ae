// A target's bounds in the unit of the variable that judges it (4.8万亿元 → 48000亿元).
import { InputError } from '../errors/input-error.js';
import { messages, showValue } from '../errors/messages.js';
import type { Bound, Target } from './types.js';
import { convertUnit, unitFactor } from './units.js';

/**
 * Returns `target` with its bounds, approx figure and aspiration converted to `unit`: value ×
 * factor(target.unit) / factor(unit); `writtenUnit` keeps the unit it was written in.
 * Growth targets (unit `rate`) and targets already in `unit` come back unchanged.
 * @throws InputError at the target's file:line when the units measure different things
 * @example convertTargetUnit(target48万亿, '亿元').lower; // => { value: 48000, inclusive: true }
 */
export function convertTargetUnit(target: Target, unit: string): Target {
  if (target.unit === unit || target.unit === 'rate') return target;
  if (unitFactor(target.unit, unit) === undefined) {
    throw new InputError([{ file: target.file, line: target.line, field: 'unit', message: messages.mustBe(`${target.id}.unit`, `be convertible to ${showValue(unit)} (the unit of ${target.variable ? `variable ${target.variable}` : 'what judges it'})`, target.unit) }]);
  }
  const convert = (bound: Bound | undefined): Bound | undefined => (bound ? { value: convertUnit(bound.value, target.unit, unit), inclusive: bound.inclusive } : undefined);
  const lower = convert(target.lower);
  const upper = convert(target.upper);
  return {
    ...target,
    unit,
    ...(lower ? { lower } : {}),
    ...(upper ? { upper } : {}),
    ...(target.approx !== undefined ? { approx: { value: convertUnit(target.approx.value, target.unit, unit), tolerance: target.approx.tolerance } } : {}),
    ...(target.aspiration !== undefined ? { aspiration: convertUnit(target.aspiration, target.unit, unit) } : {}),
  };
}
