import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { extendsPath, loadScenario } from '../../src/spec/load-scenario.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { validateScenarioAgainstModel } from '../../src/spec/validate-scenario-against-model.js';

const folder = 'test/fixtures/valid';
const read = (path: string) => readFileSync(path, 'utf8');

describe('loadScenario', () => {
  it('loadScenario(base) reads every field, converts percents and resolves the model path against the file', () => {
    const scenario = loadScenario(`${folder}/base.yaml`, read);
    expect(scenario).toMatchObject({
      scenario: 'base',
      description: 'The base of the chain',
      model: `${folder}/small-model.yaml`,
      chain: [`${folder}/base.yaml`],
      horizon: 2030,
      draws: 1000,
      seed: 42,
    });
    expect(scenario.assumptions.revenue.growth).toEqual({ dist: 'normal', mean: 0.1, sd: 0.02 });
    expect(scenario.assumptions.revenue.volatility).toEqual({ dist: 'constant', value: 0.03 });
    expect(scenario.shocks).toEqual([
      { variable: 'revenue', year: 2025, growth: { dist: 'constant', value: -0.02 }, note: 'base shock', location: { file: `${folder}/base.yaml`, line: 15, col: 5 } },
      { variable: 'core', year: 2026, level: { dist: 'uniform', min: -0.1, max: 0 }, location: { file: `${folder}/base.yaml`, line: 16, col: 5 } },
    ]);
  });

  it('extends deep-merges maps, replaces lists and whole distributions, and keeps its own name', () => {
    const scenario = loadScenario(`${folder}/child.yaml`, read);
    expect(scenario.chain).toEqual([`${folder}/child.yaml`, `${folder}/base.yaml`]);
    expect(scenario.scenario).toBe('child');
    expect(scenario.description).toBe('Overrides one growth, adds one assumption, replaces the shocks');
    expect(Object.keys(scenario.assumptions)).toEqual(['revenue', 'core', 'radiating']);
    // The p5/p95 form replaces the base's { mean, sd } form as a whole (no mixing of the two).
    expect(scenario.assumptions.revenue.growth.dist).toBe('normal');
    expect((scenario.resolved as { assumptions: { revenue: { growth: unknown } } }).assumptions.revenue.growth).toEqual({ dist: 'normal', p5: '13%', p95: '19%' });
    expect(scenario.assumptions.revenue.volatility).toEqual({ dist: 'constant', value: 0.03 });
    expect(scenario.assumptions.core.rate).toEqual({ dist: 'constant', value: 0.2 });
    expect(scenario.shocks.map((s) => [s.variable, s.year])).toEqual([['core', 2027]]);
    expect(scenario.shocks[0].location).toEqual({ file: `${folder}/child.yaml`, line: 10, col: 5 });
  });

  it('records where each assumption was won: variable.param → file:line:col', () => {
    const scenario = loadScenario(`${folder}/grandchild.yaml`, read);
    expect(scenario.chain).toEqual([`${folder}/grandchild.yaml`, `${folder}/child.yaml`, `${folder}/base.yaml`]);
    expect(scenario.provenance).toEqual({
      'revenue.growth': { file: `${folder}/child.yaml`, line: 6, col: 13 },
      'revenue.volatility': { file: `${folder}/base.yaml`, line: 11, col: 17 },
      'core.rate': { file: `${folder}/base.yaml`, line: 13, col: 11 },
      'core.start': { file: `${folder}/grandchild.yaml`, line: 5, col: 12 },
      'radiating.multiplier': { file: `${folder}/child.yaml`, line: 8, col: 17 },
    });
    expect(scenario.draws).toBe(500);
    expect(scenario.seed).toBe(42);
    expect(scenario.scenario).toBe('grandchild');
    expect(scenario.description).toBe('');
  });

  it('resolved is the merged plain object: no extends, model resolved, values as written', () => {
    const scenario = loadScenario(`${folder}/grandchild.yaml`, read);
    expect(scenario.resolved).toEqual({
      scenario: 'grandchild',
      model: `${folder}/small-model.yaml`,
      horizon: 2030,
      draws: 500,
      seed: 42,
      assumptions: {
        revenue: { growth: { dist: 'normal', p5: '13%', p95: '19%' }, volatility: 0.03 },
        core: { rate: 0.2, start: { dist: 'uniform', min: 2600, max: 2900 } },
        radiating: { multiplier: { dist: 'triangular', min: 3.0, mode: 3.6, max: 4.4 } },
      },
      shocks: [{ variable: 'core', year: 2027, growth: '-5%' }],
    });
  });

  it('returns a frozen spec that validates against its model', () => {
    const scenario = loadScenario(`${folder}/grandchild.yaml`, read);
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.assumptions.core.start)).toBe(true);
    const model = parseModelSpec(scenario.model, read(scenario.model));
    expect(validateScenarioAgainstModel(scenario, model)).toEqual([]);
  });

  it('reads files through the given reader, relative to each scenario', () => {
    const files: Record<string, string> = {
      'scenarios/high.yaml': 'extends: baseline\nassumptions: { x: { growth: "3%" } }\n',
      'scenarios/baseline.yaml': 'model: ../models/m.yaml\nhorizon: 2030\ndraws: 10\nseed: 0\n',
    };
    const read = (path: string) => {
      const text = files[path];
      if (text === undefined) throw new InputError([{ file: path, message: 'missing' }]);
      return text;
    };
    const scenario = loadScenario('scenarios/high.yaml', read);
    expect(scenario.model).toBe('models/m.yaml');
    expect(scenario.scenario).toBe('high');
    expect(scenario.assumptions).toEqual({ x: { growth: { dist: 'constant', value: 0.03 } } });
  });

  it('accepts the yaml-language-server comment every shipped file starts with', () => {
    expect(() => loadScenario('scenarios/optimistic.yaml', read)).not.toThrow();
  });
});

describe('extendsPath', () => {
  it('extendsPath(file, name) looks for name.yaml next to the file, or a relative path', () => {
    expect(extendsPath('scenarios/optimistic.yaml', 'baseline')).toBe('scenarios/baseline.yaml');
    expect(extendsPath('scenarios/x/a.yaml', '../b.yml')).toBe('scenarios/b.yml');
  });
});
