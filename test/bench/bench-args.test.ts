// The bench scripts' command lines (bench/bench-args.ts, bench/read-collection.ts): --help prints the
// usage; an unknown option, a value that cannot be meant or a missing or malformed collection stops
// the script with exit 2 and a located message — never a stack trace, never a run on NaN rounds.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDir, projectRoot } from '../helpers/project.js';

/** Runs a built bench script (`npm test` builds dist/ first). */
function bench(script: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist', 'bench', script), ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('bench scripts: their command lines', () => {
  it('--help prints the usage and exits 0', () => {
    const run = bench('accuracy.js', '--help');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^usage: node dist\/bench\/accuracy\.js .*--holdout-last N/s);
  });

  it.each([
    ['accuracy.js', ['--bogus'], /Unknown option '--bogus'\nusage: /],
    ['accuracy.js', ['--holdout-last', 'abc'], /--holdout-last must be a positive whole number, got "abc"/],
    ['accuracy.js', ['--train-last', '0'], /--train-last must be a positive whole number, got "0"/],
    ['simulate-bench.js', ['--rounds', 'abc'], /--rounds must be a positive whole number, got "abc"/],
    ['simulate-bench.js', ['--sizes', '1000,x'], /--sizes must be a positive whole number, got "x"/],
    ['protocol-evidence.js', ['--benchmarks', '/nonexistent-folder'], /the collection must exist at \/nonexistent-folder\/m3-yearly\.csv/],
    ['band-floor.js', ['--no-such-option'], /Unknown option '--no-such-option'/],
  ])('%s %j: exit 2 with the problem, no stack trace', (script, args, message) => {
    const run = bench(script, ...args);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('a malformed collection: every problem with its file and line, exit 2', () => {
    const folder = freshDir('forecast-bench-');
    const file = join(folder, 'bad.csv');
    writeFileSync(file, 'series_id,category,split,t,value\na,x,train,1,5\na,x,train,2,abc\na,x,test,1,7\n');
    // A fresh --out: the output folder is checked first, and the project's out/ may hold anything.
    const run = bench('accuracy.js', '--collection', file, '--default-only', '--out', join(folder, 'out'));
    expect(run.status).toBe(2);
    expect(run.err).toContain(`${file}:3  error  value must be a finite number, got "abc"`);
    expect(run.err).not.toMatch(/\n\s+at /);
  });
});
