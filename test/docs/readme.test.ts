// The README shows what `npm start` prints: the verdict table is checked against a real run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('every YAML example of the Scenarios section validates against the shipped model and data', async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const section = /### Scenarios\n([\s\S]*?)\n### /.exec(readme)?.[1] ?? '';
    const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const folder = freshDir('forecast-readme-');
    for (const [index, example] of examples.entries()) {
      // `extends: name` means scenarios/name.yaml; an example without one extends the baseline.
      const parent = /^extends: (\S+)/m.exec(example)?.[1] ?? 'baseline';
      const body = example.replace(/^extends: .*\n/m, '').replace(/^scenario: .*\n/m, '');
      const file = join(folder, `example-${index}.yaml`);
      writeFileSync(file, `scenario: readme-example-${index}\nextends: ${join(projectRoot, 'scenarios', `${parent}.yaml`)}\n${body}`);
      const io = memoryIo(projectRoot);
      const code = await main(['validate', file], io);
      expect(io.err.join(''), `README example ${index + 1}:\n${example}`).toBe('');
      expect(code).toBe(0);
    }
  });

  it('every measured figure the bench writes into README.md and docs/ is filled in (npm run bench -- --update-readme)', () => {
    const files = ['README.md', ...readdirSync(join(projectRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
    let regions = 0;
    for (const file of files) {
      const text = readFileSync(join(projectRoot, file), 'utf8');
      for (const [, name, body] of text.matchAll(/<!-- ([a-z-]+):start -->([\s\S]*?)<!-- \1:end -->/g)) {
        regions++;
        expect(body.trim().length, `${file}: ${name}`).toBeGreaterThan(0);
        expect(body, `${file}: ${name}`).not.toMatch(/not measured yet/);
      }
    }
    expect(regions).toBeGreaterThanOrEqual(2);
  });
});
