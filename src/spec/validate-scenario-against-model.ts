// A scenario may only set what its model has: known variables, laws they can take, parameters their
// laws (or formulas) use, removals of settings the model gives, and drivers on variables they can move.
import { didYouMean } from '../errors/did-you-mean.js';
import { messages, specMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { formatPath, type PathSegment } from '../io/yaml-document.js';
import { laws as lawRegistry } from '../laws/registry.js';
import type { LawName } from '../laws/law.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { lawNames, lawParameterNames } from './law-parameter-names.js';
import { parameterRangeRule } from './parameter-range.js';
import type { ModelSpec, SourceLocation, VariableSpec } from './model-spec.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { implausibleBareNumbers } from './implausible-bare-numbers.js';
import { variableUnderScenario } from './variable-under-scenario.js';
import { valueAt } from './zod-problems.js';

/** The assumption every variable accepts besides its parameters: its starting level. */
export const startAssumption = 'start';

const isFormula = (variable: Pick<VariableSpec, 'law' | 'formula'>) => variable.law === 'formula' || variable.formula !== undefined;
/** A law whose level is a count of whole things each year (its `levels`): a driver moves its rate, and a count switches only to another. */
const isCountLaw = (law: LawName) => law !== 'formula' && lawRegistry[law].levels === 'count';
const where = (location: SourceLocation) => `${location.file}:${location.line}:${location.col}`;

/**
 * Names a scenario may set for a variable: its law's parameters (or, for a formula, the parameters
 * the model gives it), plus `start`.
 * @example assumableParameters({ law: 'linear', params: {} } as VariableSpec); // => ['slope', 'volatility', 'start']
 */
export function assumableParameters(variable: Pick<VariableSpec, 'law' | 'params' | 'formula'>): string[] {
  const own = isFormula(variable) ? Object.keys(variable.params) : [...lawParameterNames[variable.law]];
  return [...own, startAssumption];
}

/** The unit a law declares for a parameter (ParameterInfo.unit), or undefined when it has none of that name. */
function parameterUnit(law: LawName, parameter: string): string | undefined {
  return law === 'formula' ? undefined : lawRegistry[law].parameters.find((p) => p.name === parameter)?.unit;
}

/**
 * Checks a scenario's assumptions, law switches, removals, shocks and drivers against its model.
 * - a law switch: not on a formula variable; a count variable (law poisson or negativeBinomial) only
 *   to a count law, a level variable only to a level law; no parameter left that the new law lacks
 *   (or reads in another unit), whether the model or a scenario it extends gave it;
 * - a `null` that removes a model setting: the model must give it, and the variable must not need it
 *   (a law; a start when it has no series; a parameter its formula uses);
 * - a driver's loading: a variable with a law, `rate` for a count law and `growth` for any other.
 * @returns every problem, each pointing at the key in the file that wrote it, with a did-you-mean where one is close
 * @example validateScenarioAgainstModel(scenario, model); // => [] when every name is known
 */
export function validateScenarioAgainstModel(scenario: ScenarioSpec, model: ModelSpec): Problem[] {
  const problems: Problem[] = [];
  const variables = new Map(model.variables.map((v) => [v.name, v]));
  const names = [...variables.keys()];
  const at = (key: string, field: readonly PathSegment[], message: string, hint?: string, fallback?: SourceLocation): Problem => {
    const location = scenario.keyLocations?.[key] ?? scenario.provenance[key] ?? fallback;
    const place = location ? { line: location.line, col: location.col } : {};
    const frame = location && 'frame' in location ? { frame: location.frame as string } : {};
    return { file: location?.file ?? scenario.file, ...place, field: formatPath(field), message, hint, ...frame };
  };
  // The key of a distribution's field (`aiCoreIndustry.growth.mean`) when its place is known, else its parameter's.
  const fieldKey = (key: string, path: readonly PathSegment[]) => {
    const deeper = [key, ...path].join('.');
    return scenario.keyLocations?.[deeper] ? deeper : key;
  };
  const unknownVariable = (key: string, field: readonly PathSegment[], name: string, fallback?: SourceLocation) =>
    at(key, field, messages.unknownReference(formatPath(field), `variable of model ${model.model}`, name), didYouMean(name, names), fallback);
  // Files of the chain from the scenario itself (0) to its root: a larger index was written earlier.
  const chainIndex = (location: SourceLocation | undefined) => (location ? scenario.chain.indexOf(location.file) : -1);

  for (const [name, params] of Object.entries(scenario.assumptions)) {
    const modelVariable = variables.get(name);
    if (!modelVariable) {
      problems.push(unknownVariable(name, ['assumptions', name], name));
      continue;
    }
    const law = scenario.laws?.[name];
    const lawField = ['assumptions', name, 'law'];
    if (law !== undefined) {
      const refused = lawSwitchProblems(modelVariable, law, (message, hint) => at(`${name}.law`, lawField, message, hint));
      problems.push(...refused);
      // A law the variable cannot take: what its parameters would be under it is moot.
      if (refused.length > 0) continue;
    }
    const variable = variableUnderScenario(modelVariable, scenario);
    const allowed = assumableParameters(variable);
    const formula = isFormula(variable);
    const lawFile = chainIndex(scenario.provenance[`${name}.law`]);
    for (const [param, distribution] of Object.entries(params)) {
      const field = ['assumptions', name, param];
      const written = scenario.provenance[`${name}.${param}`];
      // Set for the old law by a scenario this one extends (a name the new law lacks, or reads in
      // another unit): the fix belongs beside the switch.
      const inherited = law !== undefined && !formula && param !== startAssumption && chainIndex(written) > lawFile;
      if (inherited && parameterUnit(law, param) !== parameterUnit(modelVariable.law, param)) {
        problems.push(at(`${name}.law`, lawField, specMessages.lawLeftover(formatPath(lawField), law, param, written ? where(written) : 'a scenario it extends'), `remove it here with ${param}: null`));
        continue;
      }
      if (allowed.includes(param)) {
        // A bare number outside the parameter's plausible range is a unit slip ("25" for "25%").
        const slips = param === startAssumption || formula ? [] : implausibleBareNumbers(valueAt(scenario.resolved, field), variable.law, param);
        for (const slip of slips) problems.push(at(fieldKey(`${name}.${param}`, slip.path), [...field, ...slip.path], slip.render(formatPath([...field, ...slip.path])), slip.hint));
        const rule = param === startAssumption || formula || slips.length > 0 ? undefined : parameterRangeRule(variable.law, param, distribution);
        if (rule) problems.push(at(`${name}.${param}`, field, messages.mustBe(formatPath(field), rule, describeDistribution(distribution))));
        continue;
      }
      const message = formula ? specMessages.paramOfFormula(formatPath(field), param) : specMessages.paramForLaw(formatPath(field), variable.law, allowed, param);
      problems.push(at(`${name}.${param}`, field, message, didYouMean(param, allowed)));
    }
    // The model's parameters that the new law lacks, or reads in another unit.
    if (law !== undefined && !isFormula(modelVariable)) {
      for (const param of Object.keys(variable.params)) {
        if (params[param] !== undefined) continue;
        const unit = parameterUnit(law, param);
        if (unit !== undefined && unit === parameterUnit(modelVariable.law, param)) continue;
        problems.push(at(`${name}.law`, lawField, specMessages.lawLeftover(formatPath(lawField), law, param, `the model (${where(modelVariable.location)})`), `remove it here with ${param}: null`));
      }
    }
  }

  for (const removal of scenario.removals ?? []) {
    if (removal.removes || removal.path[0] !== 'assumptions' || removal.path.length !== 3) continue;
    const [, name, key] = removal.path;
    const variable = variables.get(name);
    if (!variable) continue; // reported above: every variable with a null has an assumptions entry
    const field = formatPath(removal.path);
    const problem = (message: string, hint?: string): Problem => ({ ...at('', removal.path, message, hint, removal.location), frame: removal.location.frame });
    const needed = removalNeed(variable, key);
    if (needed === 'absent') problems.push(problem(specMessages.removesNothing(field, `neither a scenario it extends nor the model sets ${key} for ${name}`)));
    else if (needed !== undefined) problems.push(problem(specMessages.removedRequired(field, needed)));
  }

  scenario.shocks.forEach((shock, index) => {
    if (variables.has(shock.variable)) return;
    const field = ['shocks', index, 'variable'];
    const key = `shocks[${index}].variable`;
    const location = scenario.keyLocations?.[key];
    const problem = unknownVariable(key, field, shock.variable);
    problems.push(location ? problem : { ...problem, file: shock.location.file, line: shock.location.line, col: shock.location.col });
  });

  for (const driver of scenario.drivers ?? []) {
    for (const loading of driver.loadings) {
      const field = ['drivers', driver.name, 'loadings', loading.variable];
      const key = formatPath(field);
      const modelVariable = variables.get(loading.variable);
      if (!modelVariable) {
        problems.push(unknownVariable(key, field, loading.variable, loading.location));
        continue;
      }
      const variable = variableUnderScenario(modelVariable, scenario);
      if (isFormula(variable)) {
        problems.push(at(key, field, specMessages.driverOnFormula(formatPath(field), variable.formula ?? '', loading.variable), 'load the variables its formula uses', loading.location));
        continue;
      }
      const expected = isCountLaw(variable.law) ? 'rate' : 'growth';
      if (loading.effect !== expected) {
        const effectField = [...field, loading.effect];
        problems.push(at(`${key}.${loading.effect}`, effectField, specMessages.driverLoadingEffect(formatPath(effectField), expected, loading.variable, variable.law, loading.effect), `write ${expected}: instead`, loading.location));
      }
    }
  }
  return problems;
}

/** What is wrong with switching `variable` to `law`, if anything: a formula, or a law of the other kind (count or level). */
function lawSwitchProblems(variable: VariableSpec, law: LawName, problem: (message: string, hint?: string) => Problem): Problem[] {
  const field = `assumptions.${variable.name}.law`;
  if (isFormula(variable)) return [problem(specMessages.lawForFormula(field, variable.formula ?? '', law), 'a formula variable moves with its inputs: switch their laws')];
  const counts = isCountLaw(variable.law);
  if (counts === isCountLaw(law)) return [];
  const allowed = lawNames.filter((name) => name !== 'formula' && isCountLaw(name) === counts);
  return [problem(specMessages.lawOfOtherKind(field, counts ? 'count' : 'level', allowed, variable.name, law))];
}

/**
 * Whether a model setting may be removed: undefined when it may, 'absent' when the model does not
 * set it, else why the variable needs it.
 */
function removalNeed(variable: VariableSpec, key: string): string | 'absent' | undefined {
  if (key === 'law') return `${variable.name} needs a law: name the law to switch to instead`;
  if (key === startAssumption) {
    if (!variable.start) return 'absent';
    if (isFormula(variable)) {
      const lagsItself = new RegExp(`lag\\(\\s*${variable.name}\\s*\\)`).test(variable.formula ?? '');
      return lagsItself ? `the formula of ${variable.name} uses lag(${variable.name}), which needs a start` : undefined;
    }
    return variable.series === undefined ? `${variable.name} has no series to start from` : undefined;
  }
  if (variable.params[key] === undefined) return 'absent';
  return isFormula(variable) ? `the formula of ${variable.name} uses ${key}` : undefined;
}
