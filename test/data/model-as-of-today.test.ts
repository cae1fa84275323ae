// models/beijing.yaml as of the March-2026 vintage: what it projects from, what each variable rests on,
// and the bounds the record puts on it (issue "The record to 2025 and the targets of 2026–2030", item 4).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { prepareModel } from '../../src/pipeline/prepare-model.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
const { model, scenario } = inputs.scenarios[0];
const prepared = prepareModel(model, inputs.data, scenario);
const variable = (name: string) => prepared.variables.find((v) => v.spec.name === name)!;
const result = runScenario(model, inputs.data, scenario, { draws: 4000 });
const summary = (name: string, year: number) => result.summaries.find((s) => s.variable === name && s.year === year)!;
/** p05, p50, p95 of a summary row (quantile probabilities 0.05 … 0.95). */
const quantile = (name: string, year: number, p: number) => summary(name, year).quantiles[[0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].indexOf(p)];

describe('models/beijing.yaml as of March 2026', () => {
  it('projects from the last year on record to 2030: 2025 for the Beijing aggregates, 2024 for China\'s software revenue (2025 not published)', () => {
    expect(prepared.horizon).toBeGreaterThanOrEqual(2030);
    for (const name of ['infoSoftwareRevenue', 'infoSoftwareValueAdded', 'beijingGdp', 'aiCoreIndustry', 'nationalAiCoreIndustry']) expect(variable(name).baseYear, name).toBe(2025);
    expect(variable('nationalSoftwareRevenue').baseYear).toBe(2024);
  });

  it('has GDP on the census basis, value added at current prices, and their share as a projected quantity (2025: 23.4%, as published)', () => {
    expect(variable('beijingGdp').base).toEqual({ dist: 'constant', value: 52073.4 });
    expect(variable('infoSoftwareValueAdded').base).toEqual({ dist: 'constant', value: 12192.4 });
    // 12192.4 / 52073.4 = 0.23414 (the statistics bureau's "23.4%")
    expect(quantile('infoSoftwareVaShare', 2026, 0.5)).toBeGreaterThan(23.4);
    expect(variable('infoSoftwareVaShare').formula).toBeDefined();
  });

  it('has the national AI core industry and Beijing\'s share of it as a formula (about 34–41% in 2026 as drawn, below the "一半" officials claim)', () => {
    expect(variable('aiCoreShareOfNational').spec.formula).toBe('100 * aiCoreIndustry / nationalAiCoreIndustry');
    expect(quantile('aiCoreShareOfNational', 2026, 0.5)).toBeGreaterThan(30);
    expect(quantile('aiCoreShareOfNational', 2026, 0.5)).toBeLessThan(45);
  });

  it('bounds new Beijing AI unicorns by the national flow on record: p95 a year at most China\'s largest year (10, 2023)', () => {
    for (const year of [2026, 2027, 2030]) expect(quantile('newAiUnicorns', year, 0.95), String(year)).toBeLessThanOrEqual(10);
    // The stock on the 2026 list starts at about 40 and keeps whole counts.
    expect(quantile('aiUnicornStock', 2026, 0.5)).toBe(Math.round(quantile('aiUnicornStock', 2026, 0.5)));
  });

  it('counts "more than 20 AI unicorns within two years" over 2026–2027 only, not from the flow\'s 2023 base', () => {
    const unicorns2027 = result.targets.find((t) => t.target.id === 'bj-ai-unicorns-2027')!;
    const twoYears = quantile('newAiUnicorns', 2026, 0.5) + quantile('newAiUnicorns', 2027, 0.5);
    expect(unicorns2027.p50).toBeLessThanOrEqual(twoYears + 2);
    expect(unicorns2027.p50).toBeLessThan(quantile('cumulativeAiUnicorns', 2027, 0.5) - quantile('cumulativeAiUnicorns', 2025, 0.5) + 1);
  });

  it('reads every series named in growthSeries: each contributes evidence, as the descriptions say', () => {
    for (const v of prepared.variables) {
      for (const series of v.spec.growthSeries) {
        const used = (v.calibration?.evidence ?? []).some((e) => e.description.includes(`${series})`));
        expect(used, `${v.spec.name} ← ${series}`).toBe(true);
      }
    }
    // the AI core industry: its own 2025 growth (from the estimate), the national rates of 2022 and 2024,
    // and its own 2024 growth bounded by 2023's "超过2500亿" (a censored sample)
    const ai = variable('aiCoreIndustry').calibration!.evidence.map((e) => `${e.year} ${e.description.match(/[(, ]([a-z.]+)\)$/)?.[1] ?? 'base'}`);
    expect(ai).toEqual(['2025 base', '2025 bj.ai.core', '2022 cn.ai.core', '2024 cn.ai.core', '2024 bj.ai.core']);
  });
});
