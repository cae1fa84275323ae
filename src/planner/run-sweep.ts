// A sweep: every combination of the values given to one or more assumptions, each run as a variant (run-variants.ts).
import { messages, plannerMessages } from '../errors/messages.js';
import { prepareModel } from '../pipeline/prepare-model.js';
import { commandLineError } from './command-line-error.js';
import { currentDistribution, parseAssumptionPath } from './assumption-path.js';
import type { VarySpec } from './parse-vary.js';
import type { Shard } from '../pipeline/shard-blocks.js';
import { variantRange } from './variant-range.js';
import type { VariantInputs, VariantOutcome } from './run-variant.js';
import { runVariants } from './run-variants.js';
import { setDistributionField } from './set-distribution-field.js';
import { sweepGrid } from './sweep-grid.js';
import type { AssumptionOverride } from './with-assumptions.js';
import { parameterRangeRule } from '../spec/parameter-range.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { implausibleTypedNumber } from '../spec/implausible-bare-numbers.js';
import { activeLimits, raiseHint } from '../io/limits.js';

/** One point of the grid: the value of each varied path (in --vary order) and its verdicts. */
export interface SweepVariant {
  /** 1-based, in grid order (the last --vary changes fastest). */
  readonly variant: number;
  readonly values: readonly number[];
  readonly outcome: VariantOutcome;
}

export interface SweepResult {
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly paths: readonly string[];
  readonly variants: readonly SweepVariant[];
}

/** A sweep's grid before any variant runs: every variant's values and overrides, checked. */
export interface SweepPlan {
  readonly paths: readonly string[];
  /** The values of each variant, in grid order (the last --vary changes fastest). */
  readonly grid: readonly (readonly number[])[];
  /** Each variant's overrides, in grid order. */
  readonly jobs: readonly (readonly AssumptionOverride[])[];
}

/**
 * Runs every grid point of `varies` as a variant of the scenario (same draws and seed, so
 * neighbouring points differ by their assumptions only), or only a shard's range of them
 * (`forecast sweep --shard k/n`, variantRange).
 * @throws InputError as planSweep
 * @example (await runSweep(inputs, [{ path: 'assumptions.aiCoreIndustry.growth.mean', values: [0.1, 0.2] }], { threads: 1 })).variants.length; // => 2
 */
export async function runSweep(
  inputs: VariantInputs,
  varies: readonly VarySpec[],
  options: { readonly threads: number; readonly onProgress?: (done: number, total: number) => void; readonly shard?: Shard },
): Promise<SweepResult> {
  const { paths, grid, jobs } = planSweep(inputs, varies);
  const { first, end } = options.shard ? variantRange(grid.length, options.shard) : { first: 0, end: grid.length };
  const outcomes = await runVariants(inputs, jobs.slice(first, end), options);
  return {
    scenario: inputs.scenario.scenario,
    draws: inputs.draws,
    seed: inputs.seed,
    paths,
    variants: grid.slice(first, end).map((values, k) => ({ variant: first + k + 1, values, outcome: outcomes[k] })),
  };
}

/**
 * Every grid point of `varies` as a variant of the scenario, before any runs. Each path's field is
 * set on the distribution the scenario (or calibration) gives it; see setDistributionField.
 * @throws InputError for an unknown variable, parameter or field, a duplicate path, an invalid resulting distribution or too many variants
 */
export function planSweep(inputs: VariantInputs, varies: readonly VarySpec[]): SweepPlan {
  const seen = new Set<string>();
  for (const vary of varies) {
    if (seen.has(vary.path)) throw commandLineError(plannerMessages.varyDuplicate(vary.path));
    seen.add(vary.path);
  }
  const prepared = prepareModel(inputs.model, inputs.data, inputs.scenario);
  const paths = varies.map((vary) => parseAssumptionPath(vary.path));
  const current = paths.map((path) => currentDistribution(prepared, path));
  // Counted before the grid is built: two --vary of 10,000 values would otherwise make 10⁸ rows first.
  const variantCount = varies.reduce((product, vary) => product * vary.values.length, 1);
  const limit = activeLimits().sweepVariants;
  if (variantCount > limit) throw commandLineError(plannerMessages.tooManyVariants(limit, variantCount), raiseHint('sweepVariants'));
  // A bare number where a rate is meant (mean=25) is a unit slip, as in a scenario file.
  varies.forEach((vary, i) => {
    const { variable, parameter, field } = paths[i];
    const law = prepared.variables.find((v) => v.spec.name === variable)?.spec.law;
    if (vary.percent || !law || parameter === 'start') return;
    for (const value of vary.values) {
      const slip = implausibleTypedNumber(value, law, parameter, field, `--vary ${vary.path}`);
      if (slip) throw commandLineError(slip.message, slip.hint);
    }
  });
  const grid = sweepGrid(varies.map((vary) => vary.values));
  // Build every variant's overrides first, so a bad value is reported before anything runs. Paths on
  // the same parameter (e.g. growth.mean and growth.sd) are applied in turn to one distribution.
  const jobs = grid.map((values) => {
    const byParameter = new Map<string, AssumptionOverride>();
    values.forEach((value, i) => {
      const { variable, parameter, field, path } = paths[i];
      const key = `${variable}.${parameter}`;
      const base = byParameter.get(key)?.distribution ?? current[i];
      byParameter.set(key, { variable, parameter, distribution: setDistributionField(base, field, value, path) });
    });
    // Each variant's distribution must also keep to its law's range (a volatility below 0 would run).
    for (const override of byParameter.values()) {
      const law = prepared.variables.find((v) => v.spec.name === override.variable)?.spec.law;
      const rule = law && override.parameter !== 'start' ? parameterRangeRule(law, override.parameter, override.distribution) : undefined;
      if (rule) throw commandLineError(messages.mustBe(`${override.variable}.${override.parameter}`, rule, describeDistribution(override.distribution)));
    }
    return [...byParameter.values()];
  });
  return { paths: varies.map((vary) => vary.path), grid, jobs };
}
