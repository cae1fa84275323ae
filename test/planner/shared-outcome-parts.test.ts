// SharedOutcomeParts: outcomes copied from worker threads keep one copy of the parts every variant
// shares, and stay equal, field for field, to what the workers sent.
import { describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runVariant, type VariantInputs } from '../../src/planner/run-variant.js';
import { SharedOutcomeParts } from '../../src/planner/shared-outcome-parts.js';
import { projectRoot } from '../helpers/project.js';

const loaded = loadRunInputs(projectRoot, 'data', ['scenarios/baseline.yaml']);
const { model, scenario } = loaded.scenarios[0];
const inputs: VariantInputs = { model, data: loaded.data, scenario, draws: 2000, seed: scenario.seed };
const growth = (mean: number) => [{ variable: 'aiCoreIndustry', parameter: 'growth', distribution: { dist: 'normal' as const, mean, sd: 0.05 } }];
const first = runVariant(inputs, growth(0.1));
const second = runVariant(inputs, growth(0.2));

describe('SharedOutcomeParts.share(outcome)', () => {
  it('keeps each outcome equal to the copy it was given, and shares the targets, records and evidence that are equal', () => {
    const parts = new SharedOutcomeParts();
    // A worker's reply is a structured clone (postMessage).
    const a = parts.share(structuredClone(first));
    const b = parts.share(structuredClone(second));
    expect(a).toEqual(first);
    expect(b).toEqual(second);
    expect(b.targets.map((t) => t.probabilityMet)).not.toEqual(a.targets.map((t) => t.probabilityMet));
    expect(b.skippedTargets).toBe(a.skippedTargets);
    b.targets.forEach((t, k) => {
      // Notes and the rows a nowcast is conditioned on are shared where the two variants' are equal.
      if (JSON.stringify(t.notes) === JSON.stringify(a.targets[k].notes)) expect(t.notes).toBe(a.targets[k].notes);
      if (t.conditioned) expect(t.conditioned.rows).toBe(a.targets[k].conditioned!.rows);
    });
    expect(b.targets.some((t) => t.conditioned)).toBe(true);
    b.verdicts.forEach((v, i) => {
      expect(v.target).toBe(a.verdicts[i].target);
      expect(v.record).toBe(a.verdicts[i].record);
      if (v.evidence) expect(v.evidence).toBe(a.verdicts[i].evidence);
      // Within an outcome a verdict's projection is still its target result, and that result's target is shared.
      if (v.projection) {
        expect(b.targets).toContain(v.projection);
        expect(v.projection.target).toBe(a.targets.find((t) => t.target.id === v.target.id)!.target);
      }
    });
  });

  it('keeps a part that differs from the first as it came', () => {
    const parts = new SharedOutcomeParts();
    const a = parts.share(structuredClone(first));
    const index = first.verdicts.findIndex((v) => v.evidence);
    const evidence = { ...first.verdicts[index].evidence!, basis: 'assumption' as const, inputs: [] };
    const changed = structuredClone({ ...first, verdicts: first.verdicts.map((v, i) => (i === index ? { ...v, evidence } : v)) });
    const b = parts.share(changed);
    expect(b.verdicts[index].evidence).toEqual(evidence);
    expect(b.verdicts[index].evidence).not.toBe(a.verdicts[index].evidence);
    expect(b.verdicts[index].target).toBe(a.verdicts[index].target);
  });
});
