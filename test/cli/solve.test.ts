import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { loadVariantInputs } from '../../src/planner/load-variant-inputs.js';
import { roundOutward, runSolve } from '../../src/planner/run-solve.js';
import { withAssumptions } from '../../src/planner/with-assumptions.js';
import { solveColumns } from '../../src/planner/solve-table.js';
import { freshDir, projectRoot } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';
import { withoutProgress } from '../helpers/without-progress.js';

const draws = 2000;

describe('forecast solve', () => {
  it('prints the solved value, its probability and Monte Carlo error, and writes solve.csv', async () => {
    const out = freshDir();
    const { code, stdout, stderr } = await runCli([
      'solve', 'scenarios/baseline.yaml', '--target', 'bj-infosoft-revenue-2027', '--probability', '0.8',
      '--vary', 'assumptions.infoSoftwareRevenue.growth.mean', '--draws', String(draws), '--out', out,
    ]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/bj-infosoft-revenue-2027 met with probability ≥ 0\.8 when assumptions\.infoSoftwareRevenue\.growth\.mean = /);
    expect(stdout).toMatch(/gives P\(met\) [\d.]+ ± [\d.]+ \((very likely|likely|as likely as not); Monte Carlo se/);
    expect(stdout).toMatch(/now: .*P\(met\) [\d.]+ \((very likely|likely|as likely as not|unlikely|very unlikely)\)/);
    const { header, rows } = readCsv(out, 'solve.csv');
    expect(header).toEqual([...solveColumns]);
    expect(rows[0].status).toBe('solved');
    expect(Number(rows[0].probabilityMet)).toBeGreaterThanOrEqual(0.8);
  });

  it('solves several targets on one assumption in one command, each as it is solved alone, a row each in solve.csv', async () => {
    const out = freshDir();
    const path = 'assumptions.aiCoreIndustry.growth.mean';
    const targets = ['bj-ai-industry-2026', 'bj-ai-core-2027', 'bj-ai-cluster-2030'];
    const { code, stdout, stderr } = await runCli([
      'solve', 'scenarios/baseline.yaml', ...targets.flatMap((t) => ['--target', t]), '--probability', '0.8', '--vary', path, '--draws', String(draws), '--out', out,
    ]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    const rows = readCsv(out, 'solve.csv').rows;
    expect(rows.map((r) => [r.target, r.status])).toEqual(targets.map((t) => [t, 'solved']));
    const { inputs } = loadVariantInputs(projectRoot, 'data', 'scenarios/baseline.yaml', { draws });
    targets.forEach((target, k) => {
      const alone = runSolve(inputs, { target, probability: 0.8, path });
      expect(Number(rows[k].value)).toBe(alone.value);
      expect(Number(rows[k].probabilityMet)).toBe(alone.probability);
      expect(Number(rows[k].evaluations)).toBe(alone.evaluations.length);
      expect(stdout).toContain(`${target} met with probability ≥ 0.8 when ${path} = ${alone.value}`);
    });
    // Three blocks, each with its YAML to paste.
    expect(stdout.match(/^to use it, write into the scenario/gm)).toHaveLength(3);
  }, 60_000);

  it('takes a list option before the scenario: --target and --vary take one value a flag, never the positional after them', async () => {
    const solve = await runCli(['solve', '--target', 'bj-ai-core-2027', 'scenarios/baseline.yaml', '--vary', 'aiCoreIndustry.growth.mean', '--draws', '500', '--quiet']);
    expect(solve.stderr).toBe('');
    expect(solve.code).toBe(0);
    const out = freshDir();
    const sweep = await runCli(['sweep', '--vary', 'aiCoreIndustry.growth.mean=0.1,0.2', 'scenarios/baseline.yaml', '--draws', '300', '--quiet', '--out', out]);
    expect(sweep.stderr).toBe('');
    expect(sweep.code).toBe(0);
    expect(readCsv(out, 'sweep.csv').rows.filter((r) => r.target === 'bj-ai-core-2027')).toHaveLength(2);
  });

  it('refuses a target given twice, and names every target it cannot solve before running a bisection (exit code 2)', async () => {
    const twice = await runCli(['solve', 'scenarios/baseline.yaml', '--target', 'bj-ai-core-2027', '--target', 'bj-ai-core-2027', '--vary', 'aiCoreIndustry.growth.mean', '--draws', '200']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--target must name each target once, got "bj-ai-core-2027" twice');
    const bad = await runCli(['solve', 'scenarios/baseline.yaml', '--target', 'bj-ai-core-2030', '--target', 'bj-ai-core-2027', '--target', 'bj-ai-unicorns-2025', '--vary', 'aiCoreIndustry.growth.mean', '--draws', '200']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--target must name a target the scenario judges');
    expect(bad.stderr).toContain('got "bj-ai-core-2030"');
    expect(bad.stderr).toMatch(/--target must name a target the record has not decided, got "bj-ai-unicorns-2025", achieved on record/);
    expect(bad.stderr).toContain('2 problems found');
    expect(bad.stdout).toBe('');
  });

  it('gives a value that, fed back as the assumption, meets the target with the requested probability within MC error', () => {
    const { inputs } = loadVariantInputs(projectRoot, 'data', 'scenarios/baseline.yaml', { draws });
    for (const wanted of [0.5, 0.8]) {
      const solved = runSolve(inputs, { target: 'bj-infosoft-revenue-2027', probability: wanted, path: 'assumptions.infoSoftwareRevenue.growth.mean' });
      expect(solved.status).toBe('solved');
      const fedBack = runScenario(inputs.model, inputs.data, withAssumptions(inputs.scenario, [solved.override]), { draws: inputs.draws, seed: inputs.seed });
      const target = fedBack.targets.find((t) => t.target.id === 'bj-infosoft-revenue-2027')!;
      expect(target.probabilityMet).toBe(solved.probability);
      expect(target.probabilityMet).toBeGreaterThanOrEqual(wanted);
      expect(Math.abs(target.probabilityMet - wanted)).toBeLessThanOrEqual(3 * target.probabilityMetSe + 1 / draws);
    }
  });

  it('prints YAML that, pasted into a scenario file, meets the target: same seed exactly, a fresh seed within MC error', async () => {
    const wanted = 0.8;
    const solved = await runCli([
      'solve', 'scenarios/baseline.yaml', '--target', 'bj-infosoft-revenue-2027', '--probability', String(wanted),
      '--vary', 'assumptions.infoSoftwareRevenue.growth.mean', '--draws', String(draws),
    ]);
    expect(solved.code).toBe(0);
    // The calibrated growth is a studentT: the printed form is one a scenario file takes as it is.
    const pasted = solved.stdout.slice(solved.stdout.indexOf('to use it')).split('\n').slice(1).join('\n');
    expect(pasted).toMatch(/^  assumptions:\n    infoSoftwareRevenue:\n      growth: \{ dist: studentT, location: [\d.]+, scale: [\d.]+, df: \d+ \}/);
    const achieved = Number(/gives P\(met\) ([\d.]+)/.exec(solved.stdout)![1]);
    const folder = freshDir();
    const scenario = join(folder, 'solved.yaml');
    writeFileSync(scenario, `scenario: solved\nextends: ${join(projectRoot, 'scenarios', 'baseline.yaml')}\n${pasted.replace(/^  /gm, '')}`);

    const probabilityIn = async (seed?: number) => {
      const out = freshDir();
      const run = await runCli(['run', scenario, '--draws', String(draws), '--out', out, '--quiet', ...(seed ? ['--seed', String(seed)] : [])]);
      expect(withoutProgress(run.stderr)).toBe('');
      expect(run.code).toBe(0);
      const row = readCsv(out, 'targets.csv').rows.find((r) => r.target === 'bj-infosoft-revenue-2027')!;
      return { p: Number(row.probabilityMet), se: Number(row.probabilityMetSe) };
    };
    // Same draws and seed: the very run solve made.
    const same = await probabilityIn();
    expect(same.p).toBe(achieved);
    expect(same.p).toBeGreaterThanOrEqual(wanted);
    expect(same.p - wanted).toBeLessThanOrEqual(same.se + 1 / draws);
    // Fresh random numbers: the probability is the wanted one within Monte Carlo error
    // (the solved value's own error and the new run's, √2 · se, three times).
    const fresh = await probabilityIn(777);
    expect(Math.abs(fresh.p - wanted)).toBeLessThanOrEqual(3 * Math.SQRT2 * fresh.se + 1 / draws);
  });

  it('rounds the solved value outward to the fewest digits that still meet the probability', () => {
    expect(roundOutward(0.132467, 3, true)).toBe(0.133);
    expect(roundOutward(0.132467, 3, false)).toBe(0.132);
    expect(roundOutward(0.1325, 4, true)).toBe(0.1325);
    expect(roundOutward(2596.1, 2, false)).toBe(2500);
    expect(roundOutward(-0.0417, 2, true)).toBe(-0.041);
  });

  it('solves for a constant too (the growth rate made certain)', () => {
    const { inputs } = loadVariantInputs(projectRoot, 'data', 'scenarios/baseline.yaml', { draws: 1000 });
    const solved = runSolve(inputs, { target: 'bj-infosoft-revenue-2027', probability: 0.5, path: 'infoSoftwareRevenue.growth' });
    expect(solved.override.distribution.dist).toBe('constant');
    expect(Math.abs(solved.probability - 0.5)).toBeLessThanOrEqual(3 * solved.probabilitySe + 1 / 1000);
  });

  it('reports a range that cannot bracket the probability with exit code 2', async () => {
    const { code, stderr } = await runCli([
      'solve', 'scenarios/baseline.yaml', '--target', 'bj-infosoft-revenue-2027', '--probability', '0.99',
      '--vary', 'assumptions.infoSoftwareRevenue.growth.mean', '--range=-0.5:-0.4', '--draws', '300',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('assumptions.infoSoftwareRevenue.growth.mean must bracket probability 0.99 between -0.5');
  });

  it('refuses an unknown target and a probability outside (0, 1)', async () => {
    const unknown = await runCli(['solve', 'scenarios/baseline.yaml', '--target', 'nope', '--vary', 'infoSoftwareRevenue.growth.mean', '--draws', '100']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--target must name a target the scenario judges (');
    const p = await runCli(['solve', 'scenarios/baseline.yaml', '--target', 'bj-infosoft-revenue-2027', '--probability', '1.2', '--vary', 'infoSoftwareRevenue.growth.mean']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--probability must be a number strictly between 0 and 1, got 1.2');
  });
});
