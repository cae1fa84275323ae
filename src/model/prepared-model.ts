// A model ready to simulate: every variable with its law or formula, final parameter distributions and start.
import type { Calibration, Law } from '../laws/law.js';
import type { Distribution } from './distribution.js';
import type { CompiledFormula } from '../simulate/formulas/compile-formula.js';
import type { ModelSpec, VariableSpec } from '../spec/model-spec.js';
import type { Driver } from '../spec/scenario-spec.js';

/** Where a parameter's final distribution came from, for `forecast explain` and the manifest. */
export type ParameterOrigin = 'calibrated' | 'model' | 'scenario' | 'default';

export interface PreparedVariable {
  readonly spec: VariableSpec;
  /** Growth law; absent for formula variables. */
  readonly law?: Law;
  readonly calibration?: Calibration;
  readonly formula?: CompiledFormula;
  /** Final parameter distributions (calibration, then model, then scenario: the later wins). */
  readonly params: Readonly<Record<string, Distribution>>;
  readonly origins: Readonly<Record<string, ParameterOrigin>>;
  /** Last year with a known (or assumed) level; the base column holds it. Absent for formulas without a start. */
  readonly baseYear?: number;
  readonly base?: Distribution;
  /** First year the variable is simulated. */
  readonly firstYear: number;
}

export interface PreparedModel {
  readonly spec: ModelSpec;
  /** In evaluation order: every variable after the variables it uses in the same year. */
  readonly variables: readonly PreparedVariable[];
  /** First simulated year of any variable. */
  readonly firstYear: number;
  readonly horizon: number;
  /** The scenario's shared drivers (absent or empty: none); their loadings name variables of the model. */
  readonly drivers?: readonly Driver[];
}
