import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';
import { normaliseNumbers } from '../helpers/normalise-numbers.js';
import { withoutProgress } from '../helpers/without-progress.js';

const scenarios = readdirSync(join(projectRoot, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

async function run(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('forecast run', () => {
  it('writes projections, targets, first passage and a manifest for every shipped scenario', async () => {
    const out = freshDir();
    const { code, stdout, stderr } = await run(['run', '--draws', '4000', '--out', out]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['first-passage.csv', 'manifest.json', 'projections.csv', 'record.csv', 'required.csv', 'targets.csv']);
    for (const scenario of scenarios) expect(stdout).toContain(scenario);
    const targets = readFileSync(join(out, 'targets.csv'), 'utf8');
    for (const scenario of scenarios) expect(targets).toMatch(new RegExp(`^${scenario},bj-ai-core-2027,`, 'm'));
  });

  it('gives byte-identical CSV files when run twice with the same inputs and seed', async () => {
    const first = freshDir();
    const second = freshDir();
    await run(['run', '--draws', '3000', '--quiet', '--out', first]);
    await run(['run', '--draws', '3000', '--quiet', '--out', second]);
    for (const file of ['projections.csv', 'targets.csv', 'first-passage.csv', 'record.csv', 'required.csv']) {
      expect(readFileSync(join(second, file))).toEqual(readFileSync(join(first, file)));
    }
  });

  it.each(scenarios)('matches the golden files for scenario %s', async (scenario) => {
    const out = freshDir();
    const { code } = await run(['run', `scenarios/${scenario}.yaml`, '--draws', '5000', '--quiet', '--out', out]);
    expect(code).toBe(0);
    for (const file of ['projections.csv', 'targets.csv', 'record.csv']) {
      const text = normaliseNumbers(readFileSync(join(out, file), 'utf8'));
      await expect(text).toMatchFileSnapshot(join(projectRoot, 'test', 'golden', scenario, file));
    }
  });

  it('exits 1 under --check when a projected target is likely missed (saying which), and 0 without it', async () => {
    const out = freshDir();
    expect((await run(['run', 'scenarios/pessimistic.yaml', '--draws', '2000', '--quiet', '--out', out])).code).toBe(0);
    const checked = await run(['run', 'scenarios/pessimistic.yaml', '--draws', '2000', '--quiet', '--check', '--out', out]);
    expect(checked.code).toBe(1);
    expect(withoutProgress(checked.stderr)).toMatch(/^check {2}pessimistic: bj-infosoft-revenue-2027 P\(met\) [\d.]+% \((very unlikely|unlikely)\) < 50%$/m);
    // Outcomes on record never fail a check: the unicorn target is achieved in every scenario.
    expect(checked.stderr).not.toContain('bj-ai-unicorns-2025');
  });

  it('rejects bad options with exit code 2 and writes nothing', async () => {
    const out = join(freshDir(), 'out');
    const { code, stderr } = await run(['run', '--draws', '-5', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('--draws must be a whole number from 1 to 10000000, got -5');
    expect(existsSync(out)).toBe(false);
  });

  it('reports a bad scenario file with file:line:col, exit code 2, and leaves earlier outputs untouched', async () => {
    const out = freshDir();
    await run(['run', 'scenarios/baseline.yaml', '--draws', '1000', '--quiet', '--out', out]);
    const before = readFileSync(join(out, 'targets.csv'));
    const { code, stderr } = await run(['run', 'test/fixtures/invalid/scenario-unknown-key.yaml', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/test\/fixtures\/invalid\/scenario-unknown-key\.yaml:\d+:\d+/);
    expect(readFileSync(join(out, 'targets.csv'))).toEqual(before);
  });
});

describe('forecast run: report, notebook outputs, colour', () => {
  it('--report --format iamc --export-draws N writes report.html with its specs, iamc.csv and draws.csv', async () => {
    const out = freshDir();
    const { code, stderr, stdout } = await run(['run', '--draws', '600', '--report', '--format', 'iamc', '--export-draws', '3', '--out', out]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['charts', 'draws.csv', 'first-passage.csv', 'iamc-variables.csv', 'iamc.csv', 'manifest.json', 'projections.csv', 'record.csv', 'report.html', 'required.csv', 'targets.csv']);
    expect(stdout).toMatch(/wrote .*report\.html/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section class="major" id="targets">');
    expect(readdirSync(join(out, 'charts')).some((f) => /^fan-.*\.vl\.json$/.test(f))).toBe(true);

    // IAMC wide: the five index columns, then one column per year, one row per scenario × variable.
    const iamc = readFileSync(join(out, 'iamc.csv'), 'utf8').trimEnd().split('\n');
    const header = iamc[0].split(',');
    expect(header.slice(0, 5)).toEqual(['Model', 'Scenario', 'Region', 'Variable', 'Unit']);
    expect(header.slice(5).every((year) => /^\d{4}$/.test(year))).toBe(true);
    expect(header.at(-1)).toBe('2030');
    expect(iamc.filter((line) => line.startsWith('beijing-digital,baseline,Beijing,Industry Size|AI|Core,亿元,'))).toHaveLength(1);
    expect(iamc.filter((line) => line.startsWith('beijing-digital,baseline,Beijing,Industry Size|AI|Core|p05,亿元,'))).toHaveLength(1);

    // Draws long: the same N draw numbers in every scenario (paths pair across scenarios).
    const draws = readFileSync(join(out, 'draws.csv'), 'utf8').trimEnd().split('\n');
    expect(draws[0]).toBe('scenario,draw,variable,year,value');
    const drawsOf = (scenario: string) => [...new Set(draws.slice(1).filter((l) => l.startsWith(`${scenario},`)).map((l) => l.split(',')[1]))];
    for (const scenario of scenarios) expect(drawsOf(scenario)).toEqual(drawsOf('baseline'));
    expect(drawsOf('baseline')).toHaveLength(3);
  });

  it('colours the verdicts on a terminal, and not when NO_COLOR is set or output is piped', async () => {
    const summary = async (isTTY: boolean, env: Record<string, string | undefined>) => {
      const io = { ...memoryIo(projectRoot, env), isTTY };
      const code = await main(['run', 'scenarios/baseline.yaml', '--draws', '300', '--out', freshDir()], io);
      expect(code).toBe(0);
      return io.out.join('');
    };
    expect(await summary(true, { NO_COLOR: undefined })).toMatch(/\x1b\[\d+m(very likely|likely|as likely as not|unlikely|very unlikely|achieved|unknown)\x1b\[0m/);
    expect(await summary(true, { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(await summary(false, { NO_COLOR: undefined })).not.toContain('\x1b[');
  });
});
