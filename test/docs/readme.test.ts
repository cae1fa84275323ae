// The README shows what `npm start` prints: the verdict table is checked against a real run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';

describe('README.md', () => {
  it('shows the terminal summary that `forecast run` prints on the shipped data and scenarios', async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const block = /prints a verdict per target:\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the Quick start block after "prints a verdict per target:"').toBeDefined();
    const io = memoryIo(projectRoot);
    expect(await main(['run', '--out', freshDir()], io)).toBe(0);
    const printed = io.out.join('').replace(/^wrote .*\n/m, '');
    expect(block).toBe(printed);
  });
});
