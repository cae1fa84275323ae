// RunOptions.targetsOnly, what the planners run (sweep, solve, sensitivity, compare): no summary per
// variable and year, the same targets to the last bit, and a column that is not finite refused the same way.
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { QuantileSummaries } from '../../src/evaluate/quantile-summaries.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario, type RunOptions } from '../../src/pipeline/run-scenario.js';
import { runSetup } from '../../src/pipeline/run-setup.js';
import { ScenarioAccumulator } from '../../src/pipeline/scenario-accumulator.js';
import { probeProject } from '../helpers/probe-project.js';
import { projectRoot } from '../helpers/project.js';

const shipped = ['baseline', 'optimistic', 'pessimistic', 'plan', 'jilin', 'suzhou'];
const inputs = loadRunInputs(
  projectRoot,
  'data',
  shipped.map((name) => `scenarios/${name}.yaml`),
);

/** The run's targets with and without targetsOnly (the prepared model holds functions: compared apart). */
function bothRuns(index: number, options: RunOptions) {
  const { scenario, model } = inputs.scenarios[index];
  const full = runScenario(model, inputs.data, scenario, options);
  const targetsOnly = runScenario(model, inputs.data, scenario, { ...options, targetsOnly: true });
  return { full, targetsOnly };
}

describe('runScenario(…, { targetsOnly: true })', () => {
  it.each(shipped.map((name, index) => [name, index] as const))('%s at 3,000 draws (exact quantiles): the same targets, no summaries', (_name, index) => {
    const { full, targetsOnly } = bothRuns(index, { draws: 3000 });
    expect(full.summaries.length).toBeGreaterThan(0);
    expect(targetsOnly.summaries).toEqual([]);
    expect(targetsOnly.targets).toEqual(full.targets);
    expect(targetsOnly.skippedTargets).toEqual(full.skippedTargets);
  });

  it('baseline at 70,000 draws (histogram summaries laid out from a pilot): the same targets', () => {
    const { full, targetsOnly } = bothRuns(0, { draws: 70_000, seed: 7 });
    expect(full.targets.length).toBeGreaterThan(0);
    expect(targetsOnly.targets).toEqual(full.targets);
  });

  it("keeps only the trackers' shape, and its sibling (pilot shaping, refine pass) has the same shape", () => {
    const { scenario, model } = inputs.scenarios[0];
    const setup = runSetup(model, inputs.data, scenario, { draws: 70_000 });
    const full = new ScenarioAccumulator(setup, new QuantileSummaries(setup.draws, false));
    const targetsOnly = new ScenarioAccumulator(setup, new QuantileSummaries(setup.draws, false), { targetsOnly: true });
    expect(targetsOnly.shape()).toEqual({ summaries: [], trackers: full.shape().trackers });
    expect(targetsOnly.sibling(new QuantileSummaries(setup.draws, false)).shape()).toEqual(targetsOnly.shape());
    expect(full.sibling(new QuantileSummaries(setup.draws, false)).shape()).toEqual(full.shape());
  });
});

describe('a variable no target reads, whose formula gives NaN', () => {
  let project: string;
  const error = /variables\.aiRadiatingIndustry\.formula must give a finite number in every draw, got NaN in 200 of 200 draws in 2026/;

  beforeAll(() => {
    project = probeProject('sqrt(0 - aiCoreIndustry) * radiatingMultiplier');
  });

  it('is refused with the same error whether the run keeps summaries or only targets', () => {
    const loaded = loadRunInputs(project, 'data', ['scenarios/probe.yaml']);
    const { scenario, model } = loaded.scenarios[0];
    const setup = runSetup(model, loaded.data, scenario, { draws: 200 });
    expect(setup.judged.map((j) => j.variable.spec.name)).not.toContain('aiRadiatingIndustry');
    const run = (targetsOnly: boolean) => () => runScenario(model, loaded.data, scenario, { draws: 200, targetsOnly });
    expect(run(false)).toThrow(error);
    expect(run(true)).toThrow(error);
  });

  it('stops a sweep with exit 2, located at the formula, as it stops a run', async () => {
    for (const args of [
      ['run', 'scenarios/probe.yaml', '--out', 'out'],
      // The growth reaches the radiating industry in every variant; the unicorns' mean in none (the
      // first variant simulates every variable: run-variants.ts).
      ['sweep', 'scenarios/probe.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%,12%', '--threads', '1', '--out', 'out-sweep'],
      ['sweep', 'scenarios/probe.yaml', '--vary', 'assumptions.newAiUnicorns.mean=2,4,6', '--threads', '1', '--out', 'out-sweep'],
    ]) {
      const io = memoryIo(project);
      const code = await main(args, io);
      const stderr = io.err.join('');
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(new RegExp(`^models/probe\\.yaml:\\d+:\\d+ {2}error {2}${error.source}`, 'm'));
    }
  });
});
