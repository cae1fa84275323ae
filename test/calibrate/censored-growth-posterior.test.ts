import { describe, expect, it } from 'vitest';
import { censoredGrowthPosterior } from '../../src/calibrate/censored-growth-posterior.js';
import { posteriorGrowth } from '../../src/calibrate/posterior-growth.js';
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';

// Reference: the exact posterior p(μ, σ | points, bounds) on a fine grid (numpy 2.4 / scipy 1.17):
//   flat μ, σ² ~ Scaled-Inv-χ²(2, 0.05²); points g_i ~ N(μ, σ²/w_i); a bound [a, b] contributes
//   Φ((b − μ)√w/σ) − Φ((a − μ)√w/σ). μ on linspace(ḡ − 1.5, ḡ + 1.5, 6001), σ on exp(linspace(ln 0.002, ln 3, 3001)),
//   density in (μ, ln σ): −(ν0 + 1)·ln σ − ν0σ0²/(2σ²) + ln σ − m·ln σ − Σ w_i(g_i − μ)²/(2σ²) + Σ ln[Φ(·) − Φ(·)];
//   marginals summed over the other axis, quantiles interpolated at the cells' mid-cumulative mass.
// Printed (μ quartiles and median, σ median):
//   binding lower bound: points (0.1, 1), (0.2, 1); g ≥ 0.3 (w 1) → 0.177969 0.222758 0.274801 | 0.115535
//   the AI core industry (points ln 1.18, ln 1.24, ln(4500/3500) weighted 1, 1, 3/7; g ≤ ln(3605/2500)) → 0.180137 0.200619 0.220818 | 0.047042
//   no bound: points (0.1, 1), (0.2, 1) → 0.118774 0.150000 0.181226 | 0.065011 (the conjugate t_3 and Scaled-Inv-χ(3))
const quartiles = (posterior: { location: number; scale: number; df: number }) =>
  [0.25, 0.5, 0.75].map((p) => distributionQuantile({ dist: 'studentT', location: posterior.location, scale: posterior.scale, df: posterior.df }, p));
const sigmaMedian = (posterior: { volatilityScale: number; df: number }) =>
  distributionQuantile({ dist: 'scaledInvChi', scale: posterior.volatilityScale, df: posterior.df }, 0.5);

describe('censoredGrowthPosterior', () => {
  it('without bounds it is the conjugate posterior, exactly', () => {
    const points = [{ value: 0.1, weight: 1 }, { value: 0.2, weight: 1 }];
    const posterior = censoredGrowthPosterior(points, []);
    expect(posterior).toMatchObject({ ...posteriorGrowth(points), censored: 0, shift: 0, scaleRatio: 1, volatilityRatio: 1, keptShare: 1 });
  });

  it('a bound that cannot bind (g ≤ 50 log points) leaves the conjugate posterior unchanged, exactly', () => {
    const points = [{ value: 0.1, weight: 1 }, { value: 0.2, weight: 1 }];
    const posterior = censoredGrowthPosterior(points, [{ lower: -Infinity, upper: 50, weight: 1 }]);
    expect(posterior.location).toBe(posteriorGrowth(points).location);
    expect(posterior.scale).toBe(posteriorGrowth(points).scale);
    expect(posterior).toMatchObject({ censored: 1, shift: 0, scaleRatio: 1, volatilityRatio: 1, keptShare: 1 });
  });

  it('a binding lower bound moves the median and quartiles of μ and the median of σ to the exact posterior (scipy grid)', () => {
    const posterior = censoredGrowthPosterior([{ value: 0.1, weight: 1 }, { value: 0.2, weight: 1 }], [{ lower: 0.3, upper: Infinity, weight: 1 }]);
    const [q25, q50, q75] = quartiles(posterior);
    expect(q50).toBeCloseTo(0.222758, 3);
    // The summary is a symmetric t: its interquartile range is the posterior's (0.096832) within 1%, its quartiles within 0.004.
    expect(Math.abs(q75 - q25 - (0.274801 - 0.177969))).toBeLessThan(0.001);
    expect(Math.abs(q25 - 0.177969)).toBeLessThan(0.004);
    expect(sigmaMedian(posterior)).toBeCloseTo(0.115535, 3);
    expect(posterior.df).toBe(3);
    expect(posterior.shift).toBeGreaterThan(0.07);
    expect(posterior.keptShare).toBeLessThan(0.5);
  });

  it('the AI core industry: "超过2500亿" in 2023 then "近3500亿" in 2024 bounds 2024 growth, which barely binds', () => {
    const posterior = censoredGrowthPosterior(
      [{ value: Math.log(1.18), weight: 1 }, { value: Math.log(1.24), weight: 1 }, { value: Math.log(4500 / 3500), weight: 3 / 7 }],
      [{ lower: -Infinity, upper: Math.log(3605 / 2500), weight: 1 }],
    );
    const [q25, q50, q75] = quartiles(posterior);
    expect(q50).toBeCloseTo(0.200619, 4);
    expect(q25).toBeCloseTo(0.180137, 3);
    expect(q75).toBeCloseTo(0.220818, 3);
    expect(sigmaMedian(posterior)).toBeCloseTo(0.047042, 4);
    expect(posterior.keptShare).toBeGreaterThan(0.99);
  });

  it('refuses bounds without a point, and bounds that exclude everything the points allow', () => {
    expect(() => censoredGrowthPosterior([], [{ lower: 0, upper: Infinity, weight: 1 }])).toThrow('at least one sample');
    expect(() => censoredGrowthPosterior([{ value: 0.1, weight: 100 }, { value: 0.1, weight: 100 }], [{ lower: 50, upper: Infinity, weight: 100 }])).toThrow('exclude every value');
  });
});
