import { describe, expect, it } from 'vitest';
import { modelComponents, splitComponents, variableCost } from '../../src/pipeline/model-components.js';
import { prepareModel } from '../../src/pipeline/prepare-model.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { join } from 'node:path';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
const { scenario, model } = inputs.scenarios[0];
const prepared = prepareModel(model, inputs.data, scenario);

describe('modelComponents', () => {
  it('groups the Beijing model by its formulas: software (ratio), value added and GDP (share), AI core (national share, radiating), unicorns (cumulative, stock), scholars', () => {
    expect(modelComponents(prepared)).toEqual([
      ['infoSoftwareRevenue', 'nationalSoftwareRevenue', 'beijingRatioToNational'],
      ['infoSoftwareValueAdded', 'beijingGdp', 'infoSoftwareVaShare'],
      ['aiCoreIndustry', 'nationalAiCoreIndustry', 'aiCoreShareOfNational', 'aiRadiatingIndustry'],
      ['newAiUnicorns', 'cumulativeAiUnicorns', 'aiUnicornExits', 'aiUnicornStock'],
      ['highLevelScholars'],
    ]);
  });
});

describe('splitComponents', () => {
  it('keeps whole components together, covers every variable once and puts the heaviest group first', () => {
    const parts = splitComponents(prepared, 2);
    expect(parts).toHaveLength(2);
    expect(parts.flat().sort()).toEqual(prepared.variables.map((v) => v.spec.name).sort());
    for (const component of modelComponents(prepared)) expect(parts.filter((p) => p.includes(component[0])).every((p) => component.every((n) => p.includes(n)))).toBe(true);
    const cost = (names: string[]) => names.reduce((s, n) => s + variableCost(prepared, n), 0);
    expect(cost(parts[0])).toBeGreaterThanOrEqual(cost(parts[1]));
    expect(splitComponents(prepared, 1)).toHaveLength(1);
    expect(splitComponents(prepared, 64)).toHaveLength(5);
  });

  it('a run of the parts gives exactly the rows of the whole run (streams are keyed per variable)', () => {
    const whole = runScenario(model, inputs.data, scenario, { draws: 500 });
    const parts = splitComponents(prepared, 3).map((variables) => runScenario(model, inputs.data, scenario, { draws: 500, variables }));
    const rows = parts.flatMap((p) => p.summaries);
    const key = (r: { variable: string; year: number }) => `${r.year} ${r.variable}`;
    expect(new Map(rows.map((r) => [key(r), r]))).toEqual(new Map(whole.summaries.map((r) => [key(r), r])));
    expect(parts.flatMap((p) => p.targets).sort((a, b) => a.target.id.localeCompare(b.target.id))).toEqual(
      [...whole.targets].sort((a, b) => a.target.id.localeCompare(b.target.id)),
    );
  });
});

describe('first passage', () => {
  it('in the target year equals the verdict with a ceiling, and is at least it with a commitment only (met earlier counts)', () => {
    const result = runScenario(model, inputs.data, scenario, { draws: 4000 });
    for (const t of result.targets) {
      const atTarget = t.firstPassage.find((p) => p.year === t.target.year);
      if (!atTarget) continue;
      // First passage counts every draw; a verdict conditioned on the record (a nowcast) only the draws
      // within it, so the passage is compared with P(met and within the record) = P(met | record) × share within.
      const metAndAllowed = t.conditioned ? (t.probabilityMet * t.conditioned.draws) / t.draws : t.probabilityMet;
      if (t.target.upper && !t.conditioned) expect(atTarget.probability, t.target.id).toBe(t.probabilityMet);
      else expect(atTarget.probability, t.target.id).toBeGreaterThanOrEqual(metAndAllowed - 1e-12);
    }
    // 5-10 unicorns: the aspiration is no ceiling, so the count met once stays met (6 on record in 2023 already meet 5).
    const unicorns = result.targets.find((t) => t.target.id === 'bj-ai-unicorns-2025')!;
    expect(unicorns.target.upper).toBeUndefined();
    expect(unicorns.firstPassage.map((p) => p.year)).toEqual([2024, 2025]);
    expect(unicorns.firstPassage[1].probability).toBeGreaterThanOrEqual(unicorns.firstPassage[0].probability);
    // Lower-bound targets keep "met in some year so far": never decreasing.
    const core = result.targets.find((t) => t.target.id === 'bj-ai-core-2027')!;
    for (let i = 1; i < core.firstPassage.length; i++) expect(core.firstPassage[i].probability).toBeGreaterThanOrEqual(core.firstPassage[i - 1].probability);
  });
});
