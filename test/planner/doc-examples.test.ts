// The @example lines of the planner's JSDoc that show figures of the shipped data, checked literally:
// when the data or the engine moves them, the examples are updated with them (two had named a
// target the record has since decided, with figures of no run).
import { describe, expect, it } from 'vitest';
import { requiredRows } from '../../src/output/required-trajectory-table.js';
import { usedAssumption } from '../../src/planner/compare-scenarios.js';
import { loadVariantInputs } from '../../src/planner/load-variant-inputs.js';
import { runInstrumented } from '../../src/planner/run-instrumented.js';
import { runSensitivity } from '../../src/planner/run-sensitivity.js';
import { runSolve } from '../../src/planner/run-solve.js';
import { tornadoRows } from '../../src/planner/tornado-rows.js';
import { projectRoot } from '../helpers/project.js';

const { inputs } = loadVariantInputs(projectRoot, 'data', 'scenarios/baseline.yaml', {});

describe('planner JSDoc examples (the shipped baseline, 20,000 draws)', () => {
  it('usedAssumption and requiredRows', () => {
    expect(inputs.draws).toBe(20_000);
    const baselineRun = runInstrumented(inputs.model, inputs.data, inputs.scenario, { draws: inputs.draws, seed: inputs.seed });
    expect(usedAssumption(baselineRun, 'assumptions.aiCoreIndustry.growth')).toBe('calibrated studentT(location=0.222203, scale=0.0493469, df=4)');
    expect(requiredRows([baselineRun.result], inputs.data).find((r) => r.target === 'bj-ai-core-2027' && r.year === 2025)?.value).toBe('4500');
  });

  it('runSolve', () => {
    expect(runSolve(inputs, { target: 'bj-ai-core-2027', probability: 0.8, path: 'assumptions.aiCoreIndustry.growth.mean' }).value).toBe(0.584);
  }, 60_000);

  it('tornadoRows', async () => {
    const result = await runSensitivity(inputs, { threads: 1 });
    expect(tornadoRows(result)[0]).toEqual({ scenario: 'baseline', target: 'bj-ai-scholars-2025', input: 'highLevelScholars.start', low: 0, high: 1, swingProbability: 1, baseline: 0.54905 });
  }, 60_000);
});
