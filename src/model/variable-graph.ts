// How a prepared model's variables depend on one another. Only formulas read other variables (this
// year's values or, through lag(), last year's); a law's values come from its own parameters, start
// and random streams, and shared drivers from streams of their own (src/simulate/simulate.ts).

import type { PreparedModel, PreparedVariable } from './prepared-model.js';

/** The variables a variable's formula reads, this year's and last year's (none for a law). */
export function formulaInputsOf(variable: PreparedVariable): readonly string[] {
  return variable.formula ? [...variable.formula.inputs, ...variable.formula.lagged] : [];
}

/**
 * `names` and every variable they read, directly or through formulas, in depth-first preorder (each
 * variable, then what its formula reads, in the formula's order). Names the model lacks are left out.
 * @example [...variablesRead(prepared, ['aiRadiatingIndustry'])]; // => ['aiRadiatingIndustry', 'aiCoreIndustry']
 */
export function variablesRead(model: PreparedModel, names: Iterable<string>): Set<string> {
  const byName = new Map(model.variables.map((v) => [v.spec.name, v]));
  const found = new Set<string>();
  const visit = (name: string): void => {
    const variable = byName.get(name);
    if (!variable || found.has(name)) return;
    found.add(name);
    for (const input of formulaInputsOf(variable)) visit(input);
  };
  for (const name of names) visit(name);
  return found;
}

/**
 * `names` and every variable whose formula reads one of them, directly or through other formulas:
 * the variables whose values can change when those of `names` do. Names the model lacks are left out.
 * @example [...variablesReading(prepared, ['aiCoreIndustry'])]; // => ['aiCoreIndustry', 'aiCoreShareOfNational', 'aiRadiatingIndustry']
 */
export function variablesReading(model: PreparedModel, names: Iterable<string>): Set<string> {
  const known = new Set(model.variables.map((v) => v.spec.name));
  const found = new Set([...names].filter((name) => known.has(name)));
  // A lag may read a variable later in evaluation order, so sweep until nothing is added.
  for (let added = true; added; ) {
    added = false;
    for (const variable of model.variables) {
      if (!found.has(variable.spec.name) && formulaInputsOf(variable).some((input) => found.has(input))) {
        found.add(variable.spec.name);
        added = true;
      }
    }
  }
  return found;
}
