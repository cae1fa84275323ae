// The size limit on what a run holds for its draws (docs/security.md): the streaming engine holds a
// pilot, not every draw, so the shipped model runs at the largest draw count; exact quantiles and
// commands that pair draws hold every draw, and are refused before any column is allocated.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { exactQuantileMaxDraws, QuantileSummaries, valuesHeldPerSummary } from '../../src/evaluate/quantile-summaries.js';
import { loadProject } from '../../src/io/load-project.js';
import { runSetup } from '../../src/pipeline/run-setup.js';
import { ScenarioAccumulator } from '../../src/pipeline/scenario-accumulator.js';
import { projectRoot } from '../helpers/project.js';

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo(projectRoot, env);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('values held for the draws', () => {
  it('are every draw when quantiles are exact, else the pilot (2 to 8 blocks of 4096)', () => {
    expect(valuesHeldPerSummary(20_000, false)).toBe(20_000);
    expect(valuesHeldPerSummary(exactQuantileMaxDraws, false)).toBe(65_536);
    // pilotBlocksFor: 8·(N/10⁶)^(2/3) blocks within [2, 8]
    expect(valuesHeldPerSummary(exactQuantileMaxDraws + 1, false)).toBe(2 * 4096);
    expect(valuesHeldPerSummary(300_000, false)).toBe(4 * 4096);
    expect(valuesHeldPerSummary(1_000_000, false)).toBe(8 * 4096);
    expect(valuesHeldPerSummary(10_000_000, false)).toBe(8 * 4096);
    expect(valuesHeldPerSummary(10_000_000, true)).toBe(10_000_000);
  });

  it('let the shipped baseline run at 10,000,000 draws: only the pilot is held', async () => {
    const { code, stderr } = await cli(['validate', 'scenarios/baseline.yaml', '--draws', '10000000']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuse exact quantiles of every draw beyond the limit, naming the flag, the rule and the count; the variable raises it', async () => {
    // The baseline holds 93 variable-years and 9 judged targets, 6 of them with growth factors: 108 summaries.
    const refused = await cli(['validate', 'scenarios/baseline.yaml', '--draws', '2000000', '--exact-quantiles']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'command line  error  values held for the draws must be at most 200000000, got 2000000 draws × 108 summaries = 216000000',
    );
    expect(refused.stderr).toContain('FORECAST_LIMIT_HELD_VALUES raises it; or lower the draws; or leave out --exact-quantiles');
    expect((await cli(['validate', 'scenarios/baseline.yaml', '--draws', '1000000', '--exact-quantiles'])).code).toBe(0);
    expect((await cli(['validate', 'scenarios/baseline.yaml', '--draws', '2000000', '--exact-quantiles'], { FORECAST_LIMIT_HELD_VALUES: '216000000' })).code).toBe(0);
  });

  it('count the per-draw outcomes of a command that pairs draws (compare), before any draw is made', async () => {
    const refused = await cli(['compare', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', '--draws', '10000000', '--out', '/tmp/never-written']);
    expect(refused.code).toBe(2);
    // 2 values a judged target (9) + 2, for every draw; the summaries hold the pilot's 32,768.
    expect(refused.stderr).toContain('got 32768 draws × 108 summaries + 10000000 draws × 20 paired outcomes = 203538944');
  });

  it('count every quantile summary a run makes, growth factors included, for every shipped scenario', async () => {
    // The count the check states against the one a run's accumulator makes (its calls to create).
    const project = loadProject(projectRoot);
    expect(project.scenarios.length).toBeGreaterThanOrEqual(6);
    for (const { model, scenario } of project.scenarios) {
      const refused = await cli(['validate', scenario.file!], { FORECAST_LIMIT_HELD_VALUES: '1' });
      const stated = /got 20000 draws × (\d+) summaries = /.exec(refused.stderr);
      expect(stated, `${scenario.file}: ${refused.stderr}`).not.toBeNull();
      let made = 0;
      class Counted extends QuantileSummaries {
        override create(probabilities?: readonly number[]) {
          made++;
          return super.create(probabilities);
        }
      }
      new ScenarioAccumulator(runSetup(model, project.data, scenario), new Counted(scenario.draws, true));
      expect(Number(stated![1]), scenario.file).toBe(made);
    }
  });

  it('refuse the retired FORECAST_LIMIT_DRAW_VARIABLES rather than ignore it', async () => {
    const { code, stderr } = await cli(['data'], { FORECAST_LIMIT_DRAW_VARIABLES: '500000000' });
    expect(code).toBe(2);
    expect(stderr).toContain('environment  error  FORECAST_LIMIT_DRAW_VARIABLES must be unset: memory no longer grows with draws × variables');
    expect(stderr).toContain('FORECAST_LIMIT_HELD_VALUES limits the values a run holds for its draws, got "500000000"');
  });
});
