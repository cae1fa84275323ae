// docs/notebooks.md: every pandas snippet is run against real output files, written by the CLI.
//
// The pandas block runs under the first Python found that imports pandas ($PYTHON, python3,
// /usr/bin/python3 — Debian's python3-pandas, which .ci/run installs). Without one the test is
// skipped locally and fails under CI. The R block likewise runs under Rscript with readr, dplyr and
// tidyr (Debian's r-cran-* packages, which .ci/run installs): skipped locally without them, a failure
// under CI. The pyam block runs only where pyam is installed (PyPI only: not in CI; the doc says so).
// The Observable block runs everywhere: FileAttachment(…).csv({typed: true}) is d3-dsv's csvParse
// with autoType, and Plot renders into linkedom's document.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { autoType, csvParse } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';

const doc = readFileSync(join(projectRoot, 'docs', 'notebooks.md'), 'utf8');

/** The fenced blocks of one language, in order. */
function blocks(language: string): string[] {
  const pattern = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  return [...doc.matchAll(pattern)].map((m) => m[1]);
}

function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0;
}

const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find((p) => p && works(p, ['-c', 'import pandas']));
const pyam = python && works(python, ['-c', 'import pyam']);
const rscript = works('Rscript', ['-e', 'library(readr); library(dplyr); library(tidyr)']);

/** The folder the snippets read: every output file of docs/notebooks.md's table, from the shipped scenarios. */
let work = '';

beforeAll(async () => {
  work = freshDir('forecast-notebooks-');
  const out = join(work, 'out');
  mkdirSync(out);
  const scenarios = ['scenarios/baseline.yaml', 'scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml'];
  const commands = [
    ['run', ...scenarios, '--draws', '400', '--format', 'iamc', '--export-draws', '5'],
    ['compare', ...scenarios, '--draws', '400'],
    ['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%:20%:5%', '--draws', '300', '--threads', '1'],
    ['sensitivity', 'scenarios/baseline.yaml', '--draws', '200', '--threads', '1'],
  ];
  // The design's sweep goes to a folder of its own (its sweep.csv would replace the grid's).
  const design = ['sweep', 'scenarios/baseline.yaml', '--design', 'scenarios/designs/lhs-40.csv', '--draws', '300', '--threads', '1'];
  for (const [args, folder] of [...commands.map((args) => [args, out] as const), [design, join(work, 'lhs')] as const]) {
    const io = memoryIo(projectRoot);
    const code = await main([...args, '--out', folder, '--quiet'], io);
    expect(io.err.join(''), args[0]).toBe('');
    expect(code, args[0]).toBe(0);
  }
}, 120_000);

/**
 * Appended to each Python block: every data frame the snippet made has rows, and every pivoted
 * frame holds one value per cell (the recipes use pivot, which refuses duplicate keys; the check
 * re-counts the raw rows behind fan and verdicts).
 */
const pythonCheck = `
import pandas as _pd
_frames = {k: v for k, v in list(globals().items()) if isinstance(v, (_pd.DataFrame, _pd.Series)) and not k.startswith('_')}
assert _frames, "the snippet made no data frame"
for _k, _v in _frames.items():
    assert len(_v) > 0, f"{_k} is empty"
assert not proj.duplicated(["model", "scenario", "variable", "year", "kind"]).any(), "projections.csv repeats a key"
assert not targets.duplicated(["scenario", "target"]).any(), "targets.csv repeats a key"
assert ai.groupby(["year", "scenario"]).size().max() == 1, "fan averages several rows in a cell"
print("frames:", ", ".join(f"{k} {getattr(v, 'shape', len(v))}" for k, v in sorted(_frames.items())))
`;

describe('docs/notebooks.md', () => {
  it('has pandas, R and pyam snippets', () => {
    expect(blocks('python').some((b) => b.includes('import pandas'))).toBe(true);
    expect(blocks('python').some((b) => b.includes('import pyam'))).toBe(true);
    expect(blocks('r').length).toBeGreaterThan(0);
  });

  it.skipIf(!python && !process.env.CI)('runs every pandas snippet against real output files', () => {
    expect(python, 'no Python with pandas: apt-get install python3-pandas (CI installs it)').toBeDefined();
    for (const block of blocks('python').filter((b) => !b.includes('import pyam'))) {
      const file = join(work, 'snippet.py');
      writeFileSync(file, block + pythonCheck);
      const result = spawnSync(python!, [file], { cwd: work, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // Every frame the snippet names was built and has rows.
      for (const name of ['proj', 'fan', 'history', 'targets', 'verdicts', 'projected', 'record', 'iamc_long', 'names', 'paths', 'compare', 'changed', 'curve', 'top', 'lhs', 'moved', 'importance', 'effects', 'strongest']) {
        expect(result.stdout).toMatch(new RegExp(`\\b${name} \\(`));
      }
    }
  });

  it('runs the Observable block: every array it builds has rows and every chart draws its marks', async () => {
    const [block, ...more] = blocks('js');
    expect(block).toBeDefined();
    expect(more).toEqual([]);
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    // linkedom has no canvas; Plot paints a continuous legend's ramp on one (a browser has it), so a
    // canvas whose context draws nothing stands in.
    const createElement = document.createElement.bind(document);
    document.createElement = ((name: string) => {
      const element = createElement(name);
      if (name.toLowerCase() === 'canvas') Object.assign(element, { getContext: () => ({ fillRect: () => undefined, fillStyle: '' }), toDataURL: () => 'data:,' });
      return element;
    }) as typeof document.createElement;
    const read = (name: string) => readFileSync(join(work, name), 'utf8');
    const FileAttachment = (name: string) => ({ csv: async ({ typed = false } = {}) => (typed ? csvParse(read(name), autoType) : csvParse(read(name))) });
    const plot = { ...Plot, plot: (options: Plot.PlotOptions) => Plot.plot({ ...options, document: document as unknown as Plot.PlotOptions['document'] }) };
    const names = [...block.matchAll(/^const (\w+) =/gm)].map((m) => m[1]);
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Record<string, unknown>>;
    const made = await new AsyncFunction('FileAttachment', 'Plot', `${block}\nreturn { ${names.join(', ')} };`)(FileAttachment, plot);
    expect(names).toEqual(['proj', 'targets', 'sweep', 'ai', 'fanChart', 'projected', 'verdictChart', 'curve', 'sweepChart', 'effects', 'effectsChart']);
    for (const name of names.filter((n) => !n.endsWith('Chart'))) expect((made[name] as unknown[]).length, name).toBeGreaterThan(0);
    const html = (name: string) => (made[name] as { outerHTML: string }).outerHTML;
    const count = (text: string, tag: string) => text.split(`<${tag}`).length - 1;
    const ai = made.ai as { scenario: string; year: unknown }[];
    expect(typeof ai[0].year).toBe('number');
    // The fan: an area and a line a scenario; the verdicts: a dot a projected target and scenario; the sweep: a rule a variant.
    expect(count(html('fanChart'), 'path')).toBeGreaterThanOrEqual(2 * new Set(ai.map((d) => d.scenario)).size);
    expect(count(html('verdictChart'), 'circle')).toBe((made.projected as unknown[]).length);
    expect(count(html('sweepChart'), 'line')).toBeGreaterThanOrEqual((made.curve as unknown[]).length);
    // What moves each target: a cell a target and path with a coefficient.
    expect(count(html('effectsChart'), 'rect')).toBeGreaterThanOrEqual((made.effects as unknown[]).length);
  });

  it('types every column of every file one way under d3.autoType, but the two the doc names', () => {
    const mixed: string[] = [];
    for (const folder of ['out', 'lhs']) {
      for (const file of readdirSync(join(work, folder)).filter((f) => f.endsWith('.csv'))) {
        const parsed = csvParse(readFileSync(join(work, folder, file), 'utf8'), autoType);
        const rows = parsed as unknown as Record<string, unknown>[];
        for (const column of parsed.columns) {
          const types = new Set(rows.flatMap((row) => (row[column] === null ? [] : [row[column] instanceof Date ? 'date' : typeof row[column]])));
          if (types.size > 1) mixed.push(`${file} ${column}`);
        }
      }
    }
    expect([...new Set(mixed)].sort()).toEqual(['compare-assumptions.csv value', 'record.csv window']);
  });

  it.skipIf(!pyam)('runs the pyam snippet', () => {
    for (const block of blocks('python').filter((b) => b.includes('import pyam'))) {
      const file = join(work, 'snippet-pyam.py');
      writeFileSync(file, 'import matplotlib\nmatplotlib.use("Agg")\n' + block);
      const result = spawnSync(python!, [file], { cwd: work, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
  });

  it.skipIf(!rscript && !process.env.CI)('runs the R snippet', () => {
    expect(rscript, 'no Rscript with readr, dplyr and tidyr: apt-get install r-base-core r-cran-readr r-cran-dplyr r-cran-tidyr (CI installs them)').toBe(true);
    for (const block of blocks('r')) {
      const file = join(work, 'snippet.R');
      writeFileSync(file, block);
      const result = spawnSync('Rscript', [file], { cwd: work, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
  });
});
