import { describe, expect, it } from 'vitest';
import { runCli } from '../planner/planner-helpers.js';
import { withoutProgress } from '../helpers/without-progress.js';

describe('forecast explain', () => {
  it('prints the resolved scenario, where each value came from, calibrated uncertainty and evidence', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'scenarios/optimistic.yaml']);
    expect(withoutProgress(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^scenario optimistic — /);
    expect(stdout).toContain('scenarios/optimistic.yaml → extends → scenarios/baseline.yaml');
    expect(stdout).toContain('resolved scenario (after extends; # where each value was written):');
    // Every resolved value names the file of the chain, and the line, that wrote it.
    expect(stdout).toMatch(/^  horizon: 2030 # scenarios\/baseline\.yaml:\d+$/m);
    expect(stdout).toMatch(/^  scenario: optimistic # scenarios\/optimistic\.yaml:\d+$/m);
    expect(stdout).toMatch(/^      growth: \{ dist: normal, mean: 26%, sd: 3% \} # scenarios\/optimistic\.yaml:\d+$/m);
    // A default filled in by calibration is not passed off as a fit.
    expect(stdout).toMatch(/persistence\s+0\s+fixed\s+default \(calibration has no data for it; see notes\)/);
    // A scenario assumption points at its line and column; calibrated and model values say so.
    expect(stdout).toMatch(/growth\s+normal\(mean=0\.26, sd=0\.03\)\s+[-\d.]+ \/ [-\d.]+ \/ [-\d.]+\s+scenario scenarios\/optimistic\.yaml:\d+:\d+/);
    expect(stdout).toMatch(/calibrated/);
    expect(stdout).toMatch(/model models\/beijing\.yaml:\d+:\d+/);
    expect(stdout).toContain('evidence:');
  });

  it('marks every assumption and shock with whether it changed the run', async () => {
    const { code, stdout } = await runCli(['explain', 'test/fixtures/valid/assumption-effects.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/radiatingMultiplier .* scenario test\/fixtures\/valid\/assumption-effects\.yaml:8:26 — no effect: the same as the model gives$/m);
    expect(stdout).toMatch(/growth +0\.12 .* scenario test\/fixtures\/valid\/assumption-effects\.yaml:10:13 — changes the run$/m);
    expect(stdout).toMatch(/aiCoreIndustry 2027: growth 0 .* — no effect: a shock of 0$/m);
    expect(stdout).toMatch(/aiCoreIndustry 2026: level -0\.1 .* — changes the run$/m);
  });

  it('names a missing scenario file with exit code 2', async () => {
    const { code, stderr } = await runCli(['explain', 'scenarios/nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('nope.yaml');
  });
});
