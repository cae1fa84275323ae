// The built CLI with its content cache: a command run cold, warm and with the cache off prints and
// writes the same bytes, which are those of the sources run in process (the bundle loads its YAML and
// CSV parsers through stand-ins: scripts/bundle.mjs). npm test builds dist/cli first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';

const cli = resolve(projectRoot, 'dist/cli/forecast.js');

function forecast(args: readonly string[], cache: string) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, FORECAST_CACHE: cache } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every output file's bytes; the manifest without what differs from run to run (when, how long, where). */
function outputs(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const text = readFileSync(join(folder, name), 'utf8');
    files[name] = name === 'manifest.json' ? text.replace(/"(startedAt|seconds|out)": [^\n]*\n/g, '') : text;
  }
  return files;
}

describe.skipIf(!existsSync(cli))('the built CLI with its content cache', () => {
  it('data and validate print the same, cold, warm and with the cache off', () => {
    const cache = freshDir();
    for (const args of [['data'], ['data', 'bj.ai.core', '--as-of', '2024-04'], ['validate']]) {
      const off = forecast(args, 'off');
      const cold = forecast(args, cache);
      const warm = forecast(args, cache);
      expect(off.code, off.stderr).toBe(0);
      expect(cold).toEqual(off);
      expect(warm).toEqual(off);
    }
    expect(readdirSync(cache).some((name) => name.startsWith('data-set-'))).toBe(true);
    expect(readdirSync(cache).some((name) => name.startsWith('model-spec-'))).toBe(true);
  });

  it('prints what the sources print in process (data, validate, explain, a YAML error)', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'broken.yaml'), 'scenario: broken\nextends: [\n');
    for (const args of [['data'], ['validate'], ['explain', 'scenarios/optimistic.yaml'], ['validate', join(dir, 'broken.yaml')]]) {
      const io = memoryIo(projectRoot);
      const code = await main(args, io);
      expect(forecast(args, 'off')).toEqual({ code, stdout: io.out.join(''), stderr: io.err.join('') });
    }
  });

  it('a run writes the same outputs, cold, warm and with the cache off', () => {
    const cache = freshDir();
    const written = ['off', cache, cache].map((setting) => {
      const out = join(freshDir(), 'out');
      const run = forecast(['run', 'scenarios/baseline.yaml', 'scenarios/plan.yaml', '--draws', '2000', '--quiet', '--out', out], setting);
      expect(run.code, run.stderr).toBe(0);
      return outputs(out);
    });
    expect(written[1]).toEqual(written[0]);
    expect(written[2]).toEqual(written[0]);
  });

});
