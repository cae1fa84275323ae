import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { quantileSelect } from '../../src/evaluate/quantile-select.js';

describe('quantileSelect', () => {
  test('quantileSelect(5, 1, 4, 2, 3) at positions 0 and 2 finds 1 and 3', () => {
    const found = new Map<number, number>();
    quantileSelect(Float64Array.of(5, 1, 4, 2, 3), 0, 4, [0, 2], found);
    expect([found.get(0), found.get(2)]).toEqual([1, 3]);
  });

  test('finds what a full sort puts at every asked position, within a sub-range, for arrays with ties (fast-check)', () => {
    const element = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e3, max: 1e3 }));
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 2000 }), fc.nat(), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (array, a, b, picks) => {
        const values = Float64Array.from(array, (x) => x + 0);
        const left = a % values.length;
        const right = left + (b % (values.length - left));
        const sorted = Float64Array.from(values.subarray(left, right + 1)).sort();
        const positions = [...new Set(picks.map((p) => left + (p % (right - left + 1))))].sort((x, y) => x - y);
        const found = new Map<number, number>();
        const outside = [...values.subarray(0, left), ...values.subarray(right + 1)];
        quantileSelect(values, left, right, positions, found);
        for (const position of positions) expect(found.get(position)).toBe(sorted[position - left]);
        expect([...values.subarray(0, left), ...values.subarray(right + 1)]).toEqual(outside);
      }),
      { numRuns: 400 },
    );
  });

  test('a column of 10⁵ equal values and a sorted column are settled (ties in one pass)', () => {
    const equal = new Float64Array(100_000).fill(2);
    const found = new Map<number, number>();
    quantileSelect(equal, 0, equal.length - 1, [0, 50_000, 99_999], found);
    expect([...found.values()]).toEqual([2, 2, 2]);
    const ascending = Float64Array.from({ length: 100_000 }, (_, i) => i);
    quantileSelect(ascending, 0, ascending.length - 1, [4999, 95_000], found);
    expect([found.get(4999), found.get(95_000)]).toEqual([4999, 95_000]);
  });
});
