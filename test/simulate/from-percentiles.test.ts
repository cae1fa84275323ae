import { describe, expect, test } from 'vitest';
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';
import { fromPercentiles, type PercentileKind } from '../../src/simulate/distributions/from-percentiles.js';

const expectRoundTrip = (kind: PercentileKind, p5: number, p95: number, mode?: number) => {
  const dist = fromPercentiles(kind, p5, p95, mode);
  expect(dist.dist).toBe(kind);
  const scale = Math.abs(p95 - p5);
  expect(Math.abs(distributionQuantile(dist, 0.05) - p5)).toBeLessThan(1e-10 * scale);
  expect(Math.abs(distributionQuantile(dist, 0.95) - p95)).toBeLessThan(1e-10 * scale);
  if (mode !== undefined && 'mode' in dist) expect(dist.mode).toBe(mode);
  return dist;
};

describe('fromPercentiles', () => {
  test('fromPercentiles(normal, 0.08, 0.16) is Normal(0.12, 0.04/Φ⁻¹(0.95)) and round-trips', () => {
    const dist = expectRoundTrip('normal', 0.08, 0.16);
    // sd = 0.08/(2·Φ⁻¹(0.95)); scipy norm.ppf(0.95) = 1.6448536269514722, AS 241 gives 1.6448536269514715 (3 ulp apart).
    if (dist.dist !== 'normal') throw new Error('expected normal');
    expect(dist.mean).toBe(0.12);
    expect(dist.sd).toBeCloseTo(0.08 / (2 * 1.6448536269514722), 15);
  });

  test('fromPercentiles(lognormal, 2000, 5000) round-trips; p5 ≤ 0 is an error', () => {
    expectRoundTrip('lognormal', 2000, 5000);
    expect(() => fromPercentiles('lognormal', 0, 1)).toThrow('fromPercentiles lognormal needs p5 > 0, got 0');
  });

  test('fromPercentiles(uniform, 5, 95) is Uniform(0, 100)', () => {
    expect(fromPercentiles('uniform', 5, 95)).toEqual({ dist: 'uniform', min: 0, max: 100 });
    expectRoundTrip('uniform', -0.02, 0.07);
  });

  for (const kind of ['triangular', 'pert'] as const) {
    test(`fromPercentiles(${kind}) round-trips for modes across [p5, p95] and just outside`, () => {
      for (const mode of [2.5, 2.6, 3, 3.3, 3.9, 4, 4.02]) expectRoundTrip(kind, 2.5, 4, mode);
      const symmetric = expectRoundTrip(kind, 10, 20);
      if (symmetric.dist === kind) {
        expect(symmetric.mode).toBe(15);
        expect(symmetric.min + symmetric.max).toBeCloseTo(30, 10);
      }
    });
    test(`fromPercentiles(${kind}) with an impossible mode says the feasible range`, () => {
      expect(() => fromPercentiles(kind, 2.5, 4, 10)).toThrow(new RegExp(`${kind} mode must be in \\[2\\.4\\d+, 4\\.0\\d+\\] for p5 = 2.5 and p95 = 4, got 10`));
    });
  }

  test('the symmetric triangular from p5/p95 matches its closed form: half-width w/2/(1 − √0.1)', () => {
    // For a symmetric triangular on [c − h, c + h], F(c − h + t) = t²/(2h²) = 0.05 ⇒ t = h√0.1, so p95 − p5 = 2h(1 − √0.1).
    const dist = fromPercentiles('triangular', 10, 20);
    const half = 10 / 2 / (1 - Math.sqrt(0.1));
    if (dist.dist !== 'triangular') throw new Error('expected triangular');
    expect(dist.min).toBeCloseTo(15 - half, 9);
    expect(dist.max).toBeCloseTo(15 + half, 9);
  });

  test('p5 ≥ p95, non-finite values, and a mode for a family without one are errors', () => {
    expect(() => fromPercentiles('normal', 2, 1)).toThrow('fromPercentiles needs finite p5 < p95, got p5 = 2, p95 = 1');
    expect(() => fromPercentiles('normal', Number.NaN, 1)).toThrow(/finite p5 < p95/);
    expect(() => fromPercentiles('uniform', 0, 1, 0.5)).toThrow('fromPercentiles uniform has no mode, got mode = 0.5');
  });
});
