// Issue 10, items 5 and 8: shocks that take effect (counts kept whole), and --as-of's way out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { freshDir } from '../helpers/project.js';
import { runCli } from '../planner/planner-helpers.js';

describe('shocks on counts', () => {
  it('keep the counts whole: a -35% level step on new unicorns leaves every sampled path a whole number', async () => {
    const out = freshDir();
    const { code, stderr } = await runCli(['run', 'test/fixtures/valid/count-shock.yaml', '--draws', '400', '--export-draws', '50', '--quiet', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = parse(readFileSync(join(out, 'draws.csv'), 'utf8'), { columns: true }) as { variable: string; year: string; value: string }[];
    const shocked = rows.filter((row) => row.variable === 'newAiUnicorns' && Number(row.year) >= 2025);
    expect(shocked.length).toBeGreaterThan(0);
    for (const row of shocked) expect(Number.isInteger(Number(row.value)), row.value).toBe(true);
    // The step did take effect: some paths are lower than the draws without it would round to.
    expect(shocked.some((row) => Number(row.value) > 0)).toBe(true);
  });
});

describe('--as-of before a series\' first level', () => {
  it('names the series and the date its first level was published, and a start with its year is a way out', async () => {
    const refused = await runCli(['validate', 'scenarios/baseline.yaml', '--as-of', '2024-06-30']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^models\/beijing\.yaml:\d+:3 {2}error {2}variables\.aiCoreIndustry must have a starting level as of 2024-06-30, got none: the first full-year level of bj\.ai\.core was published 2024-07-26 \(data\/observations\.csv:\d+\) \(use --as-of 2024-07-26 or later, or state the level in the scenario: assumptions: \{ aiCoreIndustry: \{ start: \{ year: …, value: … \} \} \}\)$/m,
    );
    const out = freshDir();
    const started = await runCli(['run', 'test/fixtures/valid/start-with-year.yaml', '--as-of', '2024-06-30', '--draws', '400', '--quiet', '--out', out]);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(readFileSync(join(out, 'targets.csv'), 'utf8')).toContain('bj-ai-core-2025');
  });
});
