// Which targets a prepared model projects (in data order, bounds in the variable's unit), and why the others not.
import { convertTargetUnit } from '../data/convert-target-unit.js';
import type { DataSet, Target } from '../data/types.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';

export interface JudgedTargets {
  readonly judged: readonly { readonly target: Target; readonly variable: PreparedVariable }[];
  /** Every other target of the data set, with the reason the model does not project it. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/**
 * Splits the data set's targets into those the model projects — a variable of the target's name *and
 * region* (the variable's own region, else the model's) projects the target year — and those it
 * skips, with the reason. A variable of the same name in another region never judges a target: the
 * mismatch is the reason given.
 * @throws InputError when a target's unit does not convert to its variable's unit
 * @example judgedTargets(shanghaiModel, data).skipped[0].reason; // => 'variable aiCoreIndustry of model shanghai-ai is Shanghai's; the target is Beijing's'
 */
export function judgedTargets(prepared: PreparedModel, data: DataSet): JudgedTargets {
  const judged: { target: Target; variable: PreparedVariable }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const model = prepared.spec.model;
  for (const target of data.targets) {
    const variable = prepared.variables.find((v) => v.spec.name === target.variable);
    const region = variable ? variable.spec.region || prepared.spec.region : undefined;
    if (!target.variable) skipped.push({ id: target.id, reason: 'no model variable: the target names none' });
    else if (!variable) skipped.push({ id: target.id, reason: `model ${model} has no variable ${target.variable}` });
    else if (region !== target.region) skipped.push({ id: target.id, reason: `variable ${target.variable} of model ${model} is ${region}'s; the target is ${target.region}'s` });
    else if (target.year > prepared.horizon) skipped.push({ id: target.id, reason: `target year ${target.year} is after the horizon ${prepared.horizon}` });
    else if (target.year < variable.firstYear) skipped.push({ id: target.id, reason: `target year ${target.year} is before ${variable.spec.name} is projected (from ${variable.firstYear})` });
    else judged.push({ target: convertTargetUnit(target, variable.spec.unit), variable });
  }
  return { judged, skipped };
}
