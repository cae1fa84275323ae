import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { defaultLimits, useLimits } from '../../src/io/limits.js';
import { formulaCycles, parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { lawNames, lawParameterNames } from '../../src/spec/law-parameter-names.js';

const file = 'test/fixtures/valid/small-model.yaml';
const model = () => parseModelSpec(file, readFileSync(file, 'utf8'));

describe('parseModelSpec', () => {
  it('parseModelSpec(small-model.yaml) keeps variables in file order with their laws', () => {
    const spec = model();
    expect(spec).toMatchObject({ model: 'small', labelZh: '小模型', labelEn: 'Small model', region: 'Beijing', file });
    expect(spec.variables.map((v) => [v.name, v.law])).toEqual([
      ['revenue', 'compound'],
      ['core', 'logistic'],
      ['radiating', 'formula'],
      ['unicorns', 'negativeBinomial'],
      ['cumulative', 'formula'],
    ]);
  });

  it('parseModelSpec returns the model it made for the same name, text and limits (validate reads each model twice)', () => {
    const text = readFileSync(file, 'utf8');
    const first = parseModelSpec(file, text);
    expect(parseModelSpec(file, text)).toBe(first);
    expect(parseModelSpec(file, `${text}\n`)).not.toBe(first);
    expect(parseModelSpec('other.yaml', text)).not.toBe(first);
    const previous = useLimits({ ...defaultLimits, yamlNodes: defaultLimits.yamlNodes + 1 });
    try {
      expect(parseModelSpec(file, text)).not.toBe(first);
    } finally {
      useLimits(previous);
    }
    expect(parseModelSpec(file, `${text}\n`)).toEqual(first);
  });

  it('reads calibration, params (percents converted), start, region and labels', () => {
    const [revenue, core, radiating, unicorns, cumulative] = model().variables;
    expect(revenue).toMatchObject({
      labelZh: '营业收入',
      labelEn: 'Revenue',
      unit: '亿元',
      series: 'bj.revenue',
      growthSeries: ['bj.other.revenue'],
      calibrateFrom: 2016,
      calibrateTo: 2023,
      params: { persistence: { dist: 'constant', value: 0.3 }, volatility: { dist: 'uniform', min: 0.02, max: 0.06 } },
      location: { file, line: 6, col: 3 },
    });
    expect(core.start).toEqual({ year: 2023, value: { dist: 'uniform', min: 2500, max: 3000 } });
    expect(core.labelEn).toBe('core');
    expect(core.growthSeries).toEqual([]);
    expect(radiating).toMatchObject({ formula: 'core * multiplier', params: { multiplier: { dist: 'pert', min: 2.5, mode: 3.3, max: 4 } } });
    expect(radiating.series).toBeUndefined();
    expect(unicorns.region).toBe('China');
    expect(cumulative.start).toEqual({ year: 2023, value: { dist: 'constant', value: 6 } });
  });

  it('returns a frozen spec', () => {
    const spec = model();
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.variables[0].params.volatility)).toBe(true);
  });

  it('parses the shipped model, whose first line is the yaml-language-server comment', () => {
    const spec = parseModelSpec('models/beijing.yaml', readFileSync('models/beijing.yaml', 'utf8'));
    expect(spec.variables.length).toBeGreaterThan(0);
  });

  it('throws one InputError with every problem of the file', () => {
    const text = 'model: m\nregion: R\nvariables:\n  a: { unit: u, law: linear }\n  b: { unit: u, law: poisson, series: s, params: { mean: 1 } }\n';
    try {
      parseModelSpec('m.yaml', text);
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
        '4:3 variables.a must have a series or a start, got neither',
        '5:52 variables.b.params.mean must be a parameter of law poisson (rate), got "mean"',
      ]);
    }
  });

  it('allows a formula variable to use its own last value through lag()', () => {
    const text = 'model: m\nregion: R\nvariables:\n  n: { unit: count, law: poisson, series: s }\n  total:\n    unit: count\n    formula: lag(total) + n\n    start: { year: 2023, value: 6 }\n';
    expect(parseModelSpec('m.yaml', text).variables[1]).toMatchObject({ law: 'formula', formula: 'lag(total) + n' });
  });
});

describe('formulaCycles', () => {
  it('finds each same-year cycle once, starting at its first variable in file order', () => {
    const analyses = new Map([
      ['a', { inputs: ['b'] }],
      ['b', { inputs: ['c'] }],
      ['c', { inputs: ['a'] }],
      ['d', { inputs: ['d'] }],
      ['e', { inputs: ['a'] }],
    ]);
    expect(formulaCycles(['e', 'c', 'a', 'b', 'd'], analyses)).toEqual([
      ['c', 'a', 'b', 'c'],
      ['d', 'd'],
    ]);
  });
});

describe('lawParameterNames', () => {
  it('has an entry for every law', () => {
    expect(Object.keys(lawParameterNames).sort()).toEqual([...lawNames].sort());
  });
});
