// The histogram bins' margin for the noise of the standard errors (marginOf) against the exact
// distribution of the ratio of two order-statistic spacings: F(2k_m, 2k_N). Reference values:
//   python3 -c "from scipy.stats import f; import math; km, N, p = 158, 1e6, 0.05; print(f.ppf(1 - 1e-9, 2*km, 2*4*math.sqrt(N*p*(1-p))))"
// (scipy 1.x), one line per case below.
import { describe, expect, it } from 'vitest';
import { marginOf } from '../../src/evaluate/histogram-quantile-accumulator.js';

const cases = [
  { pilotSpacing: 158, draws: 1_000_000, p: 0.05, f: 1.631207131110023 },
  { pilotSpacing: 362, draws: 1_000_000, p: 0.5, f: 1.3899928870034903 },
  { pilotSpacing: 158, draws: 200_000, p: 0.05, f: 1.7263166154724334 },
  { pilotSpacing: 314, draws: 65_537, p: 0.25, f: 1.5502853747131586 },
  { pilotSpacing: 362, draws: 4_000_000, p: 0.5, f: 1.369267543146956 },
];

describe('marginOf', () => {
  for (const c of cases) {
    it(`k_m = ${c.pilotSpacing}, N = ${c.draws}, p = ${c.p}: at or above the upper 1e-9 point of F, within 5% of it`, () => {
      const margin = marginOf(c.pilotSpacing, c.draws, c.p);
      expect(margin).toBeGreaterThanOrEqual(c.f);
      expect(margin / c.f).toBeLessThan(1.05);
    });
  }

  it('grows without bound as the spacings shrink (a tiny pilot lays out finer bins), and stays finite at a spacing of 0', () => {
    expect(marginOf(4, 1_000_000, 0.5)).toBeGreaterThan(marginOf(40, 1_000_000, 0.5));
    expect(Number.isFinite(marginOf(0, 100, 0.001))).toBe(true);
  });
});
