// `forecast run` and `forecast merge` keep their main thread's young generation at V8's starting size
// (src/io/young-generation.ts); the same work through the library (src/index.ts) is the control that
// shows V8 would grow it (to its 16 MB semi-spaces).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/project.js';

const out = mkdtempSync(join(tmpdir(), 'forecast-young-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const bin = resolve(projectRoot, 'dist/cli/forecast.js');
const library = resolve(projectRoot, 'test/cli/fixtures/run-in-process.mjs');
const libraryMerge = resolve(projectRoot, 'test/cli/fixtures/merge-in-process.mjs');
const mb = 1024 * 1024;

/** The main thread's new space (both semi-spaces) at exit, bytes, of `node <args>`. */
function newSpaceAtExit(args: readonly string[]): number {
  const hook = resolve(projectRoot, 'test/cli/fixtures/log-new-space.mjs');
  const run = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--import "${hook}"` } });
  expect(run.status, run.stderr).toBe(0);
  const line = run.stderr.split('\n').find((text) => text.startsWith('new_space '));
  return Number(line?.slice('new_space '.length));
}

/** The same, after the baseline run by `forecast run` or by the library. */
function newSpaceAfterRun(by: 'cli' | 'library', draws: number, threads: number): number {
  return newSpaceAtExit(
    by === 'cli'
      ? [bin, 'run', 'scenarios/baseline.yaml', '--draws', String(draws), '--threads', String(threads), '--quiet', '--out', join(out, 'run')]
      : [library, String(draws), String(threads)],
  );
}

describe('the young generation of forecast run', () => {
  it('stays at its starting 1 MB semi-spaces through a run on one thread, where the library run grows it', () => {
    const kept = newSpaceAfterRun('cli', 20_000, 1);
    expect(kept).toBe(2 * mb);
    expect(newSpaceAfterRun('library', 20_000, 1)).toBeGreaterThanOrEqual(8 * kept);
  });

  it('grows once at most while a worker starts (a worker\'s start sets V8\'s growth factor back)', () => {
    // 200,000 draws is above the work a run needs to share its blocks out (parallelMinimumWork).
    const kept = newSpaceAfterRun('cli', 200_000, 2);
    expect(kept).toBeLessThanOrEqual(4 * mb);
    expect(newSpaceAfterRun('library', 200_000, 2)).toBeGreaterThanOrEqual(16 * mb);
  });

  it('forecast merge keeps it too, where the library merge grows it', () => {
    const parts = [0, 1].map((k) => join(out, `part-${k}`));
    for (const [k, part] of parts.entries()) {
      const shard = spawnSync(process.execPath, [bin, 'run', 'scenarios/baseline.yaml', '--draws', '200000', '--shard', `${k}/2`, '--quiet', '--out', part], { cwd: projectRoot, encoding: 'utf8' });
      expect(shard.status, shard.stderr).toBe(0);
    }
    const kept = newSpaceAtExit([bin, 'merge', ...parts, '--quiet', '--out', join(out, 'merged')]);
    expect(kept).toBe(2 * mb);
    expect(newSpaceAtExit([libraryMerge, ...parts])).toBeGreaterThanOrEqual(8 * kept);
  });
});
