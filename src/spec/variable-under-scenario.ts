// A model variable as a scenario makes it: its law switched, the model settings the scenario removes left out.
import type { VariableSpec } from './model-spec.js';
import type { ScenarioSpec } from './scenario-spec.js';

/**
 * The keys of a variable's model settings a scenario removes with `null` (`assumptions.<variable>.<key>:
 * null` with nothing in the `extends` chain to remove): parameters, `start` or `law`.
 * @example modelRemovalsOf(scenario, 'highLevelScholars'); // => ['volatility']
 */
export function modelRemovalsOf(scenario: Pick<ScenarioSpec, 'removals'>, variable: string): string[] {
  return (scenario.removals ?? []).filter((r) => !r.removes && r.path[0] === 'assumptions' && r.path[1] === variable).map((r) => r.path[2]);
}

/**
 * The variable with the scenario's law (when it switches it) and without the model's parameters and
 * start the scenario removes: what calibration and the simulation then see. The scenario's own
 * parameter values are laid over it later (prepareModel), as for any variable.
 * @example variableUnderScenario(scholars, { laws: { highLevelScholars: 'linear' }, … }).law; // => 'linear'
 */
export function variableUnderScenario(spec: VariableSpec, scenario: Pick<ScenarioSpec, 'laws' | 'removals'>): VariableSpec {
  const law = scenario.laws?.[spec.name];
  const removed = new Set(modelRemovalsOf(scenario, spec.name));
  if (law === undefined && removed.size === 0) return spec;
  const { start, ...rest } = spec;
  const params = Object.fromEntries(Object.entries(spec.params).filter(([key]) => !removed.has(key)));
  return { ...rest, ...(law !== undefined && { law }), params, ...(start !== undefined && !removed.has('start') && { start }) };
}
