// runVariant's `checkedBy`: a variant leaves out the variables no target reads and no override
// reaches, which a run that simulated every variable has checked with the same numbers; runVariants
// makes its first job that run unless it is told of one.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runVariant, type VariantInputs } from '../../src/planner/run-variant.js';
import { runVariants } from '../../src/planner/run-variants.js';
import type { AssumptionOverride } from '../../src/planner/with-assumptions.js';
import { probeProject } from '../helpers/probe-project.js';
import { projectRoot } from '../helpers/project.js';

function variantInputs(root: string, scenarioFile: string, draws: number): VariantInputs {
  const loaded = loadRunInputs(root, 'data', [scenarioFile]);
  const { scenario, model } = loaded.scenarios[0];
  return { model, data: loaded.data, scenario, draws, seed: scenario.seed };
}

const constant = (variable: string, parameter: string, value: number): AssumptionOverride => ({ variable, parameter, distribution: { dist: 'constant', value } });

describe('runVariant(inputs, overrides, { checkedBy })', () => {
  const overrides: readonly (readonly AssumptionOverride[])[] = [
    [constant('aiCoreIndustry', 'growth', 0.15)], // a law a target reads
    [constant('aiRadiatingIndustry', 'radiatingMultiplier', 3)], // a formula's parameter no target reads
    [constant('newAiUnicorns', 'mean', 4), constant('beijingGdp', 'growth', 0.05)], // a count law, and a law nothing judged reads
    [constant('highLevelScholars', 'start', 9000)], // a start
  ];

  it.each(['baseline', 'plan', 'suzhou'])('gives the outcome of a run of every variable, in %s at 3,000 draws', (name) => {
    const inputs = variantInputs(projectRoot, `scenarios/${name}.yaml`, 3000);
    for (const own of overrides) {
      for (const checkedBy of [[], overrides[0], own]) expect(runVariant(inputs, own, { checkedBy })).toEqual(runVariant(inputs, own));
    }
  });

  it('gives the outcome of a run of every variable at 70,000 draws (histogram summaries)', () => {
    const inputs = variantInputs(projectRoot, 'scenarios/baseline.yaml', 70_000);
    expect(runVariant(inputs, overrides[2], { checkedBy: overrides[0] })).toEqual(runVariant(inputs, overrides[2]));
  });

  describe('a variable no target reads whose formula is NaN in every variant', () => {
    let inputs: VariantInputs;
    const error = /variables\.aiRadiatingIndustry\.formula must give a finite number in every draw, got NaN in 200 of 200 draws in 2026/;
    beforeAll(() => {
      inputs = variantInputs(probeProject('sqrt(0 - aiCoreIndustry) * radiatingMultiplier'), 'scenarios/probe.yaml', 200);
    });

    it('is left out of a checked variant that does not reach it (the checking run reports it), and simulated by one that does', () => {
      const unicorns = [constant('newAiUnicorns', 'mean', 4)];
      expect(() => runVariant(inputs, unicorns)).toThrow(error);
      const outcome = runVariant(inputs, unicorns, { checkedBy: [] });
      const shipped = variantInputs(projectRoot, 'scenarios/baseline.yaml', 200);
      expect(outcome).toEqual(runVariant({ ...shipped, seed: inputs.seed }, unicorns));
      // The AI core's growth reaches the radiating industry: simulated, so refused.
      expect(() => runVariant(inputs, [constant('aiCoreIndustry', 'growth', 0.15)], { checkedBy: [] })).toThrow(error);
    });

    it('stops runVariants at its first job, which simulates every variable', async () => {
      const jobs = [[constant('newAiUnicorns', 'mean', 4)], [constant('newAiUnicorns', 'mean', 5)]];
      await expect(runVariants(inputs, jobs, { threads: 1 })).rejects.toThrow(error);
    });
  });

  it('refuses a value that is not finite made by the variant’s own override, in a variable no target reads', async () => {
    // sqrt(m − 3) is NaN for a multiplier below 3: the second job only.
    const inputs = variantInputs(probeProject('sqrt(radiatingMultiplier - 3) * aiCoreIndustry'), 'scenarios/probe.yaml', 200);
    const jobs = [[constant('aiRadiatingIndustry', 'radiatingMultiplier', 4)], [constant('aiRadiatingIndustry', 'radiatingMultiplier', 2)]];
    expect(runVariant(inputs, jobs[0]).targets.length).toBeGreaterThan(0);
    await expect(runVariants(inputs, jobs, { threads: 1 })).rejects.toThrow(/variables\.aiRadiatingIndustry\.formula must give a finite number in every draw, got NaN in 200 of 200 draws/);
    await expect(runVariants(inputs, jobs.slice(1), { threads: 1, checkedBy: jobs[0] })).rejects.toThrow(/aiRadiatingIndustry\.formula must give a finite number/);
  });
});
