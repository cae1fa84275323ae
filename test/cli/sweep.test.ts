import { join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sweepColumns } from '../../src/output/sweep-table.js';
import { sweepEffectColumns } from '../../src/output/sweep-effects-table.js';
import { formatNumber } from '../../src/io/format-number.js';
import { partialRankCorrelations } from '../../src/planner/partial-rank-correlation.js';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';
import { printedVariantsAtMost } from '../../src/cli/sweep-view.js';

const growthMean = 'assumptions.aiCoreIndustry.growth.mean';

describe('forecast sweep', () => {
  it('runs one variant per value and writes every target of each', async () => {
    const out = freshDir();
    const { code, stderr, stdout } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=5%:25%:10%`, '--draws', '1000', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('3 variants');
    // The table's columns are the targets whose verdict differs between variants; the others are listed once.
    expect(stdout).toMatch(/^ +# +assumptions\.aiCoreIndustry\.growth\.mean +T\d+ +T\d+/m);
    expect(stdout).toMatch(/^ +T\d+ = bj-ai-industry-2026$/m);
    expect(stdout).not.toMatch(/^ +T\d+ = bj-ai-unicorns-2027$/m);
    expect(stdout).toMatch(/the same in every variant: .*T\d+ bj-ai-unicorns-2027 \d+%/s);
    expect(stdout).toMatch(/^ +T\d+ bj-ai-industry-2026 +P\(met\) ≥?\d+%–≥?\d+% +R² 1\.00 +assumptions\.aiCoreIndustry\.growth\.mean \+1\.00$/m);
    const { header, rows } = readCsv(out, 'sweep.csv');
    expect(header).toEqual(sweepColumns([growthMean]));
    const core = rows.filter((r) => r.target === 'bj-ai-industry-2026');
    expect(core.map((r) => [r.variant, r[growthMean]])).toEqual([['1', '0.05'], ['2', '0.15'], ['3', '0.25']]);
    // Common random numbers: a higher growth mean never lowers the chance of reaching a level.
    const p = core.map((r) => Number(r.probabilityMet));
    expect(p[0]).toBeLessThanOrEqual(p[1]);
    expect(p[1]).toBeLessThanOrEqual(p[2]);
    expect(p[2]).toBeGreaterThan(p[0]);
  });

  it('writes what moves each target: the partial rank correlation of its P(met) and median with each path, as recomputed from sweep.csv', async () => {
    const out = freshDir();
    const unicornsMean = 'assumptions.newAiUnicorns.mean';
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=8%,14%,20%`, '--vary', `${unicornsMean}=3,6,9`, '--draws', '800', '--quiet', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const effects = readCsv(out, 'sweep-effects.csv');
    expect(effects.header).toEqual([...sweepEffectColumns]);
    const of = (target: string) => effects.rows.filter((r) => r.target === target);
    // The AI industry of 2026 moves with the AI core's growth alone: ρ = 1, and the unicorns have no effect of their own.
    expect(of('bj-ai-industry-2026').map((r) => [r.rank, r.path, r.prcc, r.probabilityMetBound])).toEqual([['1', growthMean, '1', 'lower'], ['2', unicornsMean, '', 'lower']]);
    expect(of('bj-ai-industry-2026')[1].note).toBe('no effect of its own: the other paths explain the target exactly');
    // A target the record decides has no rows; one no path moves says so.
    expect(of('bj-ai-core-2025')).toEqual([]);
    expect(of('cn-software-revenue-2025').map((r) => r.note)).toEqual(['the same in every variant', 'the same in every variant']);
    // Every coefficient is the one sweep.csv's own numbers give.
    const sweep = readCsv(out, 'sweep.csv').rows;
    for (const row of effects.rows) {
      const variants = sweep.filter((r) => r.target === row.target);
      const inputs = [growthMean, unicornsMean].map((path) => variants.map((r) => Number(r[path])));
      const expected = partialRankCorrelations(inputs, variants.map((r) => Number(r.probabilityMet)))[row.path === growthMean ? 0 : 1];
      const expectedMedian = partialRankCorrelations(inputs, variants.map((r) => Number(r.p50)))[row.path === growthMean ? 0 : 1];
      expect(row.variants).toBe('9');
      // sweep.csv's P(met)s (k/800) and values are exact at 8 digits, so the ranks and coefficients are the same.
      expect(row.prcc).toBe(formatNumber(expected.coefficient));
      expect(row.pValue).toBe(formatNumber(expected.pValue));
      expect(row.prccP50).toBe(formatNumber(expectedMedian.coefficient));
      expect(Number(row.probabilityMax)).toBe(Math.max(...variants.map((r) => Number(r.probabilityMet))));
    }
    const unicorns = of('bj-ai-unicorns-2027');
    expect(unicorns[0].path).toBe(unicornsMean);
    expect(Number(unicorns[0].prcc)).toBeGreaterThan(0.9);
    expect(Number(unicorns[0].pValue)).toBeLessThan(0.05);
  });

  it(`prints no row per variant past ${printedVariantsAtMost} variants, only what moves each target`, async () => {
    const out = freshDir();
    const { code, stdout } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=5%:25%:0.2%`, '--draws', '100', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(`(a row for each of the 101 variants is in sweep.csv; the table shows up to ${printedVariantsAtMost})`);
    expect(stdout).not.toMatch(/^ +# /m);
    expect(stdout).toMatch(/^ +T\d+ bj-ai-cluster-2030 +P\(met\) ≥\d+%–≥\d+% +R² 1\.00 +assumptions\.aiCoreIndustry\.growth\.mean \+1\.00$/m);
    expect(readCsv(out, 'sweep.csv').rows.filter((r) => r.target === 'bj-ai-cluster-2030')).toHaveLength(101);
  });

  it('--dry-run checks every variant and prints the plan, a shard\'s range with it, and runs and writes nothing', async () => {
    const out = join(freshDir(), 'out');
    const grid = ['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=5%:24.5%:0.5%`, '--vary', 'assumptions.newAiUnicorns.mean=2:14:0.5', '--draws', '100000', '--out', out, '--dry-run'];
    const planned = await runCli([...grid, '--shard', '3/8']);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toBe(
      'baseline: 1000 variants (a grid of 2 paths), 100000 draws each, seed 20240419; every variant checked against the model, nothing run or written\n' +
        '  assumptions.aiCoreIndustry.growth.mean  40 values, 0.05 to 0.245\n' +
        '  assumptions.newAiUnicorns.mean          25 values, 2 to 14\n' +
        '  shard 3 of 8: variants 376–500 (125)\n',
    );
    expect(existsSync(out)).toBe(false);
    // The check is the sweep's own: a value the model refuses is refused here too.
    const refused = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.volatility=0.1,-0.1', '--out', out, '--dry-run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('aiCoreIndustry.volatility must lie in [0, 5]');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a variant outside its law\'s parameter range before running anything (exit code 2)', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.volatility=0.1,-0.1', '--draws', '100', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('aiCoreIndustry.volatility must lie in [0, 5] (the range of compound volatility), got "-0.1"');
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
  });

  it('refuses a bare number where a rate is meant, with the percent it probably means (exit code 2)', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=25`, '--draws', '100', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'command line  error  --vary assumptions.aiCoreIndustry.growth.mean must lie in [-1, 1], the plausible range of compound growth (a rate per year: 0.25 or "25%"), got 25 (did you mean "25%"?)\n\n1 problem found\n',
    );
    // Written as a percent, it is taken as meant.
    expect((await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=25%`, '--draws', '100', '--out', out])).code).toBe(0);
  });

  it('crosses several --vary into a grid, the last changing fastest', async () => {
    const out = freshDir();
    const { code } = await runCli([
      'sweep', 'scenarios/baseline.yaml', '--vary', 'aiCoreIndustry.growth=0.1,0.2', '--vary', 'newAiUnicorns.mean=4,8', '--draws', '300', '--quiet', '--out', out,
    ]);
    expect(code).toBe(0);
    const rows = readCsv(out, 'sweep.csv').rows.filter((r) => r.target === 'bj-ai-unicorns-2025');
    expect(rows.map((r) => [r['aiCoreIndustry.growth'], r['newAiUnicorns.mean']])).toEqual([['0.1', '4'], ['0.1', '8'], ['0.2', '4'], ['0.2', '8']]);
  });

  it('refuses an unknown variable or parameter with exit code 2, naming it', async () => {
    const out = join(freshDir(), 'out');
    const bad = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustri.growth=0.1', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('assumptions.aiCoreIndustri.growth must name a variable of the model');
    expect(bad.stderr).toContain('did you mean "aiCoreIndustry"?');
    const param = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.grwth=0.1', '--out', out]);
    expect(param.code).toBe(2);
    expect(param.stderr).toContain('must name a parameter of the variable');
    const value = await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', 'aiCoreIndustry.growth=abc', '--out', out]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--vary aiCoreIndustry.growth value must be a number or a percent such as "12%", got "abc"');
    expect(existsSync(out)).toBe(false);
  });
});

describe('forecast sweep --design', () => {
  const unicorns = 'assumptions.newAiUnicorns.mean';
  /** A design file in a fresh folder; returns its path. */
  function design(text: string): string {
    const file = join(freshDir(), 'design.csv');
    writeFileSync(file, text);
    return file;
  }

  it('runs the rows of a design as its variants: the grid written out gives the grid\'s sweep.csv, byte for byte, and any order the same results', async () => {
    const grid = ['10%', '15%', '20%'].flatMap((g) => ['4', '6.5'].map((u) => `${g},${u}`));
    const [byGrid, byDesign, reversed] = [freshDir(), freshDir(), freshDir()];
    const common = ['--draws', '1200', '--quiet'];
    expect((await runCli(['sweep', 'scenarios/baseline.yaml', '--vary', `${growthMean}=10%,15%,20%`, '--vary', `${unicorns}=4,6.5`, ...common, '--out', byGrid])).code).toBe(0);
    const inOrder = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', design(`# the 3 × 2 grid\n${growthMean},${unicorns}\n${grid.join('\n')}\n`), ...common, '--out', byDesign]);
    expect(inOrder.stderr).toBe('');
    expect(inOrder.code).toBe(0);
    expect(readFileSync(join(byDesign, 'sweep.csv'))).toEqual(readFileSync(join(byGrid, 'sweep.csv')));
    // Reversed, variant k is the grid's variant 7 − k, with the same numbers: every variant has the
    // sweep's draws and seed, whichever runs first (and checks the others).
    expect((await runCli(['sweep', 'scenarios/baseline.yaml', '--design', design(`${growthMean},${unicorns}\n${[...grid].reverse().join('\n')}\n`), ...common, '--out', reversed])).code).toBe(0);
    const byValues = (folder: string) => {
      const rows = readCsv(folder, 'sweep.csv').rows.map(({ variant, ...rest }) => ({ variant: Number(variant), rest }));
      return rows.map(({ variant, rest }) => ({ variant: variant, key: JSON.stringify(rest) }));
    };
    const forward = byValues(byGrid);
    const backward = byValues(reversed);
    expect(backward.map((r) => r.key).sort()).toEqual(forward.map((r) => r.key).sort());
    for (const row of backward) expect(forward.find((f) => f.key === row.key)!.variant).toBe(7 - row.variant);
  });

  it('reports a value the model refuses at its line and column, every one, before running anything (exit code 2)', async () => {
    const out = join(freshDir(), 'out');
    // 150% is meant as written (a percent); a bare 25 is taken for a slip.
    const file = design(`${growthMean},aiCoreIndustry.volatility\n12%,0.1\n25,0.1\n0.1,-0.2\n150%,0.2\n`);
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', file, '--draws', '100', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        `${file}:3  error  assumptions.aiCoreIndustry.growth.mean must lie in [-1, 1], the plausible range of compound growth (a rate per year: 0.25 or "25%"), got 25 (did you mean "25%"?)`,
        `${file}:4  error  aiCoreIndustry.volatility must lie in [0, 5] (the range of compound volatility), got "-0.2"`,
        '',
        '2 problems found',
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);
    const unknown = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', design(`# header on line 2\naiCoreIndustri.growth.mean\n0.1\n`), '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/design\.csv:2 {2}error {2}aiCoreIndustri\.growth\.mean must name a variable of the model .*\(did you mean "aiCoreIndustry"\?\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('takes either --vary or --design, and refuses a design that is not a readable text file', async () => {
    const out = join(freshDir(), 'out');
    const both = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', design(`${growthMean}\n0.1\n`), '--vary', `${growthMean}=0.1`, '--out', out]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--design must be given without --vary (the design lists every variant), got both');
    const neither = await runCli(['sweep', 'scenarios/baseline.yaml', '--out', out]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('sweep must be given --vary <path>=<values> or --design <file>, got neither');
    const binary = join(freshDir(), 'design.csv');
    writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62, 0x0a]));
    const refused = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', binary, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('file must be a UTF-8 text file, got binary content');
    expect(existsSync(out)).toBe(false);
  });
});
