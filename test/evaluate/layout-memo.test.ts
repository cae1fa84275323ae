// LayoutMemo: a layout found again only for the same pilot values, probabilities and draw count, and
// only from this run or the one before; runs of variants give the same outcomes with it as without.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { histogramLayoutOf, planHistogramLayout } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { LayoutMemo } from '../../src/evaluate/layout-memo.js';
import { quantileProbabilities } from '../../src/evaluate/quantiles.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { nextUp } from '../../src/math/next-double.js';
import { runVariant, type VariantInputs } from '../../src/planner/run-variant.js';
import { createStream } from '../../src/simulate/random/create-stream.js';
import { projectRoot } from '../helpers/project.js';

/** 8,192 log-normal pilot values from a seeded stream. */
function pilot(seed: number): Float64Array {
  const values = new Float64Array(8192);
  createStream(seed, 'layout-memo').fillStandardNormal(values);
  return values.map((z) => Math.exp(0.3 * z));
}

describe('LayoutMemo', () => {
  it('gives the layout planHistogramLayout gives, and the same object for the same values again', () => {
    const memo = new LayoutMemo();
    const values = pilot(1);
    const layout = memo.layoutOf(values, quantileProbabilities, 100_000);
    expect(layout).toEqual(histogramLayoutOf(planHistogramLayout(values, quantileProbabilities, 100_000)));
    // A copy of the values (another buffer, another offset) is found by content.
    const copy = new Float64Array(values.length + 3);
    copy.set(values, 3);
    expect(memo.layoutOf(copy.subarray(3), quantileProbabilities, 100_000)).toBe(layout);
    expect([memo.made, memo.found]).toEqual([1, 1]);
  });

  it('lays out again when one value, the probabilities or the draw count differ', () => {
    const memo = new LayoutMemo();
    const values = pilot(2);
    const layout = memo.layoutOf(values, quantileProbabilities, 100_000);
    const changed = values.slice();
    changed[4000] = nextUp(changed[4000]);
    expect(memo.layoutOf(changed, quantileProbabilities, 100_000)).not.toBe(layout);
    expect(memo.layoutOf(values, [0.05, 0.5, 0.95], 100_000)).not.toBe(layout);
    expect(memo.layoutOf(values, quantileProbabilities, 200_000)).not.toBe(layout);
    expect([memo.made, memo.found]).toEqual([4, 0]);
  });

  it('finds the layouts of this run and the run before, not older ones', () => {
    const memo = new LayoutMemo();
    const values = pilot(3);
    const layout = memo.layoutOf(values, quantileProbabilities, 100_000);
    memo.nextRun();
    expect(memo.layoutOf(values, quantileProbabilities, 100_000)).toBe(layout); // the run before
    memo.nextRun();
    memo.nextRun();
    const again = memo.layoutOf(values, quantileProbabilities, 100_000); // three runs back: made again
    expect(again).not.toBe(layout);
    expect(again).toEqual(layout);
    expect([memo.made, memo.found]).toEqual([2, 1]);
  });

  it('variants of the baseline give the same outcomes with the memo as without, and most layouts are found again', () => {
    const loaded = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
    const { model, scenario } = loaded.scenarios[0];
    const inputs: VariantInputs = { model, data: loaded.data, scenario, draws: 70_000, seed: scenario.seed };
    const growth = (mean: number) => [{ variable: 'aiCoreIndustry', parameter: 'growth', distribution: { dist: 'normal' as const, mean, sd: 0.05 } }];
    const memo = new LayoutMemo();
    for (const mean of [0.1, 0.15, 0.2]) {
      expect(runVariant(inputs, growth(mean), { layouts: memo })).toEqual(runVariant(inputs, growth(mean)));
    }
    // The first variant lays out every summary; each later one only those the override reaches.
    expect(memo.found).toBeGreaterThan(memo.made / 2);
  }, 60_000);
});
