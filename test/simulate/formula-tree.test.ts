// A formula parsed once, when its model is read, and kept with the model (VariableSpec.formulaTree):
// a model from the content cache (V8's serialisation) or a worker's copy (structured clone) compiles
// from that tree, without mathjs, into the very closures a fresh parse gives.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/io/load-project.js';
import { portableSetup, reviveSetup } from '../../src/pipeline/portable-setup.js';
import { runSetup } from '../../src/pipeline/run-setup.js';
import { analyzeFormula, compileFormula, type FormulaNames } from '../../src/simulate/formulas/compile-formula.js';
import type { FormulaTree } from '../../src/simulate/formulas/formula-tree.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { projectRoot } from '../helpers/project.js';

const names: FormulaNames = { variables: ['a', 'b'], params: ['k'] };

/** Every operator and function the whitelist allows, nested and parenthesised. */
const formulas = [
  'a * k + lag(a)',
  '100 * a / b',
  '-(a - b) ^ 2 + +k',
  'exp(log(a)) - sqrt(abs(b)) + log(a, 10)',
  'min(a, b, k) + max(a, 3) + pow(a, 0.5)',
  'floor(a / 7) + ceil(b) + round(k * 3)',
  '((a))',
  '42',
];

/** Columns with negatives, zeros and fractions (NaN from sqrt or log of a negative included). */
function environment() {
  const column = (seed: number) => Float64Array.from({ length: 64 }, (_, i) => Math.sin(seed * 7.1 + i * 1.3) * 10 * (i % 5 === 0 ? 0 : 1));
  const columns = { a: column(1), b: column(2), k: column(3) } as Record<string, Float64Array>;
  const lagged = { a: column(4), b: column(5) } as Record<string, Float64Array>;
  return { current: (n: string) => columns[n], previous: (n: string) => lagged[n], param: (n: string) => columns[n] };
}

/** The formula's values as bit patterns (NaN and −0 compared exactly). */
function evaluated(formula: ReturnType<typeof compileFormula>): bigint[] {
  const out = new Float64Array(64);
  formula.evaluate(environment(), out);
  return [...new BigUint64Array(out.buffer)];
}

describe('a formula compiled from its kept tree', () => {
  it.each(formulas)('%s: the same closures after the cache and a thread copy it', (text) => {
    const analysis = analyzeFormula(text, names);
    expect(analysis.issues).toEqual([]);
    const tree = analysis.tree!;
    const cached = deserialize(serialize(tree)) as FormulaTree;
    const copied = structuredClone(tree);
    const parsed = compileFormula(text, names);
    for (const kept of [cached, copied]) {
      const compiled = compileFormula(text, names, kept);
      expect([compiled.inputs, compiled.lagged, compiled.params]).toEqual([parsed.inputs, parsed.lagged, parsed.params]);
      expect(evaluated(compiled)).toEqual(evaluated(parsed));
    }
  });

  it('is checked again against the names it is compiled with', () => {
    const tree = analyzeFormula('a * k', names).tree!;
    expect(() => compileFormula('a * k', { variables: ['a'], params: [] }, tree)).toThrow(/k/);
  });

  it('is kept by the model for every formula variable, and reaches a worker thread', () => {
    const project = loadProject(projectRoot, { scenarios: ['scenarios/baseline.yaml'] });
    const { model, scenario } = project.scenarios[0];
    const withFormulas = model.variables.filter((v) => v.formula !== undefined);
    expect(withFormulas.length).toBeGreaterThan(0);
    for (const variable of withFormulas) expect(variable.formulaTree, variable.name).toEqual(analyzeFormula(variable.formula!, { variables: [], params: [] }).tree);
    // What a worker gets (a structured clone of the portable setup) brings each tree to its compiler.
    const given: (FormulaTree | undefined)[] = [];
    reviveSetup(structuredClone(portableSetup(runSetup(model, project.data, scenario))), (text, formulaNames, parsed) => {
      given.push(parsed);
      return compileFormula(text, formulaNames, parsed);
    });
    expect(given).toHaveLength(withFormulas.length);
    expect(given.every((tree) => tree !== undefined)).toBe(true);
  });

  it('is absent where the formula does not parse (the model is refused)', () => {
    expect(analyzeFormula('a * (b', names).tree).toBeUndefined();
    expect(() => parseModelSpec('m.yaml', 'model: m\nregion: Beijing\nvariables:\n  x: { unit: 亿元, formula: "a * (" }\n')).toThrow();
  });
});
