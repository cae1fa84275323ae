// A scenario's `drivers:` after `extends`: each shared driver checked on its own (its factor, persistence and loadings).
import { specMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { formatPath, type PathSegment } from '../io/yaml-document.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import type { Distribution } from '../model/distribution.js';
import type { SourceLocation } from './model-spec.js';
import type { Driver, DriverLoading } from './scenario-spec.js';
import type { DriverFile } from './schemas.js';
import { valueAt } from './zod-problems.js';

/** The factor of a driver that does not state one: standard normal (the factor in standard deviations). */
export const defaultDriverFactor: Distribution = { dist: 'normal', mean: 0, sd: 1 };

/**
 * Factor distributions a driver may have: normal, or bounded on both sides, so that exp(λ·f) — a
 * count rate's multiplier — has a mean (a lognormal, Student-t or gamma factor would not).
 */
export const driverFactorForms: readonly Distribution['dist'][] = ['normal', 'uniform', 'triangular', 'pert'];

/**
 * Builds the drivers of a merged scenario and checks what needs no model: the factor's form,
 * persistence in [0, 1], at least one loading, each loading giving exactly one of growth or rate,
 * not 0, and a bare number no larger than 1 in absolute value (a bare 4 is a slip for "4%").
 * Which variables a loading may name, and whether growth or rate, is checked against the model
 * (validateScenarioAgainstModel).
 * @param parsed the merged `drivers` map as the schema converted it (percents → fractions; null = removed)
 * @param raw the same map as written (to tell a bare number from a percent)
 * @param problemAt a located problem at a path of the merged scenario
 * @param locationOf where the value at a path was written
 * @returns the drivers in the order written, and every problem
 * @example buildDrivers({ cycle: { loadings: { x: { growth: 0.04 } } } }, …).drivers[0].factor; // => { dist: 'normal', mean: 0, sd: 1 }
 */
export function buildDrivers(
  parsed: Readonly<Record<string, DriverFile | null>> | null | undefined,
  raw: unknown,
  problemAt: (path: readonly PathSegment[], message: string, hint?: string) => Problem,
  locationOf: (path: readonly PathSegment[]) => SourceLocation,
): { drivers: Driver[]; problems: Problem[] } {
  const drivers: Driver[] = [];
  const problems: Problem[] = [];
  for (const [name, driver] of Object.entries(parsed ?? {})) {
    if (!driver) continue;
    const at = (...rest: PathSegment[]): PathSegment[] => ['drivers', name, ...rest];
    const factor = driver.factor ?? defaultDriverFactor;
    if (!driverFactorForms.includes(factor.dist)) problems.push(problemAt(at('factor'), specMessages.driverFactor(formatPath(at('factor')), describeDistribution(factor))));
    const persistence = driver.persistence ?? 0;
    if (!(persistence >= 0 && persistence <= 1)) problems.push(problemAt(at('persistence'), specMessages.driverPersistence(formatPath(at('persistence')), persistence)));

    const loadings: DriverLoading[] = [];
    for (const [variable, loading] of Object.entries(driver.loadings ?? {})) {
      if (!loading) continue;
      const path = at('loadings', variable);
      const given = (['growth', 'rate'] as const).filter((effect) => loading[effect] !== undefined);
      if (given.length !== 1) {
        problems.push(problemAt(path, specMessages.driverLoadingKind(formatPath(path), given)));
        continue;
      }
      const effect = given[0];
      const value = loading[effect]!;
      const written = valueAt(raw, [name, 'loadings', variable, effect]);
      if (value === 0) problems.push(problemAt([...path, effect], specMessages.driverLoadingZero(formatPath([...path, effect]))));
      else if (typeof written === 'number' && Math.abs(written) > 1) {
        problems.push(problemAt([...path, effect], specMessages.driverBareLoading(formatPath([...path, effect]), written), `did you mean "${written}%"?`));
      }
      loadings.push({ variable, effect, loading: value, location: locationOf([...path, effect]) });
    }
    if (loadings.length === 0) problems.push(problemAt(at('loadings'), specMessages.driverNoLoadings(formatPath(at('loadings')))));
    drivers.push({
      name,
      ...(driver.description !== undefined && { description: driver.description }),
      factor,
      persistence,
      loadings,
      location: locationOf(at()),
    });
  }
  return { drivers, problems };
}
