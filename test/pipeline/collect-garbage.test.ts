// A full collection on demand (after a large pilot): what it drops is gone once it returns, and what
// it is given to keep keeps the code V8 optimised for it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collect-garbage.js';
import { projectRoot } from '../helpers/project.js';

/** Whether a stream's optimised fillGamma is still attached after collectGarbage, with a stream kept through it or none alive. */
function fillAfterCollection(mode: 'keep' | 'drop'): { before: boolean; after: boolean } {
  const fixture = resolve(projectRoot, 'test/pipeline/fixtures/fill-after-collection.mjs');
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', fixture, mode], { cwd: projectRoot, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { before: boolean; after: boolean };
}

describe('collectGarbage', () => {
  it('collects an unreachable object at once, and can be called again', async () => {
    const made = (): WeakRef<Float64Array> => new WeakRef(new Float64Array(1 << 20));
    const dropped = made();
    // A WeakRef's target is kept through the job that made it: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(dropped.deref()).toBeUndefined();
    const kept = new Float64Array(8);
    collectGarbage();
    expect(kept.length).toBe(8);
  });

  it('leaves the code optimised for an object it keeps, where with no such object alive V8 deoptimises it', () => {
    // The control (`drop`) is V8's behaviour that the run's collection after the pilot works around
    // (src/pipeline/run-scenario.ts keeps its last pilot block through it). Should a later V8 keep
    // maps without objects, the control fails and the workaround is moot.
    expect(fillAfterCollection('keep')).toEqual({ before: true, after: true });
    expect(fillAfterCollection('drop')).toEqual({ before: true, after: false });
  });

  it('after a run\'s pilot, deoptimises none of the simulation\'s code (only the exact summaries\' code, whose objects are gone)', () => {
    // 500,000 draws: a pilot of 5 blocks, 17.7 MB of values for the shipped model, above
    // collectAfterPilotBytes. Without the last pilot block kept through the collection, V8 names the
    // streams' fills, the parameter draws and the laws' starts here (fillGamma, nextFloat, start, …).
    // The inputs come from a content cache filled by a first run: read from files, the YAML parser's
    // code, optimised while it parsed them, is deoptimised there too (its objects are gone), and
    // whether the shared cache was filled depended on which test ran first after a build.
    const out = mkdtempSync(join(tmpdir(), 'forecast-collect-'));
    const env = { ...process.env, FORECAST_CACHE: join(out, 'cache') };
    try {
      const bin = resolve(projectRoot, 'dist/cli/forecast.js');
      const run = (...flags: string[]) =>
        spawnSync(process.execPath, [...flags, bin, 'run', 'scenarios/baseline.yaml', '--draws', '500000', '--threads', '1', '--quiet', '--out', join(out, 'out')], { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(run().status).toBe(0);
      const traced = run('--trace-deopt-verbose');
      expect(traced.status, traced.stderr).toBe(0);
      const deoptimised = [...traced.stdout.matchAll(/marking dependent code .*?SharedFunctionInfo ([\w$]+)>.*reason: weak objects/g)].map((m) => m[1]);
      expect(deoptimised).toContain('add');
      expect(deoptimised.filter((name) => name !== 'add' && name !== 'addSummed')).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
