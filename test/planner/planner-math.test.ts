import fc from 'fast-check';
import { sampleRankCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { bisectProbability } from '../../src/planner/bisect-probability.js';
import { describeDistribution } from '../../src/simulate/distributions/describe-distribution.js';
import { diffResolved } from '../../src/planner/diff-resolved.js';
import { pairedDifference } from '../../src/planner/paired-difference.js';
import { parseAssumptionPath } from '../../src/planner/assumption-path.js';
import { parseNumberLike, parseVary } from '../../src/planner/parse-vary.js';
import { sweepGrid } from '../../src/planner/sweep-grid.js';
import { selectDrawIndices } from '../../src/planner/select-draw-indices.js';
import { midranks, pearsonCorrelation, spearmanCorrelation } from '../../src/planner/spearman-correlation.js';
import { InputError } from '../../src/errors/input-error.js';

describe('pairedDifference(first, second)', () => {
  it('gives mean(I_b − I_a) and sqrt(Var(d)/n), variance with divisor n', () => {
    // d = 0,1,0,0: mean 0.25, E[d²] − mean² = 0.25 − 0.0625 = 0.1875, se = sqrt(0.1875/4)
    const result = pairedDifference(Uint8Array.of(0, 0, 1, 1), Uint8Array.of(0, 1, 1, 1));
    expect(result.difference).toBe(0.25);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.1875 / 4), 15);
  });
  it('is zero with zero error for identical indicators, and refuses unpaired input', () => {
    expect(pairedDifference(Uint8Array.of(1, 0, 1), Uint8Array.of(1, 0, 1))).toEqual({ difference: 0, standardError: 0 });
    expect(() => pairedDifference(Uint8Array.of(1), Uint8Array.of(1, 0))).toThrow(/equal lengths/);
  });
  it('never exceeds the unpaired error when the second run meets wherever the first does (a dominating scenario)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 200 }), (pairs) => {
        const a = Uint8Array.from(pairs.map(([x]) => (x ? 1 : 0)));
        const b = Uint8Array.from(pairs.map(([x, y]) => (x || y ? 1 : 0)));
        const n = a.length;
        const pa = a.reduce((s, v) => s + v, 0) / n;
        const pb = b.reduce((s, v) => s + v, 0) / n;
        const unpaired = Math.sqrt((pa * (1 - pa)) / n + (pb * (1 - pb)) / n);
        const { difference, standardError } = pairedDifference(a, b);
        expect(difference).toBeCloseTo(pb - pa, 12);
        expect(standardError).toBeLessThanOrEqual(unpaired + 1e-12);
      }),
    );
  });
});

describe('diffResolved(objects)', () => {
  it('lists only the leaf paths whose values differ, sorted, with undefined where absent', () => {
    const baseline = { scenario: 'baseline', horizon: 2030, draws: 20000 };
    const optimistic = {
      scenario: 'optimistic',
      horizon: 2030,
      draws: 20000,
      assumptions: { aiCoreIndustry: { growth: { dist: 'normal', mean: '18%', sd: '4%' } } },
    };
    expect(diffResolved([baseline, optimistic])).toEqual([
      { path: 'assumptions.aiCoreIndustry.growth', values: [undefined, { dist: 'normal', mean: '18%', sd: '4%' }] },
    ]);
  });
  it('treats lists and distributions as single values (extends replaces them whole)', () => {
    expect(diffResolved([{ shocks: [{ year: 2025 }] }, { shocks: [{ year: 2026 }] }])).toEqual([
      { path: 'shocks', values: [[{ year: 2025 }], [{ year: 2026 }]] },
    ]);
    expect(diffResolved([{ a: 1 }, { a: 1 }])).toEqual([]);
  });
});

describe('spearmanCorrelation(x, y)', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toBeCloseTo(1, 15);
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 3, 2, 1, 0])).toBeCloseTo(-1, 15);
  });
  it('gives tied values their midrank and agrees with pandas', () => {
    expect(Array.from(midranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    // checked with pandas 1.5.3: pd.Series([1,2,3,4,5,6]).corr(pd.Series([1,1,2,2,3,1]), method='spearman') = 0.37032803990902063
    expect(spearmanCorrelation([1, 2, 3, 4, 5, 6], [1, 1, 2, 2, 3, 1])).toBeCloseTo(0.37032803990902063, 12);
  });
  it('agrees with simple-statistics sampleRankCorrelation on random data with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 3, maxLength: 60 }), (pairs) => {
        const x = pairs.map(([a]) => a);
        const y = pairs.map(([, b]) => b);
        const ours = spearmanCorrelation(x, y);
        const theirs = sampleRankCorrelation(x, y);
        if (Number.isNaN(ours)) expect(new Set(x).size === 1 || new Set(y).size === 1).toBe(true);
        else expect(ours).toBeCloseTo(theirs, 10);
      }),
    );
  });
  it('drops draws that are not finite and is NaN for a constant column', () => {
    expect(spearmanCorrelation([1, 2, Number.NaN, 3], [2, 4, 1, 6])).toBeCloseTo(1, 15);
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('parseVary(text) and parseAssumptionPath(path)', () => {
  it('reads lists, percents and stepped ranges with the end included', () => {
    expect(parseVary('assumptions.aiCoreIndustry.growth=0.1,12%,1e-1')).toEqual({ path: 'assumptions.aiCoreIndustry.growth', values: [0.1, 0.12, 0.1], percent: true });
    expect(parseVary('a.b.mean=10%:20%:5%').values).toEqual([0.1, 0.15000000000000002, 0.2]);
    expect(parseVary('a.b=1:2:0.25').values).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect(parseNumberLike('-2.5%')).toBe(-0.025);
    expect(parseNumberLike('abc')).toBeUndefined();
  });
  it('refuses malformed values with a message naming the rule and the value', () => {
    expect(() => parseVary('a.b')).toThrow(InputError);
    expect(() => parseVary('a.b')).toThrow('--vary must be <path>=<values> with values a list a,b,c or a range low:high:step, got "a.b"');
    expect(() => parseVary('a.b=1,x')).toThrow('--vary a.b value must be a number or a percent such as "12%", got "x"');
    expect(() => parseVary('a.b=2:1:0.1')).toThrow(/range must be low:high:step/);
    expect(() => parseVary('a.b=0:1:0')).toThrow(/range must be low:high:step/);
  });
  it('splits paths with or without the assumptions. prefix', () => {
    expect(parseAssumptionPath('assumptions.aiCoreIndustry.growth.mean')).toEqual({
      path: 'assumptions.aiCoreIndustry.growth.mean',
      variable: 'aiCoreIndustry',
      parameter: 'growth',
      field: 'mean',
    });
    expect(parseAssumptionPath('newAiUnicorns.mean')).toEqual({ path: 'newAiUnicorns.mean', variable: 'newAiUnicorns', parameter: 'mean' });
    expect(() => parseAssumptionPath('assumptions.x')).toThrow(/--vary path must be/);
  });
});

describe('sweepGrid(lists)', () => {
  it('is the Cartesian product with the last list changing fastest', () => {
    expect(sweepGrid([[1, 2], [10, 20]])).toEqual([[1, 10], [1, 20], [2, 10], [2, 20]]);
    expect(sweepGrid([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
});

describe('selectDrawIndices(draws, count)', () => {
  it('spreads indices evenly from draw 0, and returns every draw when asked for more', () => {
    expect(selectDrawIndices(10, 4)).toEqual([0, 2, 5, 7]);
    expect(selectDrawIndices(3, 10)).toEqual([0, 1, 2]);
    expect(selectDrawIndices(10, 0)).toEqual([]);
  });
});

describe('describeDistribution(d)', () => {
  it('writes name(field=value, …) and a constant as its value', () => {
    expect(describeDistribution({ dist: 'normal', mean: 0.18, sd: 0.04 })).toBe('normal(mean=0.18, sd=0.04)');
    expect(describeDistribution({ dist: 'constant', value: 6 })).toBe('6');
  });
});

describe('bisectProbability(evaluate, wanted, options)', () => {
  const linear = (v: number) => ({ value: v, probability: Math.min(1, Math.max(0, v)), probabilitySe: 0 });
  it('finds the crossing of an increasing probability and returns the meeting side', () => {
    const result = bisectProbability(linear, 0.8, { low: 0, high: 1, tolerance: 1e-9 });
    expect(result.status).toBe('solved');
    expect(result.value).toBeCloseTo(0.8, 8);
    expect(result.probability).toBeGreaterThanOrEqual(0.8);
  });
  it('handles a decreasing probability', () => {
    const falling = (v: number) => ({ value: v, probability: Math.min(1, Math.max(0, 1 - v)), probabilitySe: 0 });
    const result = bisectProbability(falling, 0.25, { low: 0, high: 1, tolerance: 1e-9 });
    expect(result.increasing).toBe(false);
    expect(result.value).toBeCloseTo(0.75, 8);
    expect(result.probability).toBeGreaterThanOrEqual(0.25);
  });
  it('reports a range that does not bracket, and widens a default range until it does', () => {
    expect(bisectProbability(linear, 0.8, { low: 0, high: 0.5 }).status).toBe('notBracketed');
    const widened = bisectProbability((v) => linear(v / 10), 0.8, { low: 0, high: 1, maxWidenings: 5, tolerance: 1e-9 });
    expect(widened.status).toBe('solved');
    expect(widened.value).toBeCloseTo(8, 6);
  });
  it('on a step function (a simulated probability) lands on the first step at or above the wanted level', () => {
    const steps = (v: number) => ({ value: v, probability: Math.floor(Math.min(1, Math.max(0, v)) * 10) / 10, probabilitySe: 0 });
    const result = bisectProbability(steps, 0.75, { low: 0, high: 1, tolerance: 1e-9 });
    expect(result.probability).toBe(0.8);
    expect(result.value).toBeCloseTo(0.8, 8);
  });
});
