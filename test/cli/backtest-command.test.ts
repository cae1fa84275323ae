import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { backtestColumns } from '../../src/backtest/backtest-csv.js';
import { backtestMetricsColumns } from '../../src/backtest/backtest-metrics-csv.js';
import { projectRoot } from '../helpers/project.js';
import { withoutProgress } from '../helpers/without-progress.js';

async function run(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

const csvHeader = (text: string) => text.split('\n')[0];

describe('forecast backtest', () => {
  it('backtests nationalSoftwareRevenue with compound and ensemble: cutoffs 2018–2023, scored rows and the ensemble skipped where history is short', async () => {
    const out = mkdtempSync(join(tmpdir(), 'backtest-'));
    const { code, stdout, stderr } = await run(['backtest', '--variable', 'nationalSoftwareRevenue', '--laws', 'compound,ensemble', '--horizon', '2', '--draws', '200', '--out', out]);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('nationalSoftwareRevenue    compound');
    const backtest = readFileSync(join(out, 'backtest.csv'), 'utf8');
    expect(csvHeader(backtest)).toBe(backtestColumns.join(','));
    const rows = backtest.trimEnd().split('\n').slice(1);
    const compound = rows.filter((line) => line.startsWith('nationalSoftwareRevenue,cn.software.revenue,compound,'));
    // Cutoffs 2018 … 2022 score two years each; 2023 scores 2024 only (FY levels end in 2024). The first
    // cutoff is 2018: three full-year levels (2016, derived from IT services and their share; 2017; 2018).
    expect(compound.map((line) => line.split(',').slice(3, 8).join(' '))).toEqual([
      '2018 2019-04-30 2018 2019 1', '2018 2019-04-30 2018 2020 2',
      '2019 2020-04-30 2019 2020 1', '2019 2020-04-30 2019 2021 2',
      '2020 2021-04-30 2020 2021 1', '2020 2021-04-30 2020 2022 2',
      '2021 2022-04-30 2021 2022 1', '2021 2022-04-30 2021 2023 2',
      '2022 2023-04-30 2022 2023 1', '2022 2023-04-30 2022 2024 2',
      '2023 2024-04-30 2023 2024 1',
    ]);
    expect(rows.filter((line) => line.includes(',ensemble,') && !line.includes('skipped'))).toHaveLength(5);
    expect(rows.filter((line) => line.includes(',ensemble,') && line.includes('skipped: full-year levels must cover at least 6'))).toHaveLength(3);
    const metrics = readFileSync(join(out, 'metrics.csv'), 'utf8');
    expect(csvHeader(metrics)).toBe(backtestMetricsColumns.join(','));
    expect(metrics).toMatch(/^nationalSoftwareRevenue,compound,all,11,6,/m);
    expect(metrics).toMatch(/^all,ensemble,1,3,3,/m);
  });

  it('is deterministic: the same seed writes byte-identical files', async () => {
    const outs = [mkdtempSync(join(tmpdir(), 'backtest-')), mkdtempSync(join(tmpdir(), 'backtest-'))];
    for (const out of outs) await run(['backtest', '--variable', 'nationalSoftwareRevenue', '--laws', 'linear', '--draws', '100', '--quiet', '--out', out]);
    expect(readFileSync(join(outs[0], 'backtest.csv'), 'utf8')).toBe(readFileSync(join(outs[1], 'backtest.csv'), 'utf8'));
  });

  it('never scores a forecast against an actual on another basis of its series (Beijing GDP: the 2023 census revision)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'backtest-'));
    const { code } = await run(['backtest', '--variable', 'beijingGdp', '--laws', 'compound', '--horizon', '2', '--draws', '100', '--quiet', '--out', out]);
    expect(code).toBe(0);
    const rows = readFileSync(join(out, 'backtest.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const scored = rows.filter((line) => line.startsWith('beijingGdp,bj.gdp,compound,')).map((line) => line.split(',').slice(5, 7).join('→'));
    // bases: 2018–2022 and the preliminary 2023 (published 2024) on the 4th census basis; 2023 revised, 2024, 2025 on the 5th
    expect(scored).toEqual(['2019→2020', '2019→2021', '2020→2021', '2020→2022', '2021→2022', '2024→2025']);
    expect(rows.filter((line) => line.includes('not scored: its level and the')).length).toBe(5);
  });

  it('notes variables without enough history in backtest.csv instead of failing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'backtest-'));
    const { code } = await run(['backtest', '--variable', 'infoSoftwareValueAdded', '--laws', 'compound', '--draws', '50', '--quiet', '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'backtest.csv'), 'utf8')).toContain(
      'infoSoftwareValueAdded,,,,,,,,,,,,,,,,,,,,,,,,,"skipped: 2 full-year level(s) of bj.infosoft.va (2020, 2025): a backtest needs at least 3',
    );
  });

  it('rejects an unknown law, a bad horizon and an unknown variable with exit code 2', async () => {
    const law = await run(['backtest', '--laws', 'compund']);
    expect(law.code).toBe(2);
    expect(law.stderr).toContain('--laws must name growth laws (compound, meanReverting, dampedTrend, logistic, gompertz, linear, poisson, negativeBinomial, ensemble), got "compund"');
    const horizon = await run(['backtest', '--horizon', '0']);
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toContain('--horizon must be a whole number from 1 to 20, got 0');
    // A fresh --out: the check of the output folder comes first, and the project's out/ may hold anything.
    const variable = await run(['backtest', '--variable', 'aiRadiatingIndustry', '--draws', '10', '--out', mkdtempSync(join(tmpdir(), 'backtest-'))]);
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('--variable must name a variable of the model with a series (');
  });

  it('--m3 runs the yardstick code on a collection and writes <name>-metrics.csv and <name>-by-length.csv', async () => {
    const out = mkdtempSync(join(tmpdir(), 'backtest-m3-'));
    const { code, stdout } = await run(['backtest', '--m3', 'test/fixtures/m3/m3-yearly-sample.csv', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('law:ensemble');
    expect(stdout).toMatch(/^default: w = [\d.]+ \(chosen on hindcasts inside the training parts\)$/m);
    const csv = readFileSync(join(out, 'm3-yearly-sample-metrics.csv'), 'utf8');
    expect(csvHeader(csv)).toMatch(/^method,series,smape,mase,mase_paper,coverage80,coverage95,/);
    expect(csv).toMatch(/^default,/m);
    expect(csv).toMatch(/^law:compound\+cal,/m);
    expect(readFileSync(join(out, 'm3-yearly-sample-by-length.csv'), 'utf8')).toMatch(/^default,14-19,/m);
  });

  it('--m3 with a missing file is an input error that names the file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'backtest-m3-'));
    const missing = join(folder, 'none.csv');
    const { code, stderr } = await run(['backtest', '--m3', missing, '--out', join(folder, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`the yardstick collection must exist at ${missing}`);
  });

  it('--m3 with a malformed collection is an input error located at the line, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backtest-m3-'));
    const file = join(dir, 'gap.csv');
    writeFileSync(file, 'series_id,category,split,t,value\nA,x,train,1,5\nA,x,train,2,6\nA,x,train,3,x7\nA,x,test,2,8\n');
    const out = join(dir, 'out');
    const { code, stderr } = await run(['backtest', '--m3', file, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('gap.csv:4  error  value must be a finite number, got "x7"');
    expect(stderr).toContain('gap.csv:2  error  t of series A (test) must run 1, 2, 3, … without a gap, got "no row for t = 1"');
    expect(existsSync(out)).toBe(false);
  });
});
