// Which targets a prepared model can judge (in data order, bounds in the variable's unit), and why others not.
import { convertTargetUnit } from '../data/convert-target-unit.js';
import type { DataSet, Target } from '../data/types.js';
import type { PreparedModel, PreparedVariable } from './prepared-model.js';

export interface JudgedTargets {
  readonly judged: readonly { readonly target: Target; readonly variable: PreparedVariable }[];
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/**
 * Splits the data set's targets into those the model judges — a variable projects them and the
 * target year lies within the projection — and those it skips, with the reason.
 * @throws InputError when a target's unit does not convert to its variable's unit
 */
export function judgedTargets(prepared: PreparedModel, data: DataSet): JudgedTargets {
  const judged: { target: Target; variable: PreparedVariable }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const target of data.targets) {
    const variable = prepared.variables.find((v) => v.spec.name === target.variable);
    if (!variable) {
      skipped.push({ id: target.id, reason: target.variable ? `model ${prepared.spec.model} has no variable ${target.variable}` : 'no model variable projects it' });
    } else if (target.year > prepared.horizon) {
      skipped.push({ id: target.id, reason: `target year ${target.year} is after the horizon ${prepared.horizon}` });
    } else if (target.year < variable.firstYear) {
      skipped.push({ id: target.id, reason: `target year ${target.year} is before ${variable.spec.name} is projected (from ${variable.firstYear})` });
    } else {
      judged.push({ target: convertTargetUnit(target, variable.spec.unit), variable });
    }
  }
  return { judged, skipped };
}
