// A scenario variant: the scenario with some assumptions (or shared drivers' settings) replaced, as if its YAML had said so.
import type { Distribution } from '../model/distribution.js';
import type { Driver, ScenarioSpec } from '../spec/scenario-spec.js';

/** One assumption set by a planner command: `assumptions.<variable>.<parameter>` = distribution. */
export interface VariableOverride {
  readonly variable: string;
  /** A law or formula parameter, or `start` for the starting level. */
  readonly parameter: string;
  readonly distribution: Distribution;
}

/** A shared driver's settings set by a sweep (`drivers.<name>.…`): each one given replaces the scenario's. */
export interface DriverOverride {
  readonly driver: string;
  readonly persistence?: number;
  readonly factor?: Distribution;
  /** Loading by variable (its effect, growth or rate, stays the scenario's). */
  readonly loadings?: Readonly<Record<string, number>>;
}

/** What a planner command lays over a scenario: an assumption, or a driver's settings. */
export type AssumptionOverride = VariableOverride | DriverOverride;

/** Whether an override sets a shared driver's settings. */
export function isDriverOverride(override: AssumptionOverride): override is DriverOverride {
  return 'driver' in override;
}

/** Where overridden assumptions say they came from, in `provenance` (file:line:col). */
export const overrideFile = 'command line';

/**
 * The variables an override can move: the variable it sets, or every variable its driver loads.
 * @example overriddenVariables(optimistic, { driver: 'aiFinancing', persistence: 0.9 }); // => ['aiCoreIndustry', 'nationalAiCoreIndustry', 'newAiUnicorns']
 */
export function overriddenVariables(scenario: ScenarioSpec, override: AssumptionOverride): string[] {
  if (!isDriverOverride(override)) return [override.variable];
  return scenario.drivers?.find((d) => d.name === override.driver)?.loadings.map((l) => l.variable) ?? [];
}

/**
 * The scenario with each override laid over its assumptions and drivers (the later override wins),
 * exactly as if the scenario file had written it: the model is then calibrated with it and it takes
 * precedence over calibration and the model file. `resolved` and `provenance` say so; the input is
 * not changed.
 * @throws Error when a driver override names no driver of the scenario, or a loading its driver lacks (planSweep reports those to a user first)
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
  let drivers = scenario.drivers;
  for (const override of overrides) {
    if (isDriverOverride(override)) {
      // planSweep names the driver's problems for a user; here a library caller's slip must not pass silently.
      if (!drivers?.some((driver) => driver.name === override.driver)) throw new Error(`internal: a driver override must name a driver of scenario ${scenario.scenario}, got "${override.driver}"`);
      drivers = drivers.map((driver) => (driver.name === override.driver ? withDriverSettings(driver, override) : driver));
      const written = (((resolved.drivers ??= {}) as Record<string, Record<string, unknown>>)[override.driver] ??= {});
      if (override.persistence !== undefined) written.persistence = override.persistence;
      if (override.factor !== undefined) written.factor = { ...override.factor };
      for (const [variable, loading] of Object.entries(override.loadings ?? {})) {
        const loadings = ((written.loadings ??= {}) as Record<string, Record<string, number>>);
        const effect = drivers?.find((d) => d.name === override.driver)?.loadings.find((l) => l.variable === variable)?.effect ?? 'growth';
        loadings[variable] = { [effect]: loading };
      }
      continue;
    }
    const { variable, parameter, distribution } = override;
    (assumptions[variable] ??= {})[parameter] = distribution;
    provenance[`${variable}.${parameter}`] = { file: overrideFile, line: 0, col: 0 };
    (resolvedAssumptions[variable] ??= {})[parameter] = distribution.dist === 'constant' ? distribution.value : { ...distribution };
  }
  return { ...scenario, assumptions, provenance, resolved, ...(drivers && { drivers }) };
}

function withDriverSettings(driver: Driver, override: DriverOverride): Driver {
  for (const variable of Object.keys(override.loadings ?? {})) {
    if (!driver.loadings.some((l) => l.variable === variable)) throw new Error(`internal: a driver override's loading must name a variable driver ${driver.name} loads, got "${variable}"`);
  }
  return {
    ...driver,
    ...(override.persistence !== undefined && { persistence: override.persistence }),
    ...(override.factor !== undefined && { factor: override.factor }),
    loadings: driver.loadings.map((l) => (override.loadings?.[l.variable] !== undefined ? { ...l, loading: override.loadings[l.variable] } : l)),
  };
}
