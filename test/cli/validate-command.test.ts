import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../helpers/project.js';

async function run(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('forecast validate', () => {
  it('accepts the shipped data, models and scenarios', async () => {
    const { code, stdout, stderr } = await run(['validate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: data in data\/, 3 model file\(s\), 6 scenario\(s\) — no problems found/);
  });

  it('reports every problem of a bad model file with file:line:col and a code frame, exit code 2', async () => {
    const { code, stderr } = await run(['validate', 'test/fixtures/invalid/model-unknown-law.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^test\/fixtures\/invalid\/model-unknown-law\.yaml:\d+:\d+  error  .*law must be one of: .*, got "compund" \(did you mean "compound"\?\)/m);
    expect(stderr).toMatch(/\n\s+\d+ \| .*compund\n\s+\| +\^+/);
    expect(stderr).toMatch(/\d+ problems? found\n$/);
  });

  it('reports a missing file as an input error', async () => {
    const { code, stderr } = await run(['validate', 'scenarios/nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('scenarios/nope.yaml');
  });
});
