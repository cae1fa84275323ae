import { describe, expect, it } from 'vitest';
import { distributionMean } from '../../src/simulate/distributions/sample-distribution.js';
import { distributionProblem, setDistributionField } from '../../src/planner/set-distribution-field.js';
import { withAssumptions } from '../../src/planner/with-assumptions.js';
import type { ScenarioSpec } from '../../src/spec/scenario-spec.js';

describe('setDistributionField(distribution, field, value, path)', () => {
  it('sets the parameter to a constant when no field is named', () => {
    expect(setDistributionField({ dist: 'normal', mean: 0.1, sd: 0.02 }, undefined, 0.2, 'x')).toEqual({ dist: 'constant', value: 0.2 });
    expect(setDistributionField(undefined, undefined, 3, 'x')).toEqual({ dist: 'constant', value: 3 });
  });
  it('replaces a field the distribution has', () => {
    expect(setDistributionField({ dist: 'normal', mean: 0.1, sd: 0.02 }, 'sd', 0.05, 'x')).toEqual({ dist: 'normal', mean: 0.1, sd: 0.05 });
    expect(setDistributionField({ dist: 'triangular', min: 1, mode: 2, max: 4 }, 'max', 5, 'x')).toEqual({ dist: 'triangular', min: 1, mode: 2, max: 5 });
  });
  it('moves a distribution without a mean field so that its mean is the value, keeping its spread', () => {
    expect(setDistributionField({ dist: 'uniform', min: 1, max: 3 }, 'mean', 4, 'x')).toEqual({ dist: 'uniform', min: 3, max: 5 });
    const t = setDistributionField({ dist: 'studentT', location: 0.1, scale: 0.02, df: 6 }, 'mean', 0.15, 'x');
    expect(t).toEqual({ dist: 'studentT', location: 0.15, scale: 0.02, df: 6 });
    for (const d of [
      { dist: 'lognormal', meanlog: 0, sdlog: 0.5 },
      { dist: 'gamma', shape: 3, rate: 0.5 },
      { dist: 'pert', min: 2.5, mode: 3.3, max: 4 },
      { dist: 'triangular', min: 2.5, mode: 3.3, max: 4.2 },
    ] as const) {
      expect(distributionMean(setDistributionField(d, 'mean', 4.5, 'x'))).toBeCloseTo(4.5, 10);
    }
  });
  it('refuses unknown fields and invalid results with the path, the rule and the value', () => {
    expect(() => setDistributionField({ dist: 'normal', mean: 0.1, sd: 0.02 }, 'max', 1, 'a.b.max')).toThrow(
      'a.b.max must name a field of its distribution (mean, sd), got "max"',
    );
    expect(() => setDistributionField({ dist: 'normal', mean: 0.1, sd: 0.02 }, 'sd', 0, 'a.b.sd')).toThrow('a.b.sd must give a distribution with sd > 0, got 0');
    expect(distributionProblem({ dist: 'uniform', min: 2, max: 1 })).toBe('give a distribution with min < max');
  });
});

describe('withAssumptions(scenario, overrides)', () => {
  const scenario = {
    scenario: 'baseline',
    assumptions: { aiCoreIndustry: { growth: { dist: 'normal', mean: 0.1, sd: 0.02 } } },
    provenance: {},
    resolved: { scenario: 'baseline', assumptions: { aiCoreIndustry: { growth: { dist: 'normal', mean: '10%', sd: '2%' } } } },
  } as unknown as ScenarioSpec;

  it('lays overrides over the assumptions, records them in resolved and provenance, and leaves the input alone', () => {
    const before = JSON.stringify(scenario);
    const variant = withAssumptions(scenario, [
      { variable: 'aiCoreIndustry', parameter: 'growth', distribution: { dist: 'constant', value: 0.2 } },
      { variable: 'newAiUnicorns', parameter: 'mean', distribution: { dist: 'uniform', min: 4, max: 8 } },
    ]);
    expect(variant.assumptions.aiCoreIndustry.growth).toEqual({ dist: 'constant', value: 0.2 });
    expect(variant.assumptions.newAiUnicorns.mean).toEqual({ dist: 'uniform', min: 4, max: 8 });
    expect((variant.resolved as { assumptions: Record<string, Record<string, unknown>> }).assumptions.aiCoreIndustry.growth).toBe(0.2);
    expect(variant.provenance['aiCoreIndustry.growth'].file).toBe('command line');
    expect(JSON.stringify(scenario)).toBe(before);
  });
});
