// Sweeping a shared driver's settings (`drivers.<name>.persistence`, `.factor.<field>`,
// `.loadings.<variable>.growth|rate`): a variant is the scenario as if its file wrote those settings.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDriverPath, parsePlannerPath } from '../../src/planner/assumption-path.js';
import { loadVariantInputs } from '../../src/planner/load-variant-inputs.js';
import { runVariant } from '../../src/planner/run-variant.js';
import { overriddenVariables, withAssumptions } from '../../src/planner/with-assumptions.js';
import { freshDir, projectRoot } from '../helpers/project.js';
import { readCsv, runCli } from './planner-helpers.js';

const persistence = 'drivers.aiFinancing.persistence';
const coreLoading = 'drivers.aiFinancing.loadings.aiCoreIndustry.growth';

describe('driver paths', () => {
  it('parses the three settings as the scenario file writes them, and refuses other shapes', () => {
    expect(parsePlannerPath(persistence)).toEqual({ path: persistence, driver: 'aiFinancing', setting: 'persistence' });
    expect(parsePlannerPath('drivers.aiFinancing.factor.sd')).toEqual({ path: 'drivers.aiFinancing.factor.sd', driver: 'aiFinancing', setting: 'factor', field: 'sd' });
    expect(parsePlannerPath(coreLoading)).toEqual({ path: coreLoading, driver: 'aiFinancing', setting: 'loading', variable: 'aiCoreIndustry', effect: 'growth' });
    expect(isDriverPath(parsePlannerPath('assumptions.aiCoreIndustry.growth.mean'))).toBe(false);
    for (const bad of ['drivers.aiFinancing', 'drivers.aiFinancing.factor', 'drivers.aiFinancing.loadings.aiCoreIndustry', 'drivers.aiFinancing.loadings.aiCoreIndustry.level', 'drivers.aiFinancing.persistence.x']) {
      expect(() => parsePlannerPath(bad), bad).toThrow(/--vary path must be/);
    }
  });

  it('gives each variant the results of a scenario file that writes its settings, draw for draw', async () => {
    const folder = freshDir();
    const scenario = join(folder, 'loaded.yaml');
    writeFileSync(scenario, `scenario: loaded\nextends: ${join(projectRoot, 'scenarios', 'optimistic.yaml')}\ndrivers:\n  aiFinancing:\n    persistence: 0.8\n    factor: { dist: normal, mean: 0, sd: 1.5 }\n    loadings:\n      aiCoreIndustry: { growth: "6%" }\n`);
    const [swept, run] = [freshDir(), freshDir()];
    const sweep = await runCli(['sweep', 'scenarios/optimistic.yaml', '--vary', `${persistence}=0.2,0.8`, '--vary', 'drivers.aiFinancing.factor.sd=1.5', '--vary', `${coreLoading}=6%`, '--draws', '1500', '--quiet', '--out', swept]);
    expect(sweep.stderr).toBe('');
    expect(sweep.code).toBe(0);
    expect((await runCli(['run', scenario, '--draws', '1500', '--quiet', '--out', run])).code).toBe(0);
    const byTarget = new Map(readCsv(run, 'targets.csv').rows.map((r) => [r.target, r]));
    const second = readCsv(swept, 'sweep.csv').rows.filter((r) => r.variant === '2');
    expect(second.length).toBeGreaterThan(20);
    for (const row of second) {
      for (const column of ['status', 'probabilityMet', 'p05', 'p50', 'p95']) expect(row[column], `${row.target} ${column}`).toBe(byTarget.get(row.target)![column]);
    }
    // The first variant (persistence 0.2) differs where the driver reaches: the AI core's 2030 target.
    const first = readCsv(swept, 'sweep.csv').rows.filter((r) => r.variant === '1');
    expect(first.find((r) => r.target === 'bj-ai-cluster-2030')!.p95).not.toBe(second.find((r) => r.target === 'bj-ai-cluster-2030')!.p95);
  });

  it('moves every variable the driver loads, and a variant that simulates only those gives the full run\'s targets', () => {
    const { inputs } = loadVariantInputs(projectRoot, 'data', 'scenarios/optimistic.yaml', { draws: 1000 });
    const override = { driver: 'aiFinancing', persistence: 0.9, loadings: { newAiUnicorns: 0 } };
    expect(overriddenVariables(inputs.scenario, override)).toEqual(['aiCoreIndustry', 'nationalAiCoreIndustry', 'newAiUnicorns']);
    const full = runVariant(inputs, [override]);
    const checked = runVariant(inputs, [override], { checkedBy: [] });
    expect(checked.targets).toEqual(full.targets);
    // And the override does move them (the unicorns' loading switched off).
    expect(full.targets).not.toEqual(runVariant(inputs, []).targets);
    // A library caller's override of a driver the scenario lacks is an error, not a silent no-op.
    expect(() => withAssumptions(inputs.scenario, [{ driver: 'aiFinancin', persistence: 0.5 }])).toThrow(/must name a driver of scenario optimistic, got "aiFinancin"/);
    expect(() => withAssumptions(inputs.scenario, [{ driver: 'aiFinancing', loadings: { beijingGdp: 0.01 } }])).toThrow(/must name a variable driver aiFinancing loads, got "beijingGdp"/);
  });

  it('refuses an unknown driver or loading and a value a scenario file could not hold, at the --vary, before running (exit code 2)', async () => {
    const out = join(freshDir(), 'out');
    const refused = async (scenario: string, vary: string) => {
      const result = await runCli(['sweep', scenario, '--vary', vary, '--draws', '100', '--out', out]);
      expect(result.code, vary).toBe(2);
      return result.stderr;
    };
    expect(await refused('scenarios/optimistic.yaml', 'drivers.aiFinancin.persistence=0.5')).toMatch(/drivers\.aiFinancin\.persistence must name a shared driver of the scenario \(aiFinancing\), got "aiFinancin".*did you mean "aiFinancing"\?/s);
    expect(await refused('scenarios/baseline.yaml', 'drivers.aiFinancing.persistence=0.5')).toContain('must name a shared driver of the scenario, got "aiFinancing" (the scenario has none)');
    expect(await refused('scenarios/optimistic.yaml', 'drivers.aiFinancing.loadings.beijingGdp.growth=1%')).toContain('must name a loading the driver has (drivers.aiFinancing.loadings.aiCoreIndustry.growth, drivers.aiFinancing.loadings.nationalAiCoreIndustry.growth, drivers.aiFinancing.loadings.newAiUnicorns.rate)');
    expect(await refused('scenarios/optimistic.yaml', `${persistence}=0.5,1.5`)).toContain('drivers.aiFinancing.persistence must lie in [0, 1] (the year-to-year correlation of the driver), got 1.5');
    expect(await refused('scenarios/optimistic.yaml', `${coreLoading}=4`)).toMatch(/must be a rate per unit of the factor \(0\.04 or "4%"\), got 4.*did you mean "4%"\?/s);
    expect(await refused('scenarios/optimistic.yaml', 'drivers.aiFinancing.factor.sd=0')).toContain('drivers.aiFinancing.factor.sd must');
    expect(await refused('scenarios/optimistic.yaml', 'drivers.aiFinancing.factor.shape=2')).toContain('must name a field of its distribution');
    expect(existsNot(out)).toBe(true);
    // solve varies assumptions only, and says where a driver's setting can be varied.
    const solve = await runCli(['solve', 'scenarios/optimistic.yaml', '--target', 'bj-ai-core-2027', '--vary', persistence, '--draws', '100']);
    expect(solve.code).toBe(2);
    expect(solve.stderr).toContain('(a driver\'s setting can be swept: forecast sweep)');
  });
});

function existsNot(path: string): boolean {
  try {
    readCsv(path, 'sweep.csv');
    return false;
  } catch {
    return true;
  }
}
