// The reproducers of issue 14, each through the CLI's main() in a scratch copy of the project: exit 2
// with a located message (never 3), no file content echoed, nothing written, limits before the work.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../helpers/project.js';

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'hostile-'));
  for (const folder of ['data', 'models', 'scenarios']) cpSync(join(projectRoot, folder), join(project, folder), { recursive: true });
});

async function forecast(args: string[], files: Record<string, string> = {}) {
  const originals = new Map<string, string | undefined>();
  for (const [name, text] of Object.entries(files)) {
    const path = join(project, name);
    originals.set(path, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    writeFileSync(path, text);
  }
  const io = memoryIo(project);
  const started = performance.now();
  try {
    const code = await main(args, io);
    return { code, stdout: io.out.join(''), stderr: io.err.join(''), seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const [path, text] of originals) {
      if (text !== undefined) writeFileSync(path, text);
      else rmSync(path, { force: true });
    }
  }
}

/** Every problem line names its place: `file:line[:col]`, or a file (or the command line) and a field. */
function expectLocated(stderr: string): void {
  const lines = stderr.split('\n').filter((line) => / {2}error {2}/.test(line));
  expect(lines.length, stderr).toBeGreaterThan(0);
  for (const line of lines) expect(line, stderr).toMatch(/^\S.*? {2}error {2}\S/);
}

const scenario = (body: string) => `scenario: probe\nextends: baseline\ndraws: 200\n${body}`;
const model = (formula: string) => readFileSync(join(projectRoot, 'models', 'beijing.yaml'), 'utf8').replace('formula: aiCoreIndustry * radiatingMultiplier', `formula: ${formula}`);

describe('issue 14 reproducers', () => {
  it.each(['toString', 'valueOf', 'hasOwnProperty', '__proto__', 'constructor', 'isPrototypeOf'])('1. refuses %s(x) in a formula in validate and run alike', async (name) => {
    const files = { 'models/probe.yaml': model(`${name}(aiCoreIndustry) * radiatingMultiplier`), 'scenarios/probe.yaml': scenario('model: ../models/probe.yaml\n') };
    // validate for every name; run (the same checks, then more) for the two the issue saw run.
    for (const command of ['toString', 'constructor'].includes(name) ? ['validate', 'run'] : ['validate']) {
      const { code, stderr } = await forecast([command, 'scenarios/probe.yaml', ...(command === 'run' ? ['--out', 'out'] : [])], files);
      expect(code, stderr).toBe(2);
      expectLocated(stderr);
      expect(stderr).toContain(`got "${name}"`);
    }
  });

  it.each(['/etc/passwd', '/proc/self/environ', '/dev/zero', '/dev/stdin'])('2. refuses model: %s without reading or echoing it', async (path) => {
    const { code, stderr, seconds } = await forecast(['validate', 'scenarios/probe.yaml'], { 'scenarios/probe.yaml': scenario(`model: ${path}\n`) });
    expect(code).toBe(2);
    expectLocated(stderr);
    expect(stderr).not.toMatch(/root:|PATH=|HOME=/);
    expect(seconds).toBeLessThan(30); // /dev/stdin would block forever, /dev/zero fill the memory
  });

  it.each([
    ['passwd', '/etc/passwd'],
    ['zero', '/dev/zero'],
  ])('2. refuses a model that is a link to %s, as outside the project', async (name, target) => {
    const link = join(project, 'models', `${name}.yaml`);
    if (!existsSync(link)) symlinkSync(target, link);
    const { code, stderr } = await forecast(['validate', 'scenarios/probe.yaml'], { 'scenarios/probe.yaml': scenario(`model: ../models/${name}.yaml\n`) });
    expect(code).toBe(2);
    expect(stderr).toContain('it lies outside the project folder');
    expect(stderr).not.toContain('root:');
  });

  it.each([
    ['start: 0', 'assumptions:\n  aiCoreIndustry:\n    start: 0\n'],
    ['volatility: 1e6', 'assumptions:\n  aiCoreIndustry:\n    volatility: 1e6\n'],
    ['an NB mean of 1e308', 'assumptions:\n  newAiUnicorns:\n    mean: 1e308\n'],
  ])('4. refuses %s in validate, before run', async (_, body) => {
    for (const command of ['validate', 'run']) {
      const { code, stderr } = await forecast([command, 'scenarios/probe.yaml', ...(command === 'run' ? ['--out', 'out'] : [])], { 'scenarios/probe.yaml': scenario(body) });
      expect(code, stderr).toBe(2);
      expectLocated(stderr);
    }
  });

  it('4. refuses an observation yoy of 1e300 at its line', async () => {
    const observations = readFileSync(join(projectRoot, 'data', 'observations.csv'), 'utf8');
    const broken = `${observations}bj.ai.core,Beijing,FY,2022,,,1e300,exact,reported,,observed,medium,seed-000,2024-01,x,\n`;
    const { code, stderr } = await forecast(['validate'], { 'data/observations.csv': broken });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^data\/observations\.csv:\d+ {2}error {2}yoyPercent must be greater than -100/m);
  });

  it.each(['sqrt(0 - aiCoreIndustry)', '0 * aiCoreIndustry / 0'])('4. a formula giving NaN (%s) is an input error at the formula, with the year', async (formula) => {
    const files = { 'models/probe.yaml': model(`${formula} * radiatingMultiplier`), 'scenarios/probe.yaml': scenario('model: ../models/probe.yaml\n') };
    const { code, stderr } = await forecast(['run', 'scenarios/probe.yaml', '--out', 'out'], files);
    expect(code, stderr).toBe(2);
    expect(stderr).toMatch(/^models\/probe\.yaml:\d+:\d+ {2}error {2}variables\.aiRadiatingIndustry\.formula must give a finite number in every draw, got NaN in 200 of 200 draws in 2026/m);
    expect(existsSync(join(project, 'out'))).toBe(false);
  });

  it('5. an undefined alias and an alias bomb are located input errors', async () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]\n`;
    for (const text of [scenario('seed: *nothing\n'), scenario(bomb)]) {
      const { code, stderr } = await forecast(['validate', 'scenarios/probe.yaml'], { 'scenarios/probe.yaml': text });
      expect(code).toBe(2);
      expectLocated(stderr);
    }
  });

  it('6. a sweep grid over the limit is refused before it is built, and so is an export too large', async () => {
    const sweep = await forecast(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=0:0.9999:0.0001', '--vary', 'assumptions.aiCoreIndustry.growth.sd=0.0001:0.9999:0.0001', '--out', 'out']);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('--vary must give at most 10000 variants in all, got 99990000');
    const exported = await forecast(['run', '--draws', '100000', '--export-draws', '100000', '--out', 'out']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/--export-draws must give at most 1000000 rows of draws\.csv, got \d+/);
    // Refused before the work: no simulation ran (the issue's runs took 43 s and 140 s and 4.7 GB).
    expect(sweep.seconds + exported.seconds).toBeLessThan(30);
  });

  it('7. 20,000 unknown keys give every problem located, the count, and a bounded message', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `unknown${i}: 1`).join('\n');
    const { code, stderr } = await forecast(['validate', 'scenarios/probe.yaml'], { 'scenarios/probe.yaml': `${scenario('')}${keys}\n` });
    expect(code).toBe(2);
    expect(stderr).toContain('… and 19800 more problems (set FORECAST_LIMIT_PROBLEMS_SHOWN to show more)');
    expect(stderr).toContain('20000 problems found');
    expectLocated(stderr);
  });

  it('7. a deeply nested map in targets.yaml is one located problem, not a 31 MB message', async () => {
    const targets = readFileSync(join(projectRoot, 'data', 'targets.yaml'), 'utf8');
    const { code, stderr } = await forecast(['validate'], { 'data/targets.yaml': `${targets}\n- id: deep\n  label: ${'{ a: '.repeat(200)}1${' }'.repeat(200)}\n` });
    expect(code).toBe(2);
    expectLocated(stderr);
    expect(stderr.length).toBeLessThan(10_000);
  });

  it('9. --out mistakes are input errors (exit 2), never a trace, and --out "" never writes into the project', async () => {
    for (const out of ['', '.', 'data/observations.csv', 'data/observations.csv/x', 'data', '/proc/forecast-out']) {
      const { code, stderr } = await forecast(['run', 'scenarios/baseline.yaml', '--draws', '200', '--quiet', '--out', out]);
      expect(code, `--out ${JSON.stringify(out)}: ${stderr}`).toBe(2);
      expect(stderr).not.toContain('internal error');
      expect(stderr).toMatch(/^command line {2}error {2}--out must /m);
    }
  });

  it('10. every command that writes refuses a mistaken --out before its work: the missing data folder and part files are never reached', async () => {
    // `models` holds the project's model files: not a folder the engine may take over. Were the
    // folder checked only when the outputs are written, each command would first fail on --data
    // (or on merge's missing parts) and never get to --out.
    const scenario = 'scenarios/baseline.yaml';
    const commands = [
      ['run', '--progress'],
      ['run', scenario, '--shard', '0/2'],
      ['merge', 'part-0', 'part-1'],
      ['report', scenario],
      ['compare', scenario, 'scenarios/optimistic.yaml'],
      ['sweep', scenario, '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%:20%:2%', '--progress'],
      ['sensitivity', scenario],
      ['solve', scenario, '--target', 'bj-ai-core-2027', '--probability', '0.8', '--vary', 'assumptions.aiCoreIndustry.growth.mean'],
      ['backtest'],
    ];
    const before = readFileSync(join(project, 'models', 'beijing.yaml'), 'utf8');
    for (const command of commands) {
      const { code, stderr } = await forecast([...command, '--data', 'nowhere', '--out', 'models']);
      expect(code, `${command.join(' ')}: ${stderr}`).toBe(2);
      expect(stderr).toMatch(
        /^command line {2}error {2}--out must name a folder that holds only outputs \(csv, json, html, pdf, png, svg, txt files and charts\/\), got "models" with \d+ other entries \(name an empty or new folder\)\n\n1 problem found\n$/,
      );
    }
    expect(readFileSync(join(project, 'models', 'beijing.yaml'), 'utf8')).toBe(before);
  });
});
