import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactQuantileAccumulator } from '../../src/evaluate/quantile-accumulator.js';

/** Type 7 by sorting (Hyndman & Fan 1996): the reference the accumulator must equal. */
function type7(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  return j + 1 < sorted.length ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
}

describe('ExactQuantileAccumulator', () => {
  it('gives R type 7 quantiles over every block, NaN left out and counted apart', () => {
    const q = new ExactQuantileAccumulator();
    q.add(Float64Array.of(4, 1, Number.NaN, 99), 3);
    q.add(Float64Array.of(3, 2), 2);
    expect(q.count).toBe(4);
    expect(q.nanCount).toBe(1);
    // numpy (type 7): /usr/bin/python3 -c "import numpy as np; print(np.quantile([4,1,3,2],[0.05,0.5,0.95]))" → [1.15 2.5 3.85]
    const [p05, p50, p95] = q.quantiles([0.05, 0.5, 0.95]);
    expect(p05).toBeCloseTo(1.15, 12);
    expect(p50).toBe(2.5);
    expect(p95).toBeCloseTo(3.85, 12);
  });

  it('hands its memory on when released: a later summary of the same size answers from its own values only, and the released one refuses use', () => {
    const first = new ExactQuantileAccumulator(1000);
    first.add(Float64Array.from({ length: 1000 }, (_, i) => 1e9 + i), 1000);
    expect(first.quantiles([0.5])).toEqual([1e9 + 499.5]);
    first.release();
    expect(() => first.quantiles([0.5])).toThrow('used after its release');
    expect(() => first.add(Float64Array.of(1), 1)).toThrow('used after its release');
    expect(() => first.state()).toThrow('used after its release');
    // Likely the released buffer (stale values beyond the count must not show).
    const second = new ExactQuantileAccumulator(1000);
    second.add(Float64Array.of(4, 1, 3, 2), 4);
    expect(second.count).toBe(4);
    expect(second.quantiles([0, 0.5, 1])).toEqual([1, 2.5, 4]);
    const state = second.state();
    expect(state.kind === 'exact' && Array.from(state.values)).toEqual([4, 1, 3, 2]);
  });

  it('keeps its values in a lent buffer until told to move them out; a lent buffer is never handed on to later summaries', () => {
    const block = new Float64Array(200);
    const lent = new ExactQuantileAccumulator(100, block.subarray(100));
    lent.add(Float64Array.of(5, 7, 6), 3);
    expect(Array.from(block.subarray(100, 103))).toEqual([5, 7, 6]);
    lent.ownValues();
    block.fill(-1);
    lent.add(Float64Array.of(8), 1);
    expect(lent.quantiles([0, 0.5, 1])).toEqual([5, 6.5, 8]);
    expect(block.every((v) => v === -1)).toBe(true);
    expect(() => new ExactQuantileAccumulator(100, block.subarray(0, 99))).toThrow('a buffer of 99 values given for 100');
    // Released while still in the lent buffer: a later summary of its size must not write into the block.
    const again = new ExactQuantileAccumulator(100, block.subarray(100));
    again.release();
    const later = new ExactQuantileAccumulator(100);
    later.add(Float64Array.from({ length: 100 }, (_, i) => i), 100);
    expect(block.every((v) => v === -1)).toBe(true);
  });

  it('does not depend on how the values are split into blocks, or on merging accumulators', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.array(fc.nat(50), { maxLength: 8 }), (values, cuts) => {
        const whole = new ExactQuantileAccumulator();
        whole.add(Float64Array.from(values), values.length);
        const split = new ExactQuantileAccumulator();
        const other = new ExactQuantileAccumulator();
        let start = 0;
        cuts.forEach((cut, k) => {
          const end = Math.min(values.length, start + cut);
          (k % 2 === 0 ? split : other).add(Float64Array.from(values.slice(start, end)), end - start);
          start = end;
        });
        split.add(Float64Array.from(values.slice(start)), values.length - start);
        split.merge(other);
        const ps = [0, 0.05, 0.5, 0.95, 1];
        expect(split.count).toBe(values.length);
        expect(split.quantiles(ps)).toEqual(whole.quantiles(ps));
        ps.forEach((p, i) => expect(whole.quantiles(ps)[i]).toBeCloseTo(type7(values, p), 6));
      }),
    );
  });

  it('gives NaN with no values, and refuses to merge another layout', () => {
    const q = new ExactQuantileAccumulator();
    q.add(Float64Array.of(Number.NaN), 1);
    expect(q.quantiles([0.5])).toEqual([Number.NaN]);
    expect(() => q.merge({ add() {}, merge() {}, quantiles: () => [], count: 0 })).toThrow(/exact/);
  });
});
