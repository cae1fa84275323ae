// Shared drivers through the whole pipeline: common random numbers, any block order, the correlation they induce.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { prepareModel } from '../../src/pipeline/prepare-model.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { driverCorrelations } from '../../src/planner/driver-correlations.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml'), join(projectRoot, 'test', 'fixtures', 'valid', 'driver.yaml')]);
const [baseline, driven] = inputs.scenarios;

describe('shared drivers in a run', () => {
  it('leave every variable they do not load exactly as it was (common random numbers), and move the ones they load', () => {
    const draws = 5000;
    const without = runScenario(baseline.model, inputs.data, baseline.scenario, { draws });
    const withDriver = runScenario(driven.model, inputs.data, driven.scenario, { draws });
    // The loaded variables and the formulas built on them.
    const loaded = new Set(['aiCoreIndustry', 'newAiUnicorns', 'aiRadiatingIndustry', 'aiCoreShareOfNational', 'cumulativeAiUnicorns', 'aiUnicornStock']);
    const rows = (result: typeof without, keep: (variable: string) => boolean) => result.summaries.filter((s) => keep(s.variable));
    expect(rows(withDriver, (v) => !loaded.has(v))).toEqual(rows(without, (v) => !loaded.has(v)));
    const core2030 = (result: typeof without) => result.summaries.find((s) => s.variable === 'aiCoreIndustry' && s.year === 2030)!;
    expect(core2030(withDriver).quantiles).not.toEqual(core2030(without).quantiles);
  });

  it('give the same results for any order of blocks', () => {
    const draws = 3 * 4096 + 100;
    const inOrder = runScenario(driven.model, inputs.data, driven.scenario, { draws });
    const reversed = runScenario(driven.model, inputs.data, driven.scenario, { draws, blockOrder: (blocks) => [...blocks].reverse() });
    expect(reversed.summaries).toEqual(inOrder.summaries);
    expect(reversed.targets).toEqual(inOrder.targets);
  });

  it('driverCorrelations: clearly positive with the driver, near zero without it, and the added covariance in closed form', () => {
    const prepared = prepareModel(driven.model, inputs.data, driven.scenario);
    const [pair] = driverCorrelations(prepared, driven.scenario.seed, driven.scenario.shocks);
    expect([pair.first, pair.second]).toEqual(['aiCoreIndustry', 'newAiUnicorns']);
    // The pilot pools 8,192 draws × 5 years (2026–2030): a correlation's standard error near 0 is about 0.005.
    expect(pair.withDrivers).toBeGreaterThan(0.2);
    expect(Math.abs(pair.withoutDrivers)).toBeLessThan(0.03);
    // A growth and a count: no closed form for the covariance.
    expect(pair.drivenCovariance).toBeUndefined();
  });
});
