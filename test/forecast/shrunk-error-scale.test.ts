import { describe, expect, it } from 'vitest';
import { lengthClass } from '../../src/forecast/length-class.js';
import { logChangeMoments, logChangeScale } from '../../src/forecast/log-change-scale.js';
import { shrunkErrorScale } from '../../src/forecast/shrunk-error-scale.js';

describe('logChangeMoments, logChangeScale and shrunkErrorScale', () => {
  it('logChangeMoments: s² = sd² + mean² of the log changes (sd with m − 1), s² = d² for one change', () => {
    // changes ln 2, ln 0.5: mean 0, sd² = 2·(ln 2)²
    expect(logChangeMoments([1, 2, 1])!.squaredScale).toBeCloseTo(2 * Math.LN2 ** 2, 14);
    expect(logChangeMoments([1, 2])).toEqual({ changes: 1, squaredScale: Math.LN2 ** 2 });
    expect(logChangeMoments([3])).toBeUndefined();
    expect(logChangeMoments([1, 0, 2])).toBeUndefined();
    expect(logChangeScale([1, Math.E, 1])).toBeCloseTo(Math.SQRT2, 14);
  });

  it('shrunkErrorScale pools the series\' s² with S² weighted by changes: √((m·s² + k·S²)/(m + k))', () => {
    // 10% a year for 2 years: m = 2, s² = (ln 1.1)²; S = 0.1, k = 3
    const expected = Math.sqrt((2 * Math.log(1.1) ** 2 + 3 * 0.01) / 5);
    expect(shrunkErrorScale([100, 110, 121], 0.1, 3)).toBeCloseTo(expected, 14);
  });

  it('tends to the series\' own scale with many changes and to S with none', () => {
    const long = Array.from({ length: 2000 }, (_, t) => 100 * Math.exp(0.05 * t + 0.1 * Math.sin(t)));
    expect(shrunkErrorScale(long, 3 * logChangeScale(long), 3) / logChangeScale(long)).toBeCloseTo(1, 1);
    expect(shrunkErrorScale([42], 0.2, 3)).toBe(0.2);
    expect(shrunkErrorScale([5, -1, 3], 0.2, 3)).toBe(0.2);
    expect(shrunkErrorScale([5, 5, 5, 5], 0, 3)).toBe(1e-3);
  });

  it('lengthClass splits at 10, 14 and 20 values', () => {
    expect([3, 9, 10, 13, 14, 19, 20, 41].map(lengthClass)).toEqual(['<10', '<10', '10-13', '10-13', '14-19', '14-19', '>=20', '>=20']);
  });
});
