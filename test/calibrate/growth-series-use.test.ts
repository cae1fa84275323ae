// Evidence wiring is what the model says: a growth series that contributes nothing is refused at
// the variable (file:line), or, where that is legitimate, said in the calibration's notes (explain).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { InputError } from '../../src/errors/input-error.js';
import { prepareModel } from '../../src/pipeline/prepare-model.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import type { ScenarioSpec } from '../../src/spec/scenario-spec.js';
import { asOf } from '../../src/data/as-of.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
const scenario = { scenario: 's', description: '', model: 'm.yaml', chain: [], horizon: 2027, draws: 100, seed: 1, assumptions: {}, shocks: [], provenance: {}, resolved: {}, file: 's.yaml' } as ScenarioSpec;

/** A one-variable model of the AI core industry whose growth series are `series`. */
function model(series: string[], window = '', start = '') {
  return parseModelSpec('models/m.yaml', `model: m\nregion: Beijing\nvariables:\n  core:\n    unit: 亿元\n    series: bj.ai.core\n    law: compound\n    calibrate: { growthSeries: [${series.join(', ')}]${window} }\n${start}`);
}

describe('growth series that contribute nothing', () => {
  it('are an input error at the variable when they have observations none of which gives a growth (stock dates)', () => {
    try {
      prepareModel(model(['bj.ai.related.output', 'bj.llm.registered']), data, scenario);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const [problem] = (error as InputError).problems;
      expect(problem).toMatchObject({ file: 'models/m.yaml', line: 4, col: 3, field: 'variables.core.calibrate.growthSeries' });
      expect(problem.message).toMatch(/^variables\.core\.calibrate\.growthSeries must name series that inform the growth, got bj\.llm\.registered, which contributes nothing to law compound: none of its 6 observations gives a growth it can use \(bj\.llm\.registered 2026-01 level is a stock before year end/);
    }
  });

  it('are a note (shown by explain) when nothing of them is on record by the run\'s date, or all lies outside the calibration window', () => {
    const early = prepareModel(model(['bj.ai.related.output'], '', '    start: { year: 2019, value: 1000 }\n    params: { growth: 0.1, volatility: 0.05 }\n'), asOf(data, '2020-01-01'), scenario).variables[0];
    expect(early.calibration!.notes).toContain("growth series bj.ai.related.output contributes nothing: no observation of it is on record (as of the run's date)");
    const windowed = prepareModel(model(['bj.ai.related.output'], ', from: 2023', '    params: { growth: 0.1, volatility: 0.05 }\n'), data, scenario).variables[0];
    expect(windowed.calibration!.notes).toContain('growth series bj.ai.related.output contributes nothing: its 3 observations lie outside calibrate from–to');
  });

  it('say nothing when they contribute', () => {
    const prepared = prepareModel(model(['bj.ai.related.output']), data, scenario).variables[0];
    expect(prepared.calibration!.notes.filter((n) => n.startsWith('growth series'))).toEqual([]);
    expect(prepared.calibration!.evidence.some((e) => e.series === 'bj.ai.related.output')).toBe(true);
  });
});
