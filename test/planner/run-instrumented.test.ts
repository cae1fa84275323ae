import { describe, expect, it } from 'vitest';
import { trackDraws } from '../../src/evaluate/track-draws.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { drawsCsv } from '../../src/output/draws-table.js';
import { iamcMappingCsv, iamcStatistics, iamcTable } from '../../src/output/iamc-table.js';
import { requiredColumns, requiredRows } from '../../src/output/required-trajectory-table.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { runInstrumented } from '../../src/planner/run-instrumented.js';
import { selectDrawIndices } from '../../src/planner/select-draw-indices.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', ['scenarios/baseline.yaml', 'scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml']);
const draws = 1500;

describe('runInstrumented(model, data, scenario, options)', () => {
  it.each(inputs.scenarios.map((s) => [s.scenario.scenario, s] as const))(
    'in %s: gives runScenario\'s result, and per-draw met flags whose share (of the draws the record allows) is probabilityMet for every target',
    (_name, { scenario, model }) => {
      const run = runInstrumented(model, inputs.data, scenario, { draws, trackOutcomes: true });
      const plain = runScenario(model, inputs.data, scenario, { draws });
      // (The prepared model holds compiled formulas, functions that never compare equal.)
      expect(run.result.summaries).toEqual(plain.summaries);
      expect(run.result.targets).toEqual(plain.targets);
      expect(run.result.skippedTargets).toEqual(plain.skippedTargets);
      expect(run.outcomes.map((o) => o.target)).toEqual(run.result.targets.map((t) => t.target.id));
      run.result.targets.forEach((t, i) => {
        const met = run.outcomes[i].met.reduce((s, v) => s + v, 0);
        // A nowcast conditioned on the record counts the draws within it (the others are NaN, never met).
        const allowed = run.outcomes[i].values.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0);
        expect(allowed).toBe(t.conditioned?.draws ?? draws);
        expect({ target: t.target.id, p: met / allowed }).toEqual({ target: t.target.id, p: t.probabilityMet });
      });
    },
  );
});

describe('notebook outputs', () => {
  const { scenario, model } = inputs.scenarios[0];
  const indices = selectDrawIndices(draws, 5);
  let tracker: ReturnType<typeof trackDraws> | undefined;
  const run = runInstrumented(model, inputs.data, scenario, { draws, observers: (m) => [(tracker = trackDraws(m, indices))] });

  it('trackDraws keeps the chosen draws of every variable from its base year to the horizon', () => {
    const points = tracker!.points();
    expect([...new Set(points.map((p) => p.draw))]).toEqual(indices);
    const ai = points.filter((p) => p.draw === 0 && p.variable === 'aiCoreIndustry');
    expect(ai[ai.length - 1].year).toBe(scenario.horizon);
    // A path's values are the draws the summaries were taken from: each year's value lies within the run's range.
    const csv = drawsCsv([{ scenario: scenario.scenario, points }]);
    expect(csv.split('\n')[0]).toBe('scenario,draw,variable,year,value');
    expect(csv.split('\n').length - 2).toBe(points.length);
  });

  it('iamcTable names variables IAMC-style, the median under the name (history before) and each statistic as name|statistic', () => {
    const { columns, rows } = iamcTable([run.result], inputs.data);
    expect(columns.slice(0, 5)).toEqual(['Model', 'Scenario', 'Region', 'Variable', 'Unit']);
    const years = columns.slice(5).map(Number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const summary2025 = run.result.summaries.find((s) => s.variable === 'aiCoreIndustry' && s.year === 2025)!;
    const row = (name: string) => rows.find((r) => r.Variable === name)!;
    expect(Number(row('Industry Size|AI|Core')['2025'])).toBeCloseTo(summary2025.quantiles[3], 3);
    expect(Number(row('Industry Size|AI|Core|p05')['2025'])).toBeCloseTo(summary2025.quantiles[0], 3);
    expect(Number(row('Industry Size|AI|Core|mean')['2025'])).toBeCloseTo(summary2025.mean, 3);
    // History only in the median's row, before the projection starts (national software revenue: base year 2024).
    expect(row('Revenue|Software')['2020']).toBeDefined();
    expect(row('Revenue|Software|p05')['2020']).toBeUndefined();
    for (const r of rows) expect(String(r.Variable)).toMatch(/^[^|]+(\|[^|]+)+$/);
    // One row per (model, scenario, variable, statistic): a plain pivot works.
    expect(new Set(rows.map((r) => `${r.Scenario} ${r.Variable}`)).size).toBe(rows.length);
    // The mapping names every IAMC variable with its model id and statistic.
    const mapping = iamcMappingCsv([run.result]).trimEnd().split('\n');
    expect(mapping[0]).toBe('Model,Variable,variable,statistic,Unit,label');
    expect(mapping).toContain('beijing-digital,Industry Size|AI|Core|p05,aiCoreIndustry,p05,亿元,Beijing AI core industry');
    expect(mapping.length - 1).toBe(run.result.model.spec.variables.length * iamcStatistics.length);
  });

  it('requiredRows reach each level target exactly in its year, one row per model, target and year', () => {
    const rows = requiredRows([run.result, run.result], inputs.data);
    const core = rows.filter((r) => r.target === 'bj-ai-core-2027');
    expect(core.length).toBeGreaterThan(1);
    expect(core[core.length - 1]).toMatchObject({ year: 2027, value: '10000', variable: 'aiCoreIndustry' });
    for (const row of rows) expect(Object.keys(row)).toEqual([...requiredColumns]);
    expect(new Set(rows.map((r) => `${r.model} ${r.target} ${r.year}`)).size).toBe(rows.length);
    // Constant growth: successive ratios are equal.
    const values = core.map((r) => Number(r.value));
    const ratios = values.slice(1).map((v, i) => v / values[i]);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0], 6);
  });
});
