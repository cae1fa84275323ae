// A scenario variant: the scenario with some assumptions replaced, as if its YAML had said so.
import type { Distribution } from '../model/distribution.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';

/** One assumption set by a planner command: `assumptions.<variable>.<parameter>` = distribution. */
export interface AssumptionOverride {
  readonly variable: string;
  /** A law or formula parameter, or `start` for the starting level. */
  readonly parameter: string;
  readonly distribution: Distribution;
}

/** Where overridden assumptions say they came from, in `provenance` (file:line:col). */
export const overrideFile = 'command line';

/**
 * The scenario with each override laid over its assumptions (the later override wins), exactly as
 * if the scenario file had written it: the model is then calibrated with it and it takes precedence
 * over calibration and the model file. `resolved` and `provenance` say so; the input is not changed.
 * @example withAssumptions(baseline, [{ variable: 'aiCoreIndustry', parameter: 'growth', distribution: { dist: 'constant', value: 0.2 } }])
 *   .assumptions.aiCoreIndustry.growth; // => { dist: 'constant', value: 0.2 }
 */
export function withAssumptions(scenario: ScenarioSpec, overrides: readonly AssumptionOverride[]): ScenarioSpec {
  if (overrides.length === 0) return scenario;
  const assumptions: Record<string, Record<string, Distribution>> = {};
  for (const [variable, params] of Object.entries(scenario.assumptions)) assumptions[variable] = { ...params };
  const provenance = { ...scenario.provenance };
  const resolved = structuredClone(scenario.resolved) as Record<string, unknown>;
  const resolvedAssumptions = ((resolved.assumptions ??= {}) as Record<string, Record<string, unknown>>);
  for (const { variable, parameter, distribution } of overrides) {
    (assumptions[variable] ??= {})[parameter] = distribution;
    provenance[`${variable}.${parameter}`] = { file: overrideFile, line: 0, col: 0 };
    (resolvedAssumptions[variable] ??= {})[parameter] = distribution.dist === 'constant' ? distribution.value : { ...distribution };
  }
  return { ...scenario, assumptions, provenance, resolved };
}
