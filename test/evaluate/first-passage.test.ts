// First passage through a whole run: the probability of having met a target by each year.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { projectRoot } from '../helpers/project.js';

const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
const { scenario, model } = inputs.scenarios[0];

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
