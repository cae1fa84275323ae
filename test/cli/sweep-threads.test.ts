// Worker threads load compiled JavaScript, so this test builds the project and runs the compiled CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeProject } from '../helpers/probe-project.js';
import { freshDir, projectRoot } from '../helpers/project.js';

const bin = join(projectRoot, 'dist', 'src', 'cli', 'bin.js');

function forecast(args: string[], cwd = projectRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  try {
    execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere still emit JavaScript; the checks below fail if the build is unusable.
  }
}, 180_000);

describe('worker threads (compiled build)', () => {
  it('ships the worker scripts beside their pools', () => {
    expect(existsSync(join(projectRoot, 'dist', 'src', 'planner', 'variant-worker.js'))).toBe(true);
    expect(existsSync(join(projectRoot, 'dist', 'src', 'pipeline', 'engine-worker.js'))).toBe(true);
    expect(existsSync(join(projectRoot, 'dist', 'cli', 'engine-worker.js'))).toBe(true);
  });

  it('run writes identical files with 1 and 2 threads (blocks shared out over the engine pool)', () => {
    // 400,000 draws × the model's 70 variable-years is past parallelMinimumWork: two threads share the blocks.
    const [one, two] = [freshDir(), freshDir()];
    const args = ['run', 'scenarios/pessimistic.yaml', '--draws', '400000', '--quiet'];
    const first = forecast([...args, '--threads', '1', '--out', one]);
    const second = forecast([...args, '--threads', '2', '--out', two]);
    expect([first.code, second.code]).toEqual([0, 0]);
    for (const file of ['projections.csv', 'targets.csv', 'first-passage.csv']) {
      expect(readFileSync(join(two, file)), file).toEqual(readFileSync(join(one, file)));
    }
  });

  it('shards run on two threads merge to the files of the whole run on one thread', () => {
    // Each shard of 200,000 draws is past parallelMinimumWork: its blocks are shared out over two threads.
    const [whole, first, second, merged] = [freshDir(), freshDir(), freshDir(), freshDir()];
    const args = ['run', 'scenarios/baseline.yaml', '--draws', '400000', '--quiet'];
    expect(forecast([...args, '--threads', '1', '--out', whole]).code).toBe(0);
    expect(forecast([...args, '--threads', '2', '--shard', '0/2', '--out', first]).code).toBe(0);
    expect(forecast([...args, '--threads', '2', '--shard', '1/2', '--out', second]).code).toBe(0);
    const merge = forecast(['merge', first, second, '--quiet', '--out', merged]);
    expect(merge.stderr).toBe('');
    for (const file of ['projections.csv', 'targets.csv', 'first-passage.csv']) {
      expect(readFileSync(join(merged, file)), file).toEqual(readFileSync(join(whole, file)));
    }
  });

  it('runScenarioInParallel (compiled, forced onto two threads) returns exactly runScenario\'s result', async () => {
    const dist = (path: string) => import(pathToFileURL(join(projectRoot, 'dist', path)).href);
    const { loadRunInputs } = await dist('src/io/load-run-inputs.js');
    const { runScenario } = await dist('src/pipeline/run-scenario.js');
    const { runScenarioInParallel } = await dist('src/pipeline/run-scenario-in-parallel.js');
    const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'optimistic.yaml')]);
    const { scenario, model } = inputs.scenarios[0];
    const single = runScenario(model, inputs.data, scenario, { draws: 3000 });
    const parallel = await runScenarioInParallel(model, inputs.data, scenario, { draws: 3000, threads: 2, force: true });
    expect(parallel.summaries).toEqual(single.summaries);
    expect(parallel.targets).toEqual(single.targets);
    expect(parallel.skippedTargets).toEqual(single.skippedTargets);
  });

  it('histogram summaries (past 65,536 draws) on two and three threads give runScenario\'s result', async () => {
    const dist = (path: string) => import(pathToFileURL(join(projectRoot, 'dist', path)).href);
    const { loadRunInputs } = await dist('src/io/load-run-inputs.js');
    const { runScenario } = await dist('src/pipeline/run-scenario.js');
    const { runScenarioInParallel } = await dist('src/pipeline/run-scenario-in-parallel.js');
    const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
    const { scenario, model } = inputs.scenarios[0];
    const single = runScenario(model, inputs.data, scenario, { draws: 70_000 });
    for (const threads of [2, 3]) {
      const parallel = await runScenarioInParallel(model, inputs.data, scenario, { draws: 70_000, threads, force: true });
      expect(parallel.summaries, `${threads} threads`).toEqual(single.summaries);
      expect(parallel.targets, `${threads} threads`).toEqual(single.targets);
    }
  }, 120_000);

  it('a scenario with a shared driver gives runScenario\'s result on several threads (each block draws its driver from its own streams)', async () => {
    const dist = (path: string) => import(pathToFileURL(join(projectRoot, 'dist', path)).href);
    const { loadRunInputs } = await dist('src/io/load-run-inputs.js');
    const { runScenario } = await dist('src/pipeline/run-scenario.js');
    const { runScenarioInParallel } = await dist('src/pipeline/run-scenario-in-parallel.js');
    const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'test', 'fixtures', 'valid', 'driver.yaml')]);
    const { scenario, model } = inputs.scenarios[0];
    const single = runScenario(model, inputs.data, scenario, { draws: 20_000 });
    const parallel = await runScenarioInParallel(model, inputs.data, scenario, { draws: 20_000, threads: 3, force: true });
    expect(parallel.summaries).toEqual(single.summaries);
    expect(parallel.targets).toEqual(single.targets);
  });

  /** Runs `forecast <args>` on one and on two threads: both succeed, silently, with the same sweep.csv and sweep-effects.csv. */
  function expectSameSweepOnOneAndTwoThreads(args: string[]): void {
    const [one, two] = [freshDir(), freshDir()];
    const first = forecast([...args, '--threads', '1', '--out', one]);
    const second = forecast([...args, '--threads', '2', '--out', two]);
    expect(first.stderr).toBe('');
    expect(second.stderr).toBe('');
    expect([first.code, second.code]).toEqual([0, 0]);
    for (const file of ['sweep.csv', 'sweep-effects.csv']) expect(readFileSync(join(two, file))).toEqual(readFileSync(join(one, file)));
  }

  it('sweep writes identical files with 1 and 2 threads', () => {
    expectSameSweepOnOneAndTwoThreads(['sweep', 'scenarios/optimistic.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%:20%:2.5%', '--draws', '1500', '--quiet']);
  });

  it('sweep writes identical files with 1 and 2 threads past 65,536 draws, where each thread finds its last variant\'s layouts again', () => {
    // One thread lays out variant 1 and finds most layouts of variants 2–4 again; two threads each
    // lay out their first variant and find the layouts of the one before only for their second.
    expectSameSweepOnOneAndTwoThreads(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%,14%,18%,22%', '--draws', '70000', '--quiet']);
  });

  it('sensitivity writes identical files with 1 and 2 threads', () => {
    const [one, two] = [freshDir(), freshDir()];
    const args = ['sensitivity', 'scenarios/baseline.yaml', '--draws', '400', '--quiet'];
    const first = forecast([...args, '--threads', '1', '--out', one]);
    const second = forecast([...args, '--threads', '2', '--out', two]);
    expect(first.stderr).toBe('');
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(readFileSync(join(two, 'sensitivity.csv'))).toEqual(readFileSync(join(one, 'sensitivity.csv')));
  });

  it.each([
    // NaN in every variant, in a variable the unicorns' rate does not reach: the first variant, which
    // simulates every variable, refuses it; the others leave it out (docs/planner.md).
    ['sqrt(0 - aiCoreIndustry) * radiatingMultiplier', 'assumptions.newAiUnicorns.mean=2,3,4,5'],
    // NaN made by the variants' own override (a multiplier below 3), from the second variant on.
    ['sqrt(radiatingMultiplier - 3) * aiCoreIndustry', 'assumptions.aiRadiatingIndustry.radiatingMultiplier=4,2,1,5'],
  ])('a formula no target reads giving NaN (%s) stops a sweep on two threads with the error of one thread', (formula, vary) => {
    const project = probeProject(formula);
    const args = ['sweep', 'scenarios/probe.yaml', '--vary', vary, '--draws', '200', '--quiet'];
    const one = forecast([...args, '--threads', '1', '--out', freshDir()], project);
    const two = forecast([...args, '--threads', '2', '--out', freshDir()], project);
    expect([one.code, two.code]).toEqual([2, 2]);
    expect(one.stderr).toMatch(/^models\/probe\.yaml:\d+:\d+ {2}error {2}variables\.aiRadiatingIndustry\.formula must give a finite number in every draw, got NaN in 200 of 200 draws in 2026/m);
    expect(two.stderr).toBe(one.stderr);
  });

  it('refuses a variant whose distribution would be invalid, before running anything (exit code 2)', () => {
    const out = freshDir();
    const result = forecast(['sweep', 'scenarios/baseline.yaml', '--vary', 'aiRadiatingIndustry.radiatingMultiplier.mode=1,5', '--draws', '100', '--threads', '2', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('aiRadiatingIndustry.radiatingMultiplier.mode must give a distribution with min ≤ mode ≤ max');
  });
});
