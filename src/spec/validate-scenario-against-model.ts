// A scenario may only set what its model has: known variables, and parameters their laws (or formulas) use.
import { didYouMean } from '../errors/did-you-mean.js';
import { messages, specMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { formatPath, type PathSegment } from '../io/yaml-document.js';
import { describeDistribution } from '../simulate/describe-distribution.js';
import { lawParameterNames } from './law-parameter-names.js';
import { parameterRangeRule } from './parameter-range.js';
import type { ModelSpec, VariableSpec } from './model-spec.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { implausibleBareNumbers } from './implausible-bare-numbers.js';
import { valueAt } from './zod-problems.js';

/** The assumption every variable accepts besides its parameters: its starting level. */
export const startAssumption = 'start';

/**
 * Names a scenario may set for a variable: its law's parameters (or, for a formula, the parameters
 * the model gives it), plus `start`.
 * @example assumableParameters({ law: 'linear', params: {} } as VariableSpec); // => ['slope', 'volatility', 'start']
 */
export function assumableParameters(variable: Pick<VariableSpec, 'law' | 'params' | 'formula'>): string[] {
  const own = variable.law === 'formula' || variable.formula !== undefined ? Object.keys(variable.params) : [...lawParameterNames[variable.law]];
  return [...own, startAssumption];
}

/**
 * Checks a scenario's assumptions and shocks against its model.
 * @returns every problem (unknown variable, parameter the law does not have, shock on an unknown
 *   variable), each pointing at the key in the file that wrote it, with a did-you-mean where one is close
 * @example validateScenarioAgainstModel(scenario, model); // => [] when every name is known
 */
export function validateScenarioAgainstModel(scenario: ScenarioSpec, model: ModelSpec): Problem[] {
  const problems: Problem[] = [];
  const variables = new Map(model.variables.map((v) => [v.name, v]));
  const names = [...variables.keys()];
  const at = (key: string, field: readonly PathSegment[], message: string, hint?: string): Problem => {
    const location = scenario.keyLocations?.[key] ?? scenario.provenance[key];
    const where = location ? { line: location.line, col: location.col } : {};
    const frame = location && 'frame' in location ? { frame: location.frame as string } : {};
    return { file: location?.file ?? scenario.file, ...where, field: formatPath(field), message, hint, ...frame };
  };

  for (const [name, params] of Object.entries(scenario.assumptions)) {
    const variable = variables.get(name);
    if (!variable) {
      const field = ['assumptions', name];
      problems.push(at(name, field, messages.unknownReference(formatPath(field), `variable of model ${model.model}`, name), didYouMean(name, names)));
      continue;
    }
    const allowed = assumableParameters(variable);
    const isFormula = variable.law === 'formula' || variable.formula !== undefined;
    for (const [param, distribution] of Object.entries(params)) {
      if (allowed.includes(param)) {
        const field = ['assumptions', name, param];
        const slips = param === startAssumption || isFormula ? [] : implausibleBareNumbers(valueAt(scenario.resolved, field), variable.law, param);
        for (const slip of slips) problems.push(at(`${name}.${param}`, [...field, ...slip.path], slip.render(formatPath([...field, ...slip.path])), slip.hint));
        const rule = param === startAssumption || isFormula || slips.length > 0 ? undefined : parameterRangeRule(variable.law, param, distribution);
        if (rule) {
          const field = ['assumptions', name, param];
          problems.push(at(`${name}.${param}`, field, messages.mustBe(formatPath(field), rule, describeDistribution(distribution))));
        }
        continue;
      }
      const field = ['assumptions', name, param];
      const message = isFormula
        ? specMessages.paramOfFormula(formatPath(field), param)
        : specMessages.paramForLaw(formatPath(field), variable.law, allowed, param);
      problems.push(at(`${name}.${param}`, field, message, didYouMean(param, allowed)));
    }
  }

  scenario.shocks.forEach((shock, index) => {
    if (variables.has(shock.variable)) return;
    const field = ['shocks', index, 'variable'];
    const key = `shocks[${index}].variable`;
    const location = scenario.keyLocations?.[key];
    const problem = at(key, field, messages.unknownReference(formatPath(field), `variable of model ${model.model}`, shock.variable), didYouMean(shock.variable, names));
    problems.push(location ? problem : { ...problem, file: shock.location.file, line: shock.location.line, col: shock.location.col });
  });
  return problems;
}
