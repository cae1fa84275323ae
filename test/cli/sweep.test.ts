import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sweepColumns } from '../../src/output/sweep-table.js';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';

const growthMean = 'assumptions.aiCoreIndustry.growth.mean';

describe('forecast sweep', () => {
  it('runs one variant per value and writes every target of each', async () => {
    const out = freshDir();
    const { code, stderr, stdout } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=5%:25%:10%`, '--draws', '1000', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('3 variants');
    expect(stdout).toMatch(/^ +# +assumptions\.aiCoreIndustry\.growth\.mean +T1 +T2/m);
    expect(stdout).toMatch(/^ +T\d = bj-ai-industry-2026$/m);
    const { header, rows } = readCsv(out, 'sweep.csv');
    expect(header).toEqual(sweepColumns([growthMean]));
    const core = rows.filter((r) => r.target === 'bj-ai-industry-2026');
    expect(core.map((r) => [r.variant, r[growthMean]])).toEqual([['1', '0.05'], ['2', '0.15'], ['3', '0.25']]);
    // Common random numbers: a higher growth mean never lowers the chance of reaching a level.
    const p = core.map((r) => Number(r.probabilityMet));
    expect(p[0]).toBeLessThanOrEqual(p[1]);
    expect(p[1]).toBeLessThanOrEqual(p[2]);
    expect(p[2]).toBeGreaterThan(p[0]);
  });

  it('refuses a variant outside its law\'s parameter range before running anything (exit code 2)', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.volatility=0.1,-0.1', '--draws', '100', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('aiCoreIndustry.volatility must lie in [0, 5] (the range of compound volatility), got "-0.1"');
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
  });

  it('refuses a bare number where a rate is meant, with the percent it probably means (exit code 2)', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=25`, '--draws', '100', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'command line  error  --vary assumptions.aiCoreIndustry.growth.mean must lie in [-1, 1], the plausible range of compound growth (a rate per year: 0.25 or "25%"), got 25 (did you mean "25%"?)\n\n1 problem found\n',
    );
    // Written as a percent, it is taken as meant.
    expect((await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=25%`, '--draws', '100', '--out', out])).code).toBe(0);
  });

  it('crosses several --vary into a grid, the last changing fastest', async () => {
    const out = freshDir();
    const { code } = await runCli([
      'sweep', 'scenarios/baseline.yaml', '--vary', 'aiCoreIndustry.growth=0.1,0.2', '--vary', 'newAiUnicorns.mean=4,8', '--draws', '300', '--quiet', '--out', out,
    ]);
    expect(code).toBe(0);
    const rows = readCsv(out, 'sweep.csv').rows.filter((r) => r.target === 'bj-ai-unicorns-2025');
    expect(rows.map((r) => [r['aiCoreIndustry.growth'], r['newAiUnicorns.mean']])).toEqual([['0.1', '4'], ['0.1', '8'], ['0.2', '4'], ['0.2', '8']]);
  });

  it('refuses an unknown variable or parameter with exit code 2, naming it', async () => {
    const out = join(freshDir(), 'out');
    const bad = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustri.growth=0.1', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('assumptions.aiCoreIndustri.growth must name a variable of the model');
    expect(bad.stderr).toContain('did you mean "aiCoreIndustry"?');
    const param = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.grwth=0.1', '--out', out]);
    expect(param.code).toBe(2);
    expect(param.stderr).toContain('must name a parameter of the variable');
    const value = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'aiCoreIndustry.growth=abc', '--out', out]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--vary aiCoreIndustry.growth value must be a number or a percent such as "12%", got "abc"');
    expect(existsSync(out)).toBe(false);
  });
});
