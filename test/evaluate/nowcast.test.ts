// Closed windows the record cannot decide but a model simulates: judged from the draws as a nowcast,
// conditioned on what the record says of the year; --check and proxies' bounds on the shipped data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVerdicts } from '../../src/cli/commands/run.js';
import { targetVerdicts } from '../../src/evaluate/target-verdict.js';
import { trackDraws } from '../../src/evaluate/track-draws.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { recordRows } from '../../src/output/targets-table.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { runInstrumented } from '../../src/planner/run-instrumented.js';
import { projectRoot } from '../helpers/project.js';

const draws = 3000;
const inputs = loadRunInputs(projectRoot, 'data', ['baseline', 'pessimistic', 'jilin'].map((s) => join(projectRoot, 'scenarios', `${s}.yaml`)));
const [baseline, pessimistic, jilin] = inputs.scenarios.map(({ model, scenario }) => ({ model, scenario, result: runScenario(model, inputs.data, scenario, { draws }) }));
const verdictOf = (run: typeof baseline, id: string) => targetVerdicts(run.result, inputs.data).find((v) => v.target.id === id)!;

describe('a nowcast of a closed window', () => {
  it('judges cn-software-revenue-2025 from the draws whose 2025 level is at least January–November 2025 (139777亿元), the record staying unknown', () => {
    const v = verdictOf(baseline, 'cn-software-revenue-2025');
    expect(v).toMatchObject({ judgedOn: 'nowcast', record: { status: 'unknown' } });
    expect(v.status).toMatch(/ \(nowcast\)$/);
    expect(v.projection!.conditioned).toMatchObject({ low: 139777, high: Infinity });
    expect(v.reason).toContain('conditioned on the record of 2025 (January–November 2025: 139777 (ref26-chinairn-20260106), a lower bound on the year)');

    // Rejection, checked draw by draw: the same draws' 2025 levels, kept apart by trackDraws.
    const all = Array.from({ length: draws }, (_, i) => i);
    let levels: ReturnType<typeof trackDraws> | undefined;
    const run = runInstrumented(baseline.model, inputs.data, baseline.scenario, { draws, trackOutcomes: true, observers: (m) => [(levels = trackDraws(m, all))] });
    const level2025 = new Float64Array(draws);
    for (const p of levels!.points()) if (p.variable === 'nationalSoftwareRevenue' && p.year === 2025) level2025[p.draw] = p.value;
    const index = run.result.targets.findIndex((t) => t.target.id === 'cn-software-revenue-2025');
    const outcome = run.outcomes[index];
    let within = 0;
    let met = 0;
    for (let i = 0; i < draws; i++) {
      const inside = level2025[i] >= 139777;
      expect(Number.isNaN(outcome.values[i]), `draw ${i}`).toBe(!inside);
      within += inside ? 1 : 0;
      met += inside && level2025[i] > 140000 ? 1 : 0;
    }
    expect(within).toBe(v.projection!.conditioned!.draws);
    expect(within).toBeLessThan(draws);
    expect(v.probabilityMet).toBe(met / within);
    expect(v.projection!.probabilityMetSe).toBeCloseTo(Math.sqrt((met / within) * (1 - met / within) / within), 15);
  });

  it('judges a closed window the record says nothing of from every draw (jl-industry-output-2025), and record.csv keeps unknown with the nowcast beside it', () => {
    const v = verdictOf(jilin, 'jl-industry-output-2025');
    expect(v).toMatchObject({ judgedOn: 'nowcast', record: { status: 'unknown' } });
    expect(v.projection!.conditioned).toBeUndefined();
    expect(v.probabilityMet).toBe(jilin.result.targets.find((t) => t.target.id === 'jl-industry-output-2025')!.probabilityMet);
    const row = recordRows(inputs.data, undefined, [baseline.result, pessimistic.result, jilin.result]).find((r) => r.target === 'jl-industry-output-2025')!;
    // A broader proxy: the nowcast is an upper bound on the target's own P(met).
    expect(row).toMatchObject({ outcome: 'unknown', nowcastScenario: 'jilin', nowcastStatus: v.status, nowcastProbabilityMetBound: 'upper' });
    // The first scenario in run order that nowcasts it gives record.csv's nowcast.
    expect(recordRows(inputs.data, undefined, [pessimistic.result, baseline.result]).find((r) => r.target === 'cn-software-revenue-2025')!.nowcastScenario).toBe('pessimistic');
  });
});

describe('run --check on the shipped scenarios', () => {
  it('never fails on a proxy\'s lower bound below 0.5 (it cannot show a likely miss), and fails on an upper bound or a nowcast below it', () => {
    const lowerBounds = ['bj-ai-industry-2026', 'bj-ai-cluster-2030'].map((id) => verdictOf(pessimistic, id));
    for (const v of lowerBounds) expect(v.probabilityMet, v.target.id).toBeLessThan(0.5);
    const { failures, notShown } = checkVerdicts([pessimistic.result, jilin.result], inputs.data);
    for (const v of lowerBounds) {
      expect(failures.join('\n')).not.toContain(v.target.id);
      expect(notShown.join('\n')).toContain(`pessimistic: ${v.target.id} P(met) ≥ `);
    }
    // An upper bound below 0.5 shows a likely miss (the target's own is lower still), and so does a nowcast.
    expect(failures).toEqual(expect.arrayContaining([
      expect.stringMatching(/^jilin: jl-industry-output-2025 P\(met\) ≤ [\d.]+% \([a-z ]+ \(nowcast\)\)$/),
      expect.stringMatching(/^jilin: jl-auto-2025 P\(met\) [\d.]+% \([a-z ]+ \(nowcast\)\)$/),
      expect.stringMatching(/^pessimistic: bj-ai-core-2027 P\(met\) [\d.]+% \(very unlikely\)$/),
    ]));
    // Outcomes on record never fail it.
    expect(failures.join('\n')).not.toContain('bj-ai-unicorns-2025');
  });
});
