// Which variables read which: the closures a targets-only variant simulates (src/model/variable-graph.ts).
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import type { PreparedModel } from '../../src/model/prepared-model.js';
import { formulaInputsOf, variablesRead, variablesReading } from '../../src/model/variable-graph.js';
import { prepareModel } from '../../src/pipeline/prepare-model.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', ['scenarios/baseline.yaml']);
const shipped = prepareModel(inputs.scenarios[0].model, inputs.data, inputs.scenarios[0].scenario);

/** A model of named variables: a law (no formula) or a formula reading `inputs` this year and `lagged` last year. */
function graph(variables: Record<string, { inputs?: string[]; lagged?: string[] } | 'law'>): PreparedModel {
  const prepared = Object.entries(variables).map(([name, v]) => ({
    spec: { name },
    ...(v === 'law' ? {} : { formula: { inputs: v.inputs ?? [], lagged: v.lagged ?? [] } }),
  }));
  return { variables: prepared } as unknown as PreparedModel;
}

describe('variablesRead(model, names)', () => {
  it('on the shipped model: a formula with what it reads, a law alone, depth first', () => {
    expect([...variablesRead(shipped, ['aiRadiatingIndustry'])]).toEqual(['aiRadiatingIndustry', 'aiCoreIndustry']);
    expect([...variablesRead(shipped, ['aiCoreShareOfNational'])]).toEqual(['aiCoreShareOfNational', 'aiCoreIndustry', 'nationalAiCoreIndustry']);
    expect([...variablesRead(shipped, ['aiCoreIndustry'])]).toEqual(['aiCoreIndustry']);
    // aiUnicornStock = lag(aiUnicornStock) + newAiUnicorns − aiUnicornExits: its own lag is no cycle.
    expect(new Set(variablesRead(shipped, ['aiUnicornStock']))).toEqual(new Set(['aiUnicornStock', 'newAiUnicorns', 'aiUnicornExits']));
  });

  it('follows formulas through formulas and lags, and leaves out names the model lacks', () => {
    const model = graph({ a: 'law', b: { inputs: ['a'] }, c: { inputs: ['b'], lagged: ['d'] }, d: 'law', e: 'law' });
    expect([...variablesRead(model, ['c', 'nope'])]).toEqual(['c', 'b', 'a', 'd']);
    expect(formulaInputsOf(model.variables[2])).toEqual(['b', 'd']);
    expect(formulaInputsOf(model.variables[0])).toEqual([]);
  });
});

describe('variablesReading(model, names)', () => {
  it('on the shipped model: the AI core reaches its share of the national figure and the radiating industry', () => {
    expect([...variablesReading(shipped, ['aiCoreIndustry'])]).toEqual(['aiCoreIndustry', 'aiCoreShareOfNational', 'aiRadiatingIndustry']);
    expect(new Set(variablesReading(shipped, ['newAiUnicorns']))).toEqual(new Set(['newAiUnicorns', 'cumulativeAiUnicorns', 'aiUnicornStock']));
    expect([...variablesReading(shipped, ['highLevelScholars'])]).toEqual(['highLevelScholars']);
  });

  it('reaches a variable earlier in evaluation order through a lag, and through chains of formulas', () => {
    // b reads last year's d, which is evaluated after it; f reads b.
    const model = graph({ a: 'law', b: { lagged: ['d'] }, c: 'law', d: { inputs: ['c'] }, f: { inputs: ['b'] } });
    expect(new Set(variablesReading(model, ['c']))).toEqual(new Set(['c', 'd', 'b', 'f']));
    expect([...variablesReading(model, ['a', 'nope'])]).toEqual(['a']);
  });
});
