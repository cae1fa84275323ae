// Shared drivers as a user meets them: --export-draws shows the co-movement, explain reports it.
import { describe, expect, it } from 'vitest';
import { pearsonCorrelation } from '../../src/planner/spearman-correlation.js';
import { freshDir } from '../helpers/project.js';
import { withoutProgress } from '../helpers/without-progress.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';

/**
 * From draws.csv: for every draw and year, the AI core industry's log growth ln(x_t / x_{t−1}) and
 * the year's new unicorns, pooled over the years both are simulated.
 */
function growthAndCount(rows: Record<string, string>[], scenario: string): { growth: number[]; count: number[] } {
  const value = new Map<string, number>();
  for (const row of rows) if (row.scenario === scenario) value.set(`${row.draw}|${row.variable}|${row.year}`, Number(row.value));
  const growth: number[] = [];
  const count: number[] = [];
  for (const [key, unicorns] of value) {
    const [draw, variable, year] = key.split('|');
    if (variable !== 'newAiUnicorns') continue;
    const now = value.get(`${draw}|aiCoreIndustry|${year}`);
    const before = value.get(`${draw}|aiCoreIndustry|${Number(year) - 1}`);
    if (now === undefined || before === undefined) continue;
    growth.push(Math.log(now / before));
    count.push(unicorns);
  }
  return { growth, count };
}

describe('shared drivers from the command line', () => {
  it('draws.csv shows the driver: the AI core industry\'s growth and the unicorn count correlate with it, not in the independent baseline', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['run', 'scenarios/baseline.yaml', 'test/fixtures/valid/driver.yaml', '--draws', '2000', '--export-draws', '2000', '--out', out, '--quiet']);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    const { rows } = readCsv(out, 'draws.csv');
    const driven = growthAndCount(rows, 'driven');
    const independent = growthAndCount(rows, 'baseline');
    // 2,000 draws × 5 simulated years (2026–2030): a correlation's standard error near 0 is about 0.01.
    expect(driven.growth.length).toBe(10_000);
    expect(pearsonCorrelation(driven.growth, driven.count)).toBeGreaterThan(0.2);
    expect(Math.abs(pearsonCorrelation(independent.growth, independent.count))).toBeLessThan(0.04);
  });

  it('explain lists the driver, each loading as the formula it applies, and the correlation it induces', async () => {
    const { code, stdout } = await runCli(['explain', 'test/fixtures/valid/driver.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('drivers (shared factors: each moves its variables together, never their centre):');
    expect(stdout).toMatch(/^  aiFinancing — AI financing cycle, in standard deviations  \(test\/fixtures\/valid\/driver\.yaml:\d+:\d+\)$/m);
    expect(stdout).toContain('factor normal(mean=0, sd=1) each year, persistence 0.5 (AR(1) of its normal score; stream seed, driver:aiFinancing, factor)');
    expect(stdout).toMatch(/aiCoreIndustry\s+growth log growth \+= 0\.08·\(f − 0\)/);
    // E[exp(0.5 f)] = exp(0.125) = 1.133 for a standard normal factor
    expect(stdout).toMatch(/newAiUnicorns\s+rate\s+rate × exp\(0\.5·f\) \/ 1\.133/);
    const line = stdout.split('\n').find((l) => l.includes('aiCoreIndustry × newAiUnicorns'))!;
    const [withDriver, without] = [...line.matchAll(/([+−])(\d\.\d\d) (with|without)/g)].map((m) => (m[1] === '−' ? -1 : 1) * Number(m[2]));
    expect(withDriver).toBeGreaterThan(0.2);
    expect(Math.abs(without)).toBeLessThan(0.03);
  });

  it('explain shows a law switched by the scenario and a removed setting, with where each was written', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'test/fixtures/valid/law-switch.yaml']);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^  aiCoreIndustry \[亿元\] — law meanReverting \(scenario test\/fixtures\/valid\/law-switch\.yaml:\d+:\d+; the model's law is compound\)/m);
    expect(stdout).toMatch(/^  highLevelScholars \[persons\] — law dampedTrend \(scenario test\/fixtures\/valid\/law-switch\.yaml:\d+:\d+; the model's law is compound\)/m);
    expect(stdout).toMatch(/^    halfLife\s+3\s+fixed\s+scenario test\/fixtures\/valid\/law-switch\.yaml:\d+:\d+$/m);
    expect(stdout).toMatch(/^    growth\s+the model's value removed\s+scenario test\/fixtures\/valid\/law-switch\.yaml:16:\d+$/m);
    expect(stdout).toContain('removed (null: the setting the scenario would inherit is taken away):');
    expect(stdout).toMatch(/^  assumptions\.aiCoreIndustry\.growth  removes the value of test\/fixtures\/valid\/law-switch-base\.yaml:7:13  \(test\/fixtures\/valid\/law-switch\.yaml:10:5\)$/m);
    expect(stdout).toMatch(/^  assumptions\.highLevelScholars\.growth  removes the model's growth of highLevelScholars  \(test\/fixtures\/valid\/law-switch\.yaml:16:5\)$/m);
  });

  it('run projects with the switched laws: the mean-reverting core industry ends near its long-run growth', async () => {
    const out = freshDir();
    const { code } = await runCli(['run', 'test/fixtures/valid/law-switch.yaml', '--draws', '2000', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const { rows } = readCsv(out, 'projections.csv');
    const median = (variable: string, year: string) => Number(rows.find((r) => r.variable === variable && r.year === year && r.kind === 'projection')?.p50);
    // Growth 25% → 8% with a half-life of 3 years: 2029 → 2030 grows about 8% + 17%·2^(−7/3) ≈ 11%.
    const lastGrowth = median('aiCoreIndustry', '2030') / median('aiCoreIndustry', '2029') - 1;
    expect(lastGrowth).toBeGreaterThan(0.07);
    expect(lastGrowth).toBeLessThan(0.16);
  });

  it('compare shows the law each scenario ran with, and the drivers\' settings side by side', async () => {
    const out = freshDir();
    const { code } = await runCli(['compare', 'scenarios/baseline.yaml', 'test/fixtures/valid/law-switch.yaml', 'test/fixtures/valid/driver.yaml', '--draws', '500', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const { rows } = readCsv(out, 'compare-assumptions.csv');
    const law = rows.filter((r) => r.path === 'assumptions.aiCoreIndustry.law').map((r) => [r.scenario, r.value, r.used]);
    expect(law).toEqual([
      ['baseline', '', 'model compound'],
      ['law-switch', 'meanReverting', 'scenario meanReverting'],
      ['driven', '', 'model compound'],
    ]);
    const loading = rows.filter((r) => r.path === 'drivers.aiFinancing.loadings.newAiUnicorns.rate').map((r) => [r.scenario, r.value]);
    expect(loading).toEqual([['baseline', ''], ['law-switch', ''], ['driven', '0.5']]);
  });
});
