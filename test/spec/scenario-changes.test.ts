// What a scenario may change beyond parameters: a variable's law, removals with null, shared drivers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { renderProblem } from '../../src/errors/problem.js';
import { mergeWithProvenance } from '../../src/spec/merge-with-provenance.js';
import { loadScenario } from '../../src/spec/load-scenario.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { validateScenarioAgainstModel } from '../../src/spec/validate-scenario-against-model.js';
import { variableUnderScenario } from '../../src/spec/variable-under-scenario.js';

const modelFile = 'test/fixtures/valid/small-model.yaml';
const model = parseModelSpec(modelFile, readFileSync(modelFile, 'utf8'));

/** A reader over in-memory scenario files (in test/fixtures/valid, so `small-model.yaml` resolves). */
function reader(files: Record<string, string>) {
  return (path: string) => {
    const text = files[path] ?? (path === modelFile ? readFileSync(path, 'utf8') : undefined);
    if (text === undefined) throw new InputError([{ file: path, message: 'missing' }]);
    return text;
  };
}
const head = 'model: small-model.yaml\nhorizon: 2030\ndraws: 100\nseed: 1\n';
const at = (name: string) => `test/fixtures/valid/${name}.yaml`;

/** Loads `name` from `files` and checks it against the small model: the rendered problems, or [] . */
function problemsOf(files: Record<string, string>, name: string): string[] {
  try {
    const scenario = loadScenario(at(name), reader(files));
    return validateScenarioAgainstModel(scenario, model).map((p) => renderProblem(p).split('\n')[0]);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => renderProblem(p).split('\n')[0]);
    throw error;
  }
}

describe('mergeWithProvenance and null', () => {
  it('null removes the inherited value and everything under it, and records what it removed', () => {
    const { value, origins, removals } = mergeWithProvenance([{ a: { x: 1, y: { z: 2 } }, b: 3 }, { a: { y: null }, b: null }]);
    expect(value).toEqual({ a: { x: 1 } });
    expect([...origins.keys()]).toEqual(['["a"]', '["a","x"]']);
    expect(removals).toEqual([
      { at: { source: 1, path: ['a', 'y'] }, removed: { source: 0, path: ['a', 'y'] } },
      { at: { source: 1, path: ['b'] }, removed: { source: 0, path: ['b'] } },
    ]);
  });

  it('a null with nothing to remove stays in the merged value for the caller to judge; a later value replaces it', () => {
    expect(mergeWithProvenance([{ a: { x: 1 } }, { a: { y: null } }]).value).toEqual({ a: { x: 1, y: null } });
    expect(mergeWithProvenance([{ a: null }, { a: { x: 1 } }]).value).toEqual({ a: { x: 1 } });
  });
});

describe('a scenario switches a law and removes settings', () => {
  const files = {
    [at('s-base')]: `${head}assumptions:\n  revenue:\n    growth: "8%"\n`,
    [at('s-switch')]: 'extends: s-base\nassumptions:\n  revenue:\n    law: dampedTrend\n    growth: null\n    persistence: null\n    trend: "6%"\n    damping: 0.8\n',
  };

  it('law and null come through as laws and removals, with where each was written', () => {
    const scenario = loadScenario(at('s-switch'), reader(files));
    expect(scenario.laws).toEqual({ revenue: 'dampedTrend' });
    expect(scenario.assumptions.revenue).toEqual({ trend: { dist: 'constant', value: 0.06 }, damping: { dist: 'constant', value: 0.8 } });
    expect(scenario.provenance['revenue.law']).toEqual({ file: at('s-switch'), line: 4, col: 10 });
    expect(scenario.removals?.map((r) => [r.path.join('.'), r.location.line, r.removes])).toEqual([
      ['assumptions.revenue.growth', 5, { file: at('s-base'), line: 7, col: 13 }],
      ['assumptions.revenue.persistence', 6, undefined],
    ]);
    // The resolved scenario keeps the null that removes the model's value, so the manifest shows it.
    expect((scenario.resolved as { assumptions: { revenue: Record<string, unknown> } }).assumptions.revenue).toEqual({ law: 'dampedTrend', persistence: null, trend: '6%', damping: 0.8 });
    expect(validateScenarioAgainstModel(scenario, model)).toEqual([]);
  });

  it('variableUnderScenario: the new law, the model parameters the scenario removes left out', () => {
    const scenario = loadScenario(at('s-switch'), reader(files));
    const revenue = model.variables.find((v) => v.name === 'revenue')!;
    expect(revenue.law).toBe('compound');
    const changed = variableUnderScenario(revenue, scenario);
    expect(changed.law).toBe('dampedTrend');
    // persistence removed; volatility kept (dampedTrend reads it in the same unit, log points)
    expect(Object.keys(changed.params)).toEqual(['volatility']);
    expect(variableUnderScenario(model.variables.find((v) => v.name === 'core')!, scenario)).toBe(model.variables.find((v) => v.name === 'core'));
  });

  it('a parameter of the old law left over, from a scenario it extends or from the model, is refused at the switch', () => {
    const leftover = { ...files, [at('s-switch')]: 'extends: s-base\nassumptions:\n  revenue:\n    law: dampedTrend\n    trend: "6%"\n' };
    expect(problemsOf(leftover, 's-switch')).toEqual([
      `${at('s-switch')}:4:5  error  assumptions.revenue.law must leave no parameter that law dampedTrend lacks, got growth from ${at('s-base')}:7:13 (remove it here with growth: null)`,
      `${at('s-switch')}:4:5  error  assumptions.revenue.law must leave no parameter that law dampedTrend lacks, got persistence from the model (${modelFile}:6:3) (remove it here with persistence: null)`,
    ]);
  });

  it('switching back with law: null restores the model law (and its parameters must fit it again)', () => {
    const back = { ...files, [at('s-back')]: 'extends: s-switch\nassumptions:\n  revenue:\n    law: null\n    trend: null\n    damping: null\n' };
    const scenario = loadScenario(at('s-back'), reader(back));
    expect(scenario.laws).toBeUndefined();
    expect(validateScenarioAgainstModel(scenario, model)).toEqual([]);
  });

  it('a parameter the new law reads in another unit is left over too (compound volatility is log points, linear volatility a level)', () => {
    const unit = { [at('s-unit')]: `${head}assumptions:\n  revenue:\n    law: linear\n    persistence: null\n    slope: 100\n` };
    expect(problemsOf(unit, 's-unit')).toEqual([
      `${at('s-unit')}:7:5  error  assumptions.revenue.law must leave no parameter that law linear lacks, got volatility from the model (${modelFile}:6:3) (remove it here with volatility: null)`,
    ]);
  });

  it('refuses nulls that remove nothing, and nulls on what the variable or the scenario needs', () => {
    const nulls = {
      [at('n-base')]: `${head}`,
      [at('n-child')]: 'extends: n-base\nhorizon: null\nshocks: null\nassumptions:\n  revenue:\n    growth: null\n',
      [at('n-model')]: `${head}assumptions:\n  core:\n    start: null\n  radiating:\n    multiplier: null\n  revenue:\n    law: null\n`,
    };
    expect(problemsOf(nulls, 'n-child')).toEqual([
      `${at('n-child')}:2:10  error  horizon must keep a value (a scenario needs one; it removes 2030 of ${at('n-base')}:2), got null`,
      `${at('n-child')}:3:9  error  shocks must remove a value the scenario inherits, got null (no scenario it extends sets it)`,
    ]);
    expect(problemsOf({ ...nulls, [at('n-child')]: 'extends: n-base\nassumptions:\n  revenue:\n    growth: null\n' }, 'n-child')).toEqual([
      `${at('n-child')}:4:5  error  assumptions.revenue.growth must remove a value the scenario inherits, got null (neither a scenario it extends nor the model sets growth for revenue)`,
    ]);
    expect(problemsOf(nulls, 'n-model')).toEqual([
      `${at('n-model')}:7:5  error  assumptions.core.start must keep a value (core has no series to start from), got null`,
      `${at('n-model')}:9:5  error  assumptions.radiating.multiplier must keep a value (the formula of radiating uses multiplier), got null`,
      `${at('n-model')}:11:5  error  assumptions.revenue.law must keep a value (revenue needs a law: name the law to switch to instead), got null`,
    ]);
  });

  it('refuses a law the variable cannot take: on a formula, a level law for a count, a count law for a level, or formula itself', () => {
    const laws = { [at('l')]: `${head}assumptions:\n  radiating:\n    law: compound\n  unicorns:\n    law: compound\n  core:\n    law: poisson\n  revenue:\n    law: formula\n` };
    expect(problemsOf(laws, 'l')).toEqual([
      `${at('l')}:13:10  error  assumptions.revenue.law must be one of: compound, meanReverting, dampedTrend, logistic, gompertz, linear, poisson, negativeBinomial, ensemble, got "formula"`,
    ]);
    laws[at('l')] = laws[at('l')].replace(/  revenue:\n    law: formula\n/, '');
    expect(problemsOf(laws, 'l')).toEqual([
      `${at('l')}:7:5  error  assumptions.radiating.law must not be given for a formula variable (core * multiplier), got "compound" (a formula variable moves with its inputs: switch their laws)`,
      `${at('l')}:9:5  error  assumptions.unicorns.law must be a count law (poisson, negativeBinomial) for unicorns, which counts whole things, got "compound"`,
      `${at('l')}:11:5  error  assumptions.core.law must be a level law (compound, meanReverting, dampedTrend, logistic, gompertz, linear, ensemble) for core, whose level is not a count, got "poisson"`,
    ]);
  });
});

describe('shared drivers in a scenario', () => {
  it('reads a driver with its defaults (standard normal factor, persistence 0) and its loadings in order', () => {
    const files = { [at('d')]: `${head}drivers:\n  cycle:\n    loadings:\n      revenue: { growth: "4%" }\n      unicorns: { rate: 0.3 }\n` };
    const scenario = loadScenario(at('d'), reader(files));
    expect(scenario.drivers).toEqual([
      {
        name: 'cycle',
        factor: { dist: 'normal', mean: 0, sd: 1 },
        persistence: 0,
        loadings: [
          { variable: 'revenue', effect: 'growth', loading: 0.04, location: { file: at('d'), line: 8, col: 26 } },
          { variable: 'unicorns', effect: 'rate', loading: 0.3, location: { file: at('d'), line: 9, col: 25 } },
        ],
        location: { file: at('d'), line: 7, col: 5 },
      },
    ]);
    expect(validateScenarioAgainstModel(scenario, model)).toEqual([]);
  });

  it('extends deep-merges drivers: a child changes one loading, removes another with null', () => {
    const files = {
      [at('d-base')]: `${head}drivers:\n  cycle:\n    persistence: 0.5\n    loadings:\n      revenue: { growth: "4%" }\n      unicorns: { rate: 0.3 }\n`,
      [at('d-child')]: 'extends: d-base\ndrivers:\n  cycle:\n    loadings:\n      revenue: { growth: "6%" }\n      unicorns: null\n      core: { growth: "2%" }\n',
    };
    const [driver] = loadScenario(at('d-child'), reader(files)).drivers!;
    expect(driver.persistence).toBe(0.5);
    expect(driver.loadings.map((l) => [l.variable, l.loading])).toEqual([['revenue', 0.06], ['core', 0.02]]);
  });

  it('refuses what no model can mean: a factor without an exponential mean, persistence outside [0, 1], a bare loading above 1, both effects, no loading', () => {
    const files = {
      [at('d-bad')]:
        `${head}drivers:\n  cycle:\n    factor: { dist: lognormal, meanlog: 0, sdlog: 1 }\n    persistence: 1.5\n    loadings:\n` +
        '      revenue: { growth: 4 }\n      unicorns: { growth: "2%", rate: 0.3 }\n      core: { rate: 0 }\n  empty:\n    loadings: {}\n',
    };
    expect(problemsOf(files, 'd-bad')).toEqual([
      `${at('d-bad')}:7:13  error  drivers.cycle.factor must be a normal, uniform, triangular or pert distribution (the factor's value in a year; its exponential must have a mean), got "lognormal(meanlog=0, sdlog=1)"`,
      `${at('d-bad')}:8:18  error  drivers.cycle.persistence must lie in [0, 1] (the year-to-year correlation of the factor), got 1.5`,
      `${at('d-bad')}:10:26  error  drivers.cycle.loadings.revenue.growth must be a fraction per unit of the factor (|x| ≤ 1 as a bare number), got 4 (did you mean "4%"?)`,
      `${at('d-bad')}:11:17  error  drivers.cycle.loadings.unicorns must give one of growth or rate, got growth and rate`,
      `${at('d-bad')}:12:21  error  drivers.cycle.loadings.core.rate must not be 0 (a loading of 0 moves nothing; remove the loading instead), got 0`,
      `${at('d-bad')}:14:15  error  drivers.empty.loadings must load at least one variable, got none`,
    ]);
  });

  it('checks loadings against the model: a known variable with a law, rate for a count law and growth for a level law', () => {
    const files = { [at('d-model')]: `${head}drivers:\n  cycle:\n    loadings:\n      revenu: { growth: "4%" }\n      radiating: { growth: "4%" }\n      unicorns: { growth: "4%" }\n      core: { rate: 0.2 }\n` };
    expect(problemsOf(files, 'd-model')).toEqual([
      `${at('d-model')}:8:7  error  drivers.cycle.loadings.revenu must name a known variable of model small, got "revenu" (did you mean "revenue"?)`,
      `${at('d-model')}:9:7  error  drivers.cycle.loadings.radiating must name a variable with a law, got "radiating", a formula (core * multiplier) that moves with its inputs (load the variables its formula uses)`,
      `${at('d-model')}:10:27  error  drivers.cycle.loadings.unicorns.growth must load the rate of unicorns, a count (law negativeBinomial), got "growth" (write rate: instead)`,
      `${at('d-model')}:11:21  error  drivers.cycle.loadings.core.rate must load the growth of core (law logistic), got "rate" (write growth: instead)`,
    ]);
  });

  it('a driver may load a variable whose law the same scenario switches (the check uses the new law)', () => {
    const files = { [at('d-switch')]: `${head}assumptions:\n  core:\n    law: compound\n    capacity: null\ndrivers:\n  cycle:\n    loadings:\n      core: { growth: "3%" }\n` };
    expect(problemsOf(files, 'd-switch')).toEqual([]);
  });
});
