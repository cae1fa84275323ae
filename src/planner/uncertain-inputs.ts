// The uncertain inputs of a prepared model: every parameter and base level whose distribution is not a constant.
import type { ParameterOrigin, PreparedModel } from '../model/prepared-model.js';
import type { Distribution } from '../model/distribution.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { startAssumption } from '../spec/validate-scenario-against-model.js';

/** One uncertain input: a parameter of a variable (or its starting level, parameter `start`). */
export interface UncertainInput {
  readonly variable: string;
  /** The parameter name, or `start` for the base level. */
  readonly parameter: string;
  readonly distribution: Distribution;
  readonly origin: ParameterOrigin;
  /** The random-stream component its per-draw samples come from: `param:<name>` or `base`. */
  readonly component: string;
}

/**
 * Lists every non-constant parameter and base level, variables in model-file order, each
 * variable's parameters in the order the prepared model holds them, then its base level.
 * A base level's origin is `scenario` (a `start` assumption), `model` (a `start` in the model
 * file) or `calibrated` (the last observation, drawn within its band).
 * @example uncertainInputs(prepared, scenario).map((i) => `${i.variable}.${i.parameter}`);
 * // => ['infoSoftwareRevenue.growth', 'infoSoftwareRevenue.volatility', 'infoSoftwareRevenue.start', …]
 */
export function uncertainInputs(model: PreparedModel, scenario: Pick<ScenarioSpec, 'assumptions'>): UncertainInput[] {
  const byName = new Map(model.variables.map((v) => [v.spec.name, v]));
  const inputs: UncertainInput[] = [];
  for (const spec of model.spec.variables) {
    const variable = byName.get(spec.name);
    if (!variable) continue;
    for (const [parameter, distribution] of Object.entries(variable.params)) {
      if (distribution.dist === 'constant') continue;
      inputs.push({ variable: spec.name, parameter, distribution, origin: variable.origins[parameter] ?? 'default', component: `param:${parameter}` });
    }
    if (variable.base && variable.base.dist !== 'constant') {
      const origin: ParameterOrigin = scenario.assumptions[spec.name]?.[startAssumption] ? 'scenario' : spec.start ? 'model' : 'calibrated';
      inputs.push({ variable: spec.name, parameter: startAssumption, distribution: variable.base, origin, component: 'base' });
    }
  }
  return inputs;
}
