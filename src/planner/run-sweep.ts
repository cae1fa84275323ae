// A sweep: every point of a grid of assumption values (--vary) or of a design file (--design), each run as a variant (run-variants.ts).
import { InputError } from '../errors/input-error.js';
import { messages, plannerMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { prepareModel } from '../pipeline/prepare-model.js';
import { commandLineError } from './command-line-error.js';
import { currentDistribution, isDriverPath, parsePlannerPath, type DriverPath } from './assumption-path.js';
import type { Shard } from '../pipeline/shard-blocks.js';
import { variantRange } from './variant-range.js';
import type { VariantInputs, VariantOutcome } from './run-variant.js';
import { runVariants } from './run-variants.js';
import { setDistributionField } from './set-distribution-field.js';
import { locatedAt, relocated, type SweepPoints } from './sweep-points.js';
import type { AssumptionOverride, DriverOverride, VariableOverride } from './with-assumptions.js';
import type { Distribution } from '../model/distribution.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { didYouMean } from '../errors/did-you-mean.js';
import { parameterRangeRule } from '../spec/parameter-range.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { implausibleTypedNumber } from '../spec/implausible-bare-numbers.js';

/**
 * One point of the sweep: the value of each varied path (in --vary or design-column order) and its
 * outcome, or what a caller kept of it (runSweep's `keep`).
 */
export interface SweepVariant<T = VariantOutcome> {
  /** 1-based, in grid order (the last --vary changes fastest) or design-row order. */
  readonly variant: number;
  readonly values: readonly number[];
  readonly outcome: T;
}

export interface SweepResult<T = VariantOutcome> {
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly paths: readonly string[];
  readonly variants: readonly SweepVariant<T>[];
}

/** A sweep's grid before any variant runs: every variant's values and overrides, checked. */
export interface SweepPlan {
  readonly paths: readonly string[];
  /** The values of each variant, in variant order. */
  readonly grid: readonly (readonly number[])[];
  /** Each variant's overrides, in variant order. */
  readonly jobs: readonly (readonly AssumptionOverride[])[];
}

/**
 * Runs every point of the sweep (a grid of `--vary`, or the rows of a design: sweep-points.ts) as a
 * variant of the scenario (same draws and seed, so neighbouring points differ by their assumptions
 * only), or only a shard's range of them (`forecast sweep --shard k/n`, variantRange). With `keep`,
 * each variant (and the scenario's name) is handed to it as the variant completes, and only what it
 * returns is kept in place of the outcome.
 * @throws InputError as planSweep
 * @example (await runSweep(inputs, pointsFromVaries([{ path: 'assumptions.aiCoreIndustry.growth.mean', values: [0.1, 0.2] }]), { threads: 1 })).variants.length; // => 2
 */
export async function runSweep(inputs: VariantInputs, points: SweepPoints, options: SweepOptions): Promise<SweepResult>;
export async function runSweep<T>(inputs: VariantInputs, points: SweepPoints, options: SweepOptions, keep: (variant: SweepVariant, scenario: string) => T): Promise<SweepResult<T>>;
export async function runSweep<T>(inputs: VariantInputs, points: SweepPoints, options: SweepOptions, keep?: (variant: SweepVariant, scenario: string) => T): Promise<SweepResult<T | VariantOutcome>> {
  const { paths, grid, jobs } = planSweep(inputs, points);
  const { first, end } = options.shard ? variantRange(grid.length, options.shard) : { first: 0, end: grid.length };
  const variantOf = <U,>(outcome: U, k: number): SweepVariant<U> => ({ variant: first + k + 1, values: grid[first + k], outcome });
  const kept: (T | VariantOutcome)[] = keep
    ? await runVariants(inputs, jobs.slice(first, end), options, (outcome, k) => keep(variantOf(outcome, k), inputs.scenario.scenario))
    : await runVariants(inputs, jobs.slice(first, end), options);
  return { scenario: inputs.scenario.scenario, draws: inputs.draws, seed: inputs.seed, paths, variants: kept.map(variantOf) };
}

/** How a sweep runs: threads, progress, and the shard of its variants to run (all without one). */
export interface SweepOptions {
  readonly threads: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly shard?: Shard;
}

/**
 * Every point of the sweep as a variant of the scenario, before any runs. Each path's field is set
 * on the distribution the scenario (or calibration) gives it; see setDistributionField. A problem
 * with a path or value is reported where it was written (points.locate: the command line, or a
 * design file's line and column).
 * @throws InputError for an unknown variable, parameter or field, a bare number where a rate is meant, or an invalid resulting distribution
 */
export function planSweep(inputs: VariantInputs, points: SweepPoints): SweepPlan {
  const prepared = prepareModel(inputs.model, inputs.data, inputs.scenario);
  const paths = points.paths.map((path, c) => locatedAt(points.locate(c), () => parsePlannerPath(path)));
  const current = paths.map((path, c) => locatedAt(points.locate(c), () => (isDriverPath(path) ? currentDriverSetting(inputs.scenario, path) : currentDistribution(prepared, path))));
  const lawOf = (variable: string) => prepared.variables.find((v) => v.spec.name === variable)?.spec.law;
  // Every variant's overrides are built first, so a bad value is reported before anything runs, and
  // every bad value at once (a grid repeats a --vary value in many variants: reported once).
  const problems = new Map<string, Problem>();
  const jobs = points.rows.map((values, row) => {
    try {
      return variantOverrides(values, row);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) problems.set(JSON.stringify([problem.file, problem.line, problem.field, problem.message]), problem);
      return [];
    }
  });
  if (problems.size > 0) throw new InputError([...problems.values()]);
  return { paths: points.paths, grid: points.rows, jobs };

  // One variant's overrides. Paths on the same parameter (e.g. growth.mean and growth.sd) are applied
  // in turn to one distribution; paths on one driver make one override of its settings.
  function variantOverrides(values: readonly number[], row: number): AssumptionOverride[] {
    const byParameter = new Map<string, VariableOverride>();
    const byDriver = new Map<string, DriverOverride>();
    values.forEach((value, i) => {
      const path = paths[i];
      const where = points.locate(i, row);
      if (isDriverPath(path)) {
        const before = byDriver.get(path.driver) ?? { driver: path.driver };
        byDriver.set(path.driver, locatedAt(where, () => withDriverSetting(before, path, current[i] as Distribution | undefined, value, points.percent(row, i))));
        return;
      }
      const { variable, parameter, field } = path;
      // A bare number where a rate is meant (mean=25) is a unit slip, as in a scenario file.
      const law = lawOf(variable);
      const slip = law && parameter !== 'start' && !points.percent(row, i) ? implausibleTypedNumber(value, law, parameter, field, points.shown(i)) : undefined;
      if (slip) throw relocated(commandLineError(slip.message, slip.hint), where);
      const key = `${variable}.${parameter}`;
      const base = byParameter.get(key)?.distribution ?? (current[i] as Distribution | undefined);
      byParameter.set(key, { variable, parameter, distribution: locatedAt(where, () => setDistributionField(base, field, value, path.path)) });
    });
    // Each variant's distribution must also keep to its law's range (a volatility below 0 would run).
    for (const override of byParameter.values()) {
      const law = lawOf(override.variable);
      const rule = law && override.parameter !== 'start' ? parameterRangeRule(law, override.parameter, override.distribution) : undefined;
      if (!rule) continue;
      const column = paths.findIndex((path) => !isDriverPath(path) && path.variable === override.variable && path.parameter === override.parameter);
      throw relocated(commandLineError(messages.mustBe(`${override.variable}.${override.parameter}`, rule, describeDistribution(override.distribution))), points.locate(column, row));
    }
    return [...byParameter.values(), ...byDriver.values()];
  }
}

/**
 * What a driver path reads in the scenario as it stands: the factor's distribution for `factor.<field>`
 * (undefined for the others, set whole). Checks that the driver exists and, for a loading, that the
 * driver has that loading with that effect.
 * @throws InputError naming the drivers or loadings there are
 */
function currentDriverSetting(scenario: ScenarioSpec, path: DriverPath): Distribution | undefined {
  const names = (scenario.drivers ?? []).map((d) => d.name);
  const driver = scenario.drivers?.find((d) => d.name === path.driver);
  if (!driver) throw commandLineError(plannerMessages.unknownDriver(path.path, path.driver, names), didYouMean(path.driver, names));
  if (path.setting === 'factor') return driver.factor;
  if (path.setting === 'loading' && !driver.loadings.some((l) => l.variable === path.variable && l.effect === path.effect)) {
    throw commandLineError(plannerMessages.unknownLoading(path.path, driver.loadings.map((l) => `drivers.${driver.name}.loadings.${l.variable}.${l.effect}`)));
  }
  return undefined;
}

/**
 * A driver override with one more setting from a sweep's value, checked as a scenario file's would
 * be (src/spec/build-drivers.ts): persistence in [0, 1]; the factor's field giving a valid
 * distribution of the same form; a loading finite, and a bare number no larger than 1 in absolute
 * value where a growth loading (a rate) is meant, "4%" as written. A loading of 0 is allowed here:
 * a sweep's point with the driver switched off for that variable.
 */
function withDriverSetting(override: DriverOverride, path: DriverPath, factor: Distribution | undefined, value: number, percent: boolean): DriverOverride {
  switch (path.setting) {
    case 'persistence':
      if (!(value >= 0 && value <= 1)) throw commandLineError(plannerMessages.invalidVariant(path.path, 'lie in [0, 1] (the year-to-year correlation of the driver)', value));
      return { ...override, persistence: value };
    case 'factor':
      return { ...override, factor: setDistributionField(override.factor ?? factor, path.field, value, path.path) };
    case 'loading':
      if (!Number.isFinite(value)) throw commandLineError(plannerMessages.invalidVariant(path.path, 'be finite', value));
      if (path.effect === 'growth' && !percent && Math.abs(value) > 1) {
        throw commandLineError(plannerMessages.invalidVariant(path.path, 'be a rate per unit of the factor (0.04 or "4%")', value), `did you mean "${value}%"?`);
      }
      return { ...override, loadings: { ...override.loadings, [path.variable]: value } };
  }
}
