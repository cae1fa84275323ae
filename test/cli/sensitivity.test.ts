import { describe, expect, it } from 'vitest';
import { sensitivityColumns } from '../../src/output/sensitivity-table.js';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from '../planner/planner-helpers.js';

describe('forecast sensitivity', () => {
  it('ranks every uncertain input per target by the swing of its probability', async () => {
    const out = freshDir();
    const { code, stdout, stderr } = await runCli(['sensitivity', 'scenarios/baseline.yaml', '--draws', '600', '--out', out]);
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/uncertain inputs, each pinned at its p10 and p90/);
    // Each printed input: its p10 … p90 values, the probability swing (a bound, ≥, on a narrower proxy's
    // target) and the median swing.
    expect(stdout).toMatch(/ 1\. +aiCoreIndustry\.start +[\d.]+ … [\d.]+ +≥?\d+% → +≥?\d+% +\d+ → \d+ +ρ 0\.\d\d/);
    const { header, rows } = readCsv(out, 'sensitivity.csv');
    expect(header).toEqual([...sensitivityColumns]);
    const targets = [...new Set(rows.map((r) => r.target))];
    expect(targets).toContain('bj-ai-industry-2026');
    // 6 new AI unicorns in 2023 already meet "5-10家": achieved on record, nothing to swing.
    expect(targets).not.toContain('bj-ai-unicorns-2025');
    for (const target of targets) {
      const entries = rows.filter((r) => r.target === target);
      expect(entries.map((r) => Number(r.rank))).toEqual(entries.map((_, i) => i + 1));
      const swings = entries.map((r) => Number(r.swingProbability)).filter(Number.isFinite);
      expect([...swings].sort((a, b) => b - a)).toEqual(swings);
      for (const r of entries) {
        if (r.probabilityLow !== '') expect(Number(r.swingProbability)).toBeCloseTo(Math.abs(Number(r.probabilityHigh) - Number(r.probabilityLow)), 7);
        expect(Number(r.lowValue)).toBeLessThanOrEqual(Number(r.highValue));
        if (r.spearman !== '') expect(Math.abs(Number(r.spearman))).toBeLessThanOrEqual(1);
      }
    }
    // The AI industry's 2026 level (judged on the core industry) turns on its own growth and starting level, not on unicorns.
    const core = rows.filter((r) => r.target === 'bj-ai-industry-2026');
    expect(core[0].inputVariable).toBe('aiCoreIndustry');
    for (const r of core.filter((r) => r.inputVariable === 'newAiUnicorns')) {
      expect(Number(r.swingProbability)).toBe(0);
    }
    // Its growth rate is the input most rank-correlated with the 2026 level.
    const growth = core.find((r) => r.input === 'aiCoreIndustry.growth')!;
    expect(Number(growth.spearman)).toBeGreaterThan(0.3);
  });

  it('refuses quantiles out of order', async () => {
    const { code, stderr } = await runCli(['sensitivity', 'scenarios/baseline.yaml', '--low', '0.9', '--high', '0.1', '--out', freshDir()]);
    expect(code).toBe(2);
    expect(stderr).toContain('--low and --high must satisfy 0 < low < high < 1, got 0.9 and 0.1');
  });
});
