// Outputs do not depend on the order blocks are simulated in (histogram and exact summaries alike).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'optimistic.yaml')]);
const { scenario, model } = inputs.scenarios[0];

/** A fixed shuffle (Fisher–Yates with a linear congruential generator). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('block order', () => {
  it('histogram summaries (past 65,536 draws): index order, reversed and shuffled give identical results', () => {
    const draws = 70_000;
    const inOrder = runScenario(model, inputs.data, scenario, { draws });
    const reversed = runScenario(model, inputs.data, scenario, { draws, blockOrder: (blocks) => [...blocks].reverse() });
    const mixed = runScenario(model, inputs.data, scenario, { draws, blockOrder: shuffled });
    expect(reversed.summaries).toEqual(inOrder.summaries);
    expect(mixed.summaries).toEqual(inOrder.summaries);
    expect(reversed.targets).toEqual(inOrder.targets);
    expect(mixed.targets).toEqual(inOrder.targets);
  });

  it('exact summaries: any order gives identical results', () => {
    const draws = 40_000;
    const inOrder = runScenario(model, inputs.data, scenario, { draws, exactQuantiles: true });
    const reversed = runScenario(model, inputs.data, scenario, { draws, exactQuantiles: true, blockOrder: (blocks) => [...blocks].reverse() });
    expect(reversed.summaries).toEqual(inOrder.summaries);
    expect(reversed.targets).toEqual(inOrder.targets);
  });
});
