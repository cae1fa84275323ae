// forecast design: a Latin hypercube written as a design file, read back by the sweep's own parser,
// and swept.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointsFromDesign } from '../../src/planner/sweep-points.js';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';

const growth = 'assumptions.aiCoreIndustry.growth.mean';
const unicorns = 'assumptions.newAiUnicorns.mean';
const design = (...args: string[]) => runCli(['design', '--vary', `${growth}=5%:30%`, '--vary', `${unicorns}=2:14`, ...args]);

describe('forecast design', () => {
  it('writes a design the sweep reads: one variant in each stratum of each range, percents as percents, its provenance in comments', async () => {
    const { code, stdout, stderr } = await design('--points', '40', '--seed', '2026');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`# Made by: forecast design --vary ${growth}=5%:30% --vary ${unicorns}=2:14 --points 40 --seed 2026\n`);
    expect(stdout).toMatch(/^# with one variant in each, the strata paired to keep the columns' rank correlations low \(largest \|ρ\|\n# 0\.00\d\d;/m);
    const points = pointsFromDesign('design.csv', stdout);
    expect(points.paths).toEqual([growth, unicorns]);
    expect(points.rows).toHaveLength(40);
    const body = stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#')).slice(1);
    expect(body.every((line) => /^\d+\.\d+%,\d+\.\d+$/.test(line))).toBe(true);
    for (const [j, [low, high]] of [[0.05, 0.3], [2, 14]].entries()) {
      const strata = points.rows.map((row) => Math.floor(((row[j] - low) / (high - low)) * 40)).sort((a, b) => a - b);
      expect(strata, points.paths[j]).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(points.percent(0, j)).toBe(j === 0);
    }
    expect((await design('--points', '40', '--seed', '2026')).stdout).toBe(stdout);
    expect((await design('--points', '40', '--seed', '2027')).stdout).not.toBe(stdout);
  });

  it('writes ranges below zero as numbers the sweep reads (never as text a spreadsheet guard would prefix)', async () => {
    const { code, stdout } = await runCli(['design', '--vary', `${growth}=-5%:5%`, '--vary', 'assumptions.beijingGdp.growth.mean=-0.02:0.03', '--points', '20']);
    expect(code).toBe(0);
    const points = pointsFromDesign('design.csv', stdout);
    expect(points.rows.some((row) => row[0] < 0 && row[1] < 0)).toBe(true);
    for (const row of points.rows) {
      expect(row[0]).toBeGreaterThan(-0.05);
      expect(row[0]).toBeLessThan(0.05);
      expect(row[1]).toBeGreaterThan(-0.02);
      expect(row[1]).toBeLessThan(0.03);
    }
    expect(stdout.split('\n').filter((line) => !line.startsWith('#')).join('\n')).not.toContain("'");
  });

  it('gives forecast sweep --design its variants, one row of sweep.csv each', async () => {
    const folder = freshDir();
    const file = join(folder, 'design.csv');
    writeFileSync(file, (await design('--points', '5')).stdout);
    const out = join(folder, 'out');
    const swept = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', file, '--draws', '300', '--quiet', '--out', out]);
    expect(swept.stderr).toBe('');
    expect(swept.code).toBe(0);
    const { rows } = readCsv(out, 'sweep.csv');
    expect(new Set(rows.map((row) => row.variant))).toEqual(new Set(['1', '2', '3', '4', '5']));
  });

  it('refuses a range, a count, a path or a seed it cannot use: exit 2, at the command line, nothing written', async () => {
    const refusals: [string[], string][] = [
      [['design', '--vary', `${growth}=5%`, '--points', '10'], `--vary must be <path>=<low>:<high> with low < high, both finite (a number or a percent such as "12%"), got "${growth}=5%"`],
      [['design', '--vary', `${growth}=30%:5%`, '--points', '10'], `got "${growth}=30%:5%"`],
      [['design', '--vary', `${growth}=5%:5%:1%`, '--points', '10'], `got "${growth}=5%:5%:1%"`],
      [['design', '--vary', `${growth}=a:b`, '--points', '10'], `got "${growth}=a:b"`],
      [['design', '--vary', '=1:2', '--points', '10'], 'got "=1:2"'],
      [['design', '--vary', 'growth=1:2', '--points', '10'], '--vary path must be assumptions.<variable>.<parameter> or assumptions.<variable>.<parameter>.<field> (or, for a sweep, a driver\'s drivers.<name>.persistence, drivers.<name>.factor.<field> or drivers.<name>.loadings.<variable>.growth|rate), got "growth"'],
      [['design', '--vary', `${growth}=1%:2%`, '--vary', `${growth}=3%:4%`, '--points', '10'], `--vary paths must be distinct, got "${growth}" twice`],
      [['design', '--vary', `${growth}=1%:2%`, '--points', '1'], '--points must be a whole number from 2 to 10000 (the variants a sweep may run), got 1'],
      [['design', '--vary', `${growth}=1%:2%`, '--points', '10001'], 'got 10001'],
      [['design', '--vary', `${growth}=1%:2%`, '--points', '2.5'], 'got 2.5'],
      [['design', '--vary', `${growth}=1%:2%`, '--points', '10', '--seed', '-1'], '--seed must be a whole number ≥ 0, got -1'],
      [['design', '--vary', `${growth}=1%:2%`], 'Missing required argument: points'],
      [['design', ...Array.from({ length: 51 }, (_, i) => ['--vary', `assumptions.v${i}.growth=1:2`]).flat(), '--points', '10'], '--vary must be given from 1 to 50 times (one column each), got 51'],
    ];
    for (const [args, message] of refusals) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain(message);
      expect(stdout).toBe('');
    }
  });
});
