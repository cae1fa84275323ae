import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAssumptionColumns, compareColumns } from '../../src/output/compare-table.js';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';
import { withoutProgress } from '../helpers/without-progress.js';

describe('forecast compare', () => {
  it('sets every target side by side, with paired differences against the first scenario', async () => {
    const out = freshDir();
    const { code, stdout, stderr } = await runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml', '--draws', '2000', '--out', out]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('compared against baseline (2000 draws');
    const { header, rows } = readCsv(out, 'compare.csv');
    expect(header).toEqual([...compareColumns]);
    const core = rows.filter((r) => r.target === 'bj-infosoft-revenue-2027');
    expect(core.map((r) => r.scenario)).toEqual(['baseline', 'optimistic', 'pessimistic']);
    expect(core[0].differenceProbability).toBe('0');
    expect(core[0].differenceProbabilitySe).toBe('0');
    for (const row of rows) {
      expect(row.reference).toBe('baseline');
      if (row.probabilityMet === '') continue;
      const base = rows.find((r) => r.target === row.target && r.scenario === 'baseline')!;
      // The difference column is the difference of the probability columns.
      expect(Number(row.differenceProbability)).toBeCloseTo(Number(row.probabilityMet) - Number(base.probabilityMet), 6);
      // Paired (common random numbers): never above the unpaired error sqrt(se_a² + se_b²) by more than rounding.
      const unpaired = Math.hypot(Number(row.probabilityMetSe), Number(base.probabilityMetSe));
      expect(Number(row.differenceProbabilitySe)).toBeLessThanOrEqual(unpaired + 1e-9);
    }
    // The optimistic scenario assumes faster 信息软件业 growth (16% against the calibrated 14%; the
    // pessimistic one 9%): it can only raise the 2027 revenue target's chance.
    expect(Number(core[1].differenceProbability)).toBeGreaterThan(0);
    expect(Number(core[2].differenceProbability)).toBeLessThan(0);
  });

  it('lists the resolved assumptions that differ, with their value in each scenario', async () => {
    const out = freshDir();
    await runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', '--draws', '500', '--quiet', '--out', out]);
    const { header, rows } = readCsv(out, 'compare-assumptions.csv');
    expect(header).toEqual([...compareAssumptionColumns]);
    const growth = rows.filter((r) => r.path === 'assumptions.aiCoreIndustry.growth');
    expect(growth).toEqual([
      { path: 'assumptions.aiCoreIndustry.growth', scenario: 'baseline', value: '', used: expect.stringMatching(/^calibrated studentT\(location=0\.\d+, scale=0\.0\d+, df=\d+\)$/) },
      { path: 'assumptions.aiCoreIndustry.growth', scenario: 'optimistic', value: '{"dist":"normal","mean":"26%","sd":"3%"}', used: 'scenario normal(mean=0.26, sd=0.03)' },
    ]);
    expect(rows.some((r) => r.path === 'scenario')).toBe(false);
    expect(rows.find((r) => r.path === 'description')?.used).toBe('');
  });

  it('gives byte-identical files when run twice', async () => {
    const [a, b] = [freshDir(), freshDir()];
    for (const out of [a, b]) await runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/pessimistic.yaml', '--draws', '500', '--quiet', '--out', out]);
    expect(readCsv(a, 'compare.csv')).toEqual(readCsv(b, 'compare.csv'));
  });

  it('needs at least two scenarios (exit code 2, nothing written)', async () => {
    const out = join(freshDir(), 'out');
    const { code, stderr } = await runCli(['compare', 'scenarios/baseline.yaml', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('compare must be given at least two scenarios, got 1');
    expect(existsSync(out)).toBe(false);
  });
});
