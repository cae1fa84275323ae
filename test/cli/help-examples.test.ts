// Every example a user is shown runs as shown: the examples of each command's --help, and the command
// lines of the README's and docs/'s code blocks. The solve example named a target the record had
// since decided (bj-ai-core-2025, achieved in 2024), and answered with an error; this test keeps them true.
//
// Each runs in process, in a folder of its own holding a copy of the project's data, models,
// scenarios and schema, so the outputs it writes (out/, /tmp/quick, part-3) land there. Left out: examples that
// need files the project does not ship (a collection under ../shared, the parts of an earlier run,
// a scenario the user is to write) or a shell (variables, globs). Draw counts above 100,000 run at
// 70,000, which still takes the histogram path: the example's form is what is checked, not its size.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { VINTAGE_HINDCAST_DATES } from '../../src/cli/commands/backtest.js';
import { freshDir, projectRoot } from '../helpers/project.js';
import { withoutProgress } from '../helpers/without-progress.js';

const commandsFolder = join(projectRoot, 'src', 'cli', 'commands');

/** The examples given to yargs' `.example(…)` in src/cli/commands/*.ts, template literals filled in. */
function helpExamples(): { where: string; line: string }[] {
  const found: { where: string; line: string }[] = [];
  for (const file of readdirSync(commandsFolder).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(commandsFolder, file), 'utf8');
    for (const [, , line] of text.matchAll(/\.example\((['`])(forecast [^'`]*)\1/g)) {
      found.push({ where: `src/cli/commands/${file}`, line: line.replace("${VINTAGE_HINDCAST_DATES.join(',')}", VINTAGE_HINDCAST_DATES.join(',')) });
    }
  }
  return found;
}

/** The lines of fenced code blocks that run the CLI (`forecast …`, `npx forecast …`, joined by `&&`), comments cut. */
function docExamples(): { where: string; line: string }[] {
  const files = ['README.md', ...readdirSync(join(projectRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
  const found: { where: string; line: string }[] = [];
  for (const file of files) {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    for (const [, block] of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
      for (const raw of block.split('\n')) {
        const line = raw.replace(/\s+#.*$/, '').trim();
        const parts = line.split('&&').map((part) => part.trim().replace(/^npx /, ''));
        if (parts.every((part) => part.startsWith('forecast '))) found.push({ where: file, line });
      }
    }
  }
  return found;
}

/** Whether an example can run here: not one that needs files the project does not ship, nor a shell. */
function runsHere(line: string): boolean {
  return !(
    line.includes('../shared') || // a collection outside the project
    /\bmerge\b/.test(line) || // the parts of an earlier run
    line.includes('my-case.yaml') || // a scenario the user writes
    /[$*{}"]/.test(line) // a shell line: variables, globs, quoting
  );
}

/**
 * The commands of an example line (several when joined by `&&`), each as the CLI's arguments: draw
 * counts above 100,000 brought down to 70,000, an absolute --out (/tmp/quick) moved into `folder`;
 * and the file a `> file` redirect sends its standard output to (`forecast design`).
 */
function commandsOf(line: string, folder: string): { args: string[]; stdoutTo?: string }[] {
  return line.split('&&').map((command) => {
    const [run, redirect] = command.split('>').map((part) => part.trim());
    const words = run.replace(/^npx /, '').split(/\s+/).slice(1);
    const args = words.map((word, i) => {
      if (words[i - 1] === '--draws' && Number(word) > 100_000) return '70000';
      if (words[i - 1] === '--out' && word.startsWith('/')) return join(folder, word.slice(1));
      return word;
    });
    return redirect === undefined ? { args } : { args, stdoutTo: join(folder, redirect) };
  });
}

/** What an example needs run first: the report's tornado charts read `forecast sensitivity`'s file. */
function prerequisitesOf(line: string): string[][] {
  return line.includes('--sensitivity out/sensitivity.csv') && !line.includes('forecast sensitivity')
    ? [['sensitivity', 'scenarios/baseline.yaml', '--draws', '2000', '--out', 'out']]
    : [];
}

/** A folder that looks like the project to the CLI: a copy of its data, models and scenarios (links would lead outside it, which the CLI refuses). */
function projectCopy(): string {
  const folder = freshDir('forecast-examples-');
  for (const name of ['data', 'models', 'scenarios', 'schema']) cpSync(join(projectRoot, name), join(folder, name), { recursive: true });
  return folder;
}

const examples = [...helpExamples(), ...docExamples()];
const runnable = examples.filter((e) => runsHere(e.line));

describe('the examples users are shown', () => {
  it('are found: every command has --help examples, the docs show some, and few are left out', () => {
    expect(helpExamples().length).toBeGreaterThanOrEqual(20);
    expect(docExamples().length).toBeGreaterThanOrEqual(15);
    expect(examples.length - runnable.length).toBeLessThanOrEqual(12);
  });

  for (const { where, line } of runnable) {
    it(`${where}: ${line}`, async () => {
      const folder = projectCopy();
      const commands: { args: string[]; stdoutTo?: string }[] = [...prerequisitesOf(line).map((args) => ({ args })), ...commandsOf(line, folder)];
      for (const { args, stdoutTo } of commands) {
        const io = memoryIo(folder);
        const code = await main(args, io);
        expect(withoutProgress(io.err.join('')), `forecast ${args.join(' ')}`).toBe('');
        expect(code, `forecast ${args.join(' ')}`).toBe(0);
        if (stdoutTo !== undefined) writeFileSync(stdoutTo, io.out.join(''));
      }
    }, 60_000);
  }
});
