// A model (models/*.yaml) after checking: its variables, their laws and how they are calibrated (contract types).
import type { LawName } from '../laws/law.js';
import type { FormulaTree } from '../simulate/formulas/formula-tree.js';
import type { Distribution } from '../model/distribution.js';

/** Where a value came from in a YAML file, for messages and `forecast explain`. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface VariableSpec {
  /** camelCase name, used in formulas, scenarios, targets and CSV. */
  readonly name: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly region: string;
  readonly law: LawName;
  /** Data series with the variable's history (levels); absent for formulas and pure assumptions. */
  readonly series?: string;
  /** Other series whose growth informs this variable's growth (their levels are never spliced in). */
  readonly growthSeries: readonly string[];
  readonly calibrateFrom?: number;
  readonly calibrateTo?: number;
  /** Parameters fixed (or given distributions) in the model; calibration fills in the rest. */
  readonly params: Readonly<Record<string, Distribution>>;
  /** Explicit starting point when no data exists: a documented assumption. */
  readonly start?: { readonly year: number; readonly value: Distribution };
  /** mathjs expression over other variables and params (law `formula`); `lag(x)` is x a year before. */
  readonly formula?: string;
  /** The formula parsed when the model was read (compile-formula.ts compiles it without parsing again). */
  readonly formulaTree?: FormulaTree;
  readonly description?: string;
  /** IAMC variable name for iamc.csv (`A|B|C`); absent: derived from the English label. */
  readonly iamc?: string;
  readonly location: SourceLocation;
  /**
   * Where fields are written, by their path inside the variable (`start`, `formula`, `series`,
   * `calibrate.growthSeries[0]`): for problems found after parsing (a start outside the law's levels,
   * a formula that gives NaN, a series the data lacks).
   */
  readonly locations?: Readonly<Record<string, SourceLocation>>;
}

export interface ModelSpec {
  readonly model: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly region: string;
  readonly description?: string;
  /** In file order. */
  readonly variables: readonly VariableSpec[];
  readonly file: string;
}
