// A run's setup as plain data, to send to a worker thread once per run: laws travel by name and
// formulas by their text and parsed tree (VariableSpec.formulaTree); the worker looks the laws up and
// compiles the formulas itself, from their trees (no mathjs in the worker).
import type { Target } from '../data/types.js';
import { laws, type GrowthLawName } from '../laws/registry.js';
import type { CompiledFormula, FormulaNames } from '../simulate/formulas/compile-formula.js';
import type { FormulaTree } from '../simulate/formulas/formula-tree.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';
import type { JudgedTarget, RunSetup } from './run-setup.js';

/** A prepared variable without its law object and compiled formula (both rebuilt from its spec). */
export type PortableVariable = Omit<PreparedVariable, 'law' | 'formula'>;

export interface PortableSetup extends Omit<RunSetup, 'prepared' | 'judged'> {
  readonly prepared: Omit<PreparedModel, 'variables'> & { readonly variables: readonly PortableVariable[] };
  readonly judged: readonly (Omit<JudgedTarget, 'variable' | 'target'> & { readonly target: Target; readonly variable: string })[];
}

/** A compiler of formulas, loaded only where a model has formulas (it brings the mathjs parser). */
export type FormulaCompiler = (expression: string, names: FormulaNames, parsed?: FormulaTree) => CompiledFormula;

/** Whether a variable is a formula rather than a growth law (prepareModel's rule). */
export function isFormulaVariable(variable: Pick<PreparedVariable, 'spec'>): boolean {
  return variable.spec.law === 'formula' || variable.spec.formula !== undefined;
}

/**
 * The setup as plain data (structured-cloneable).
 * @example portableSetup(setup).prepared.variables[0].spec.name; // => the first variable in evaluation order
 */
export function portableSetup(setup: RunSetup): PortableSetup {
  return {
    ...setup,
    prepared: { ...setup.prepared, variables: setup.prepared.variables.map(({ law: _law, formula: _formula, ...rest }) => rest) },
    judged: setup.judged.map(({ target, variable, observations }) => ({ target, variable: variable.spec.name, observations })),
  };
}

/**
 * The setup again, with each law looked up by name and each formula compiled by `compile` (needed
 * only when some variable is a formula): the very model the sending thread simulates.
 * @throws Error (a bug) when a formula has no compiler or a law is unknown
 */
export function reviveSetup(portable: PortableSetup, compile?: FormulaCompiler): RunSetup {
  const names = portable.prepared.spec.variables.map((v) => v.name);
  const variables: PreparedVariable[] = portable.prepared.variables.map((variable) => {
    if (!isFormulaVariable(variable)) {
      const law = laws[variable.spec.law as GrowthLawName];
      if (!law) throw new Error(`internal: law ${variable.spec.law} is not registered`);
      return { ...variable, law };
    }
    if (!compile) throw new Error(`internal: ${variable.spec.name} is a formula and no formula compiler was given`);
    // The parameter names in prepareModel's order: the model's, then the scenario's (its params object keeps that order).
    return { ...variable, formula: compile(variable.spec.formula ?? '', { variables: names, params: Object.keys(variable.params) }, variable.spec.formulaTree) };
  });
  const byName = new Map(variables.map((v) => [v.spec.name, v]));
  return {
    ...portable,
    prepared: { ...portable.prepared, variables },
    judged: portable.judged.map(({ target, variable, observations }) => ({ target, variable: byName.get(variable)!, observations })),
  };
}

/** Whether a setup needs the formula compiler to be revived. */
export function needsFormulaCompiler(portable: PortableSetup): boolean {
  return portable.prepared.variables.some(isFormulaVariable);
}
