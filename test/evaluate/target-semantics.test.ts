// Verdicts that mean what a planner reads, on the shipped data and scenarios: a status that reads the
// same everywhere, evidence basis, region binding, and the sanity properties of every shipped target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOf } from '../../src/data/as-of.js';
import { targetVerdicts } from '../../src/evaluate/target-verdict.js';
import { loadRunInputs, scenarioFilesIn } from '../../src/io/load-run-inputs.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { withAssumptions } from '../../src/planner/with-assumptions.js';
import { setDistributionField } from '../../src/planner/set-distribution-field.js';
import { distributionMean } from '../../src/simulate/distributions/distribution-mean.js';
import { runVariant } from '../../src/planner/run-variant.js';
import { runSolve } from '../../src/planner/run-solve.js';
import { projectRoot } from '../helpers/project.js';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir } from '../helpers/project.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { probabilityBound } from '../../src/evaluate/probability-bound.js';

const draws = 2000;
const inputs = loadRunInputs(projectRoot, 'data', ['scenarios/baseline.yaml', 'scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml']);
const [baseline, optimistic] = inputs.scenarios.map(({ model, scenario }) => ({ model, scenario, result: runScenario(model, inputs.data, scenario, { draws }) }));
const verdictsOf = (run: typeof baseline) => new Map(targetVerdicts(run.result, inputs.data).map((v) => [v.target.id, v]));

describe('the status of each target reads the same in every output', () => {
  it('gives the unicorn target one status everywhere, never "unlikely" while P(≥ 5) ≥ 0.66', async () => {
    const out = freshDir();
    const io = memoryIo(projectRoot);
    expect(await main(['run', '--draws', String(draws), '--out', out, '--quiet'], io)).toBe(0);
    const targets = parseCsv('targets.csv', readFileSync(join(out, 'targets.csv'), 'utf8')).records.map((r) => r.fields);
    const compareIo = memoryIo(projectRoot);
    expect(await main(['compare', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml', '--draws', String(draws), '--out', out, '--quiet'], compareIo)).toBe(0);
    const compared = parseCsv('compare.csv', readFileSync(join(out, 'compare.csv'), 'utf8')).records.map((r) => r.fields);
    for (const scenario of ['baseline', 'optimistic', 'pessimistic']) {
      const row = targets.find((r) => r.scenario === scenario && r.target === 'bj-ai-unicorns-2025')!;
      const other = compared.find((r) => r.scenario === scenario && r.target === 'bj-ai-unicorns-2025')!;
      expect(row.status).toBe(other.status);
      expect(row.status).toBe('achieved');
      for (const r of targets.filter((x) => x.scenario === scenario && x.status !== 'not judged')) {
        expect(compared.find((c) => c.scenario === scenario && c.target === r.target)?.status, r.target).toBe(r.status);
      }
    }
    // Every target of data/targets.yaml has a row in every scenario, judged or with the reason.
    for (const scenario of ['baseline', 'optimistic', 'pessimistic']) {
      expect(targets.filter((r) => r.scenario === scenario).map((r) => r.target)).toEqual(inputs.data.targets.map((t) => t.id));
    }
    for (const r of targets.filter((x) => x.status === 'not judged')) expect(r.reason, r.target).not.toBe('');
    // P(≥ 5) of the projection, beside the record: far above 0.66.
    expect(baseline.result.targets.find((t) => t.target.id === 'bj-ai-unicorns-2025')!.probabilityMet).toBeGreaterThan(0.66);
  });

  it('says what each verdict rests on: highLevelScholars is assumption, the radiating industry mixed, revenue data', () => {
    // The 2025 targets as of July 2024, when their window was open (now their years are closed and
    // the record, which has no count of scholars, leaves them unknown).
    const july2024 = asOf(inputs.data, '2024-07-31');
    const early = new Map(targetVerdicts(runScenario(baseline.model, july2024, baseline.scenario, { draws }), july2024).map((v) => [v.target.id, v]));
    expect(early.get('bj-ai-scholars-2025')).toMatchObject({ judgedOn: 'projection', basis: 'assumption' });
    expect(early.get('bj-ai-radiating-2025')?.basis).toBe('mixed');
    const v = verdictsOf(baseline);
    expect(v.get('bj-infosoft-revenue-2027')?.basis).toBe('data');
    expect(v.get('bj-swinfo-revenue-2020')).toMatchObject({ judgedOn: 'record', basis: 'data', status: 'achieved', probabilityMet: 1 });
    // A scenario that states the growth makes the verdict mixed.
    expect(verdictsOf(optimistic).get('bj-infosoft-revenue-2027')?.basis).toBe('mixed');
  });
});

describe('targets bind to (region, variable)', () => {
  it('a model for another region with a variable of the same name does not judge Beijing\'s targets, and says why', () => {
    const shanghai = loadRunInputs(projectRoot, 'data', ['test/fixtures/valid/shanghai.yaml']);
    const { model, scenario } = shanghai.scenarios[0];
    const result = runScenario(model, shanghai.data, scenario);
    expect(result.targets).toEqual([]);
    const core = targetVerdicts(result, shanghai.data).find((v) => v.target.id === 'bj-ai-core-2027')!;
    expect(core).toMatchObject({ status: 'not judged', judgedOn: 'none' });
    expect(core.reason).toBe("variable aiCoreIndustry of model shanghai-ai is Shanghai's; the target is Beijing's");
  });
});

describe('sanity properties of every shipped more-is-better target', () => {
  // Every shipped scenario (every model of the vintage: Beijing, Jilin, Suzhou), each target its model
  // judges from the draws: an open window's projection or a closed window's nowcast.
  const shipped = loadRunInputs(projectRoot, 'data', scenarioFilesIn(join(projectRoot, 'scenarios')));
  const runs = shipped.scenarios.map(({ model, scenario }) => ({ model, scenario, result: runScenario(model, shipped.data, scenario, { draws }) }));
  const runOf = (name: string) => runs.find((r) => r.scenario.scenario === name)!;
  const fromDraws = (run: (typeof runs)[number]) => targetVerdicts(run.result, shipped.data).filter((v) => v.judgedOn === 'projection' || v.judgedOn === 'nowcast');
  /** The first shipped scenario of each model, where growth is shifted and solved for. */
  const perModel = [...new Map(runs.map((r) => [r.result.model.spec.model, r])).values()];
  const moreIsBetterOf = (run: (typeof runs)[number]) => fromDraws(run).filter((v) => v.target.lower && !v.target.upper).map((v) => run.result.targets.find((t) => t.target.id === v.target.id)!);

  it('covers every target a shipped model judges from its draws: all of them are more-is-better', () => {
    const judged = new Set(runs.flatMap((run) => fromDraws(run).map((v) => v.target.id)));
    const covered = new Set(perModel.flatMap((run) => moreIsBetterOf(run).map((t) => t.target.id)));
    // A ceiling among them would need the mirrored properties: this fails first.
    expect([...covered].sort()).toEqual([...judged].sort());
    expect([...covered]).toEqual(expect.arrayContaining([
      'bj-ai-core-2027', 'bj-ai-industry-2026', 'bj-ai-unicorns-2027', 'bj-ai-cluster-2030', 'bj-infosoft-revenue-2027', 'bj-ai-scholars-2025',
      'cn-software-revenue-2025', 'cn-software-growth-2021-2025', 'jl-auto-2025', 'jl-industry-output-2025', 'js-suzhou-robot-2027',
    ]));
  });

  it('optimistic P(met) ≥ pessimistic P(met) for every more-is-better target on the shipped scenarios', () => {
    const [optimistic, pessimistic] = [runOf('optimistic'), runOf('pessimistic')];
    const targets = moreIsBetterOf(optimistic);
    expect(targets.map((t) => t.target.id)).toEqual(moreIsBetterOf(pessimistic).map((t) => t.target.id));
    for (const t of targets) {
      const p = (run: typeof optimistic) => run.result.targets.find((x) => x.target.id === t.target.id)!.probabilityMet;
      expect(p(optimistic), t.target.id).toBeGreaterThanOrEqual(p(pessimistic));
    }
  });

  /** The variable whose growth drives a target: its own law's, or the first input of a formula. */
  const driverOf = (run: (typeof runs)[number], name: string) => {
    const variables = run.result.model.variables;
    const variable = variables.find((v) => v.spec.name === name)!;
    const driver = variable.law ? variable : variables.find((v) => v.spec.name === variable.formula?.inputs[0])!;
    return { driver, parameter: driver.params.growth ? 'growth' : 'mean' };
  };

  it('raising a variable\'s growth never lowers P(met) of a more-is-better target (a grid of growth shifts, every model)', () => {
    for (const run of perModel) {
      for (const t of moreIsBetterOf(run)) {
        const { driver, parameter } = driverOf(run, t.variable);
        const current = driver.params[parameter];
        // Growth rates move by points; a count law's yearly mean by whole counts.
        const step = parameter === 'growth' ? 0.05 : 1;
        const probabilities = [-1, 0, 1, 2].map((k) => {
          const distribution = setDistributionField(current, 'mean', distributionMean(current) + k * step, `${driver.spec.name}.${parameter}`);
          const scenario = withAssumptions(run.scenario, [{ variable: driver.spec.name, parameter, distribution }]);
          return runScenario(run.model, shipped.data, scenario, { draws: 1000 }).targets.find((x) => x.target.id === t.target.id)!.probabilityMet;
        });
        for (let i = 1; i < probabilities.length; i++) expect(probabilities[i], `${run.scenario.scenario} ${t.target.id} at step ${i}`).toBeGreaterThanOrEqual(probabilities[i - 1]);
      }
    }
  });

  it('solve never asks for less growth to meet a more-is-better target more often (and less to meet it less often), every model', () => {
    let solved = 0;
    for (const run of perModel) {
      const variantInputs = { model: run.model, data: shipped.data, scenario: run.scenario, draws: 800, seed: run.scenario.seed };
      for (const t of moreIsBetterOf(run)) {
        const { driver, parameter } = driverOf(run, t.variable);
        const path = `assumptions.${driver.spec.name}.${parameter}.mean`;
        const now = runVariant(variantInputs, []).targets.find((x) => x.target.id === t.target.id)!.probabilityMet;
        if (now > 0.05 && now < 0.9) {
          solved++;
          const more = runSolve(variantInputs, { target: t.target.id, probability: Math.min(0.95, now + 0.05), path });
          expect(more.value, `${t.target.id} more`).toBeGreaterThanOrEqual(more.currentValue);
          const less = runSolve(variantInputs, { target: t.target.id, probability: Math.max(0.02, now - 0.05), path });
          expect(less.value, `${t.target.id} less`).toBeLessThanOrEqual(less.currentValue);
        }
      }
    }
    expect(solved).toBeGreaterThan(4);
  });
});

describe('proxies: a variable of another scope bounds P(met)', () => {
  it('a narrower variable gives a lower bound for a commitment and an upper bound for a ceiling; broader the reverse; a band none', () => {
    const commitment = { lower: { value: 5500, inclusive: false } };
    const ceiling = { upper: { value: 8, inclusive: true } };
    expect(probabilityBound({ proxy: 'narrower', ...commitment })).toBe('lower');
    expect(probabilityBound({ proxy: 'broader', ...commitment })).toBe('upper');
    expect(probabilityBound({ proxy: 'narrower', ...ceiling })).toBe('upper');
    expect(probabilityBound({ proxy: 'broader', ...ceiling })).toBe('lower');
    expect(probabilityBound({ proxy: 'narrower', ...commitment, ...ceiling })).toBe('');
    expect(probabilityBound({ ...commitment })).toBe('');
  });
});
