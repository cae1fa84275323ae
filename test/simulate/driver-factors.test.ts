// Shared drivers' factors: their marginal law each year, their persistence, their streams and their centring.
import { describe, expect, it } from 'vitest';
import { blockStreams } from '../../src/simulate/random/create-stream.js';
import { driverFactors, driverMultiplier, factorOfScore, loadingsByVariable } from '../../src/simulate/driver-factors.js';
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';
import { normalCdf } from '../../src/simulate/distributions/normal-cdf.js';
import { distributionMgf, kummerM } from '../../src/simulate/distributions/distribution-mgf.js';
import { distributionVariance } from '../../src/simulate/distributions/distribution-variance.js';
import { drawBlocks } from '../../src/simulate/draw-blocks.js';
import { pearsonCorrelation } from '../../src/planner/spearman-correlation.js';
import type { Driver } from '../../src/spec/scenario-spec.js';

const here = { file: 'test.yaml', line: 1, col: 1 };
const driver = (over: Partial<Driver> = {}): Driver => ({
  name: 'cycle',
  factor: { dist: 'normal', mean: 0, sd: 1 },
  persistence: 0,
  loadings: [{ variable: 'x', effect: 'growth', loading: 0.04, location: here }],
  location: here,
  ...over,
});
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: ArrayLike<number>) => {
  const m = mean(xs);
  return Math.sqrt(Array.from(xs).reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

/** The factor of `d` in `years` consecutive years for one full block (4096 draws). */
function years(d: Driver, count: number, seed = 7, blockIndex = 0): Float64Array[] {
  const factors = driverFactors([d], blockStreams(seed), { index: blockIndex, offset: 4096 * blockIndex, count: 4096 });
  return Array.from({ length: count }, () => {
    factors.advance();
    return Float64Array.from(factors.factor(d.name));
  });
}

describe('driverFactors', () => {
  it('every year the factor has its stated distribution (normal: mean and sd; triangular: its quantiles)', () => {
    for (const column of years(driver({ factor: { dist: 'normal', mean: 2, sd: 0.5 }, persistence: 0.6 }), 4)) {
      // 4096 draws: the mean's standard error is 0.5/64 ≈ 0.008, the sd's ≈ 0.0055
      expect(mean(column)).toBeCloseTo(2, 1);
      expect(Math.abs(sd(column) - 0.5)).toBeLessThan(0.025);
    }
    const [triangular] = years(driver({ factor: { dist: 'triangular', min: -1, mode: 0.5, max: 2 } }), 1);
    const sorted = Array.from(triangular).sort((a, b) => a - b);
    // F(0.5) = 0.5 for this triangle (mode at the middle); all values inside [min, max]
    expect(sorted[0]).toBeGreaterThanOrEqual(-1);
    expect(sorted[sorted.length - 1]).toBeLessThanOrEqual(2);
    expect(Math.abs(sorted[2048] - 0.5)).toBeLessThan(0.06);
  });

  it('a PERT factor comes from its table of normal scores within 1e-6 of the exact quantile (and exactly beyond the table)', () => {
    const pert = { dist: 'pert', min: -2, mode: 1, max: 3 } as const;
    const fromScore = factorOfScore(pert);
    let worst = 0;
    for (let z = -7.99; z < 8; z += 0.0137) worst = Math.max(worst, Math.abs(fromScore(z) - distributionQuantile(pert, normalCdf(z))));
    expect(worst).toBeLessThan(1e-6);
    expect(fromScore(9)).toBe(distributionQuantile(pert, normalCdf(9)));
    expect(factorOfScore({ dist: 'uniform', min: 0, max: 2 })(0)).toBe(1);
  });

  it('persistence ρ is the year-to-year correlation of a normal factor; 0 gives independent years, 1 one value per draw', () => {
    const persistent = years(driver({ persistence: 0.7 }), 3);
    // the correlation's standard error at ρ = 0.7 with 4096 pairs is (1 − ρ²)/√n ≈ 0.008
    expect(Math.abs(pearsonCorrelation(persistent[0], persistent[1]) - 0.7)).toBeLessThan(0.04);
    expect(Math.abs(pearsonCorrelation(persistent[0], persistent[2]) - 0.49)).toBeLessThan(0.05);
    const fresh = years(driver({ persistence: 0 }), 2);
    expect(Math.abs(pearsonCorrelation(fresh[0], fresh[1]))).toBeLessThan(0.05);
    const fixed = years(driver({ persistence: 1 }), 3);
    expect(fixed[1]).toEqual(fixed[0]);
    expect(fixed[2]).toEqual(fixed[0]);
  });

  it('draws from its own stream per (seed, driver, block): same numbers again, other numbers for another driver, block or seed', () => {
    const [a] = years(driver(), 1);
    expect(years(driver(), 1)[0]).toEqual(a);
    expect(years(driver({ name: 'other' }), 1)[0]).not.toEqual(a);
    expect(years(driver(), 1, 7, 1)[0]).not.toEqual(a);
    expect(years(driver(), 1, 8)[0]).not.toEqual(a);
    // a block drawn alone equals the same block drawn after others (blocks are independent of order)
    const factors = driverFactors([driver()], blockStreams(7), drawBlocks(8192)[1]);
    factors.advance();
    expect(factors.factor('cycle')).toEqual(years(driver(), 1, 7, 1)[0]);
  });
});

describe('loadingsByVariable and driverMultiplier: a driver moves variables together, never their centre', () => {
  const d = driver({
    factor: { dist: 'normal', mean: 1, sd: 2 },
    loadings: [
      { variable: 'level', effect: 'growth', loading: 0.05, location: here },
      { variable: 'count', effect: 'rate', loading: 0.3, location: here },
    ],
  });
  const loadings = loadingsByVariable([d]);

  it('centres a growth loading at λ·E f and a rate loading at ln E[exp(λ f)] (normal: λμ + λ²σ²/2)', () => {
    expect(loadings.get('level')).toEqual({ growth: [{ driver: 'cycle', loading: 0.05, centre: 0.05 }], rate: [] });
    expect(loadings.get('count')!.rate[0].centre).toBeCloseTo(0.3 * 1 + 0.5 * 0.09 * 4, 14);
  });

  it('the growth multiplier has mean log 0 and the rate multiplier mean 1, over the draws', () => {
    const factors = driverFactors([d], blockStreams(3), { index: 0, offset: 0, count: 4096 });
    factors.advance();
    const growth = driverMultiplier(loadings.get('level')!.growth, factors, new Float64Array(4096));
    const rate = driverMultiplier(loadings.get('count')!.rate, factors, new Float64Array(4096));
    // log growth moves by 0.05·(f − 1): sd 0.1, standard error of its mean 0.1/64
    expect(Math.abs(mean(Array.from(growth, Math.log)))).toBeLessThan(0.006);
    // the rate multiplier is lognormal with sdlog 0.6: sd ≈ 0.66, standard error of its mean ≈ 0.01
    expect(Math.abs(mean(rate) - 1)).toBeLessThan(0.04);
    const f = factors.factor('cycle');
    expect(growth[0]).toBeCloseTo(Math.exp(0.05 * (f[0] - 1)), 14);
    expect(rate[0]).toBeCloseTo(Math.exp(0.3 * f[0] - 0.48), 14);
  });
});

describe('distributionMgf, distributionVariance, kummerM (reference values from R and scipy)', () => {
  it('kummerM matches scipy.special.hyp1f1', () => {
    // python3 -c "from scipy.special import hyp1f1; print(repr(hyp1f1(1.5,4,2.8)), repr(hyp1f1(2,6,-2.8)), repr(hyp1f1(2,6,2.8)))"
    expect(kummerM(1.5, 4, 2.8)).toBeCloseTo(3.4674425823692125, 13);
    expect(kummerM(2, 6, -2.8)).toBeCloseTo(0.44078668801374754, 13);
    expect(kummerM(2, 6, 2.8)).toBeCloseTo(2.904126541408207, 13);
    expect(kummerM(1, 2, 1)).toBeCloseTo(Math.E - 1, 14);
  });

  it('distributionMgf matches numerical integration in R', () => {
    // R: integrate(function(x) exp(0.7*x) * dbeta(x/4, 2, 4)/4, 0, 4, rel.tol=1e-12)  → 2.9041265414082065
    expect(distributionMgf({ dist: 'pert', min: 0, mode: 1, max: 4 }, 0.7)).toBeCloseTo(2.9041265414082065, 12);
    // R: dtri <- function(x) ifelse(x < 0.5, 2*(x+1)/(3*1.5), 2*(2-x)/(3*1.5))
    //    integrate(function(x) exp(0.5*x)*dtri(x), -1, 2) → 1.3453540529710146; exp(-1.3*x) → 0.70992207555859199
    expect(distributionMgf({ dist: 'triangular', min: -1, mode: 0.5, max: 2 }, 0.5)).toBeCloseTo(1.3453540529710146, 12);
    expect(distributionMgf({ dist: 'triangular', min: -1, mode: 0.5, max: 2 }, -1.3)).toBeCloseTo(0.709922075558592, 12);
    // a triangle with its mode at an end (one linear piece of zero width)
    expect(distributionMgf({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 1)).toBeCloseTo(2 * (Math.E - 2), 14);
    expect(distributionMgf({ dist: 'uniform', min: -1, max: 1 }, 2)).toBeCloseTo(Math.sinh(2) / 2, 14);
    expect(distributionMgf({ dist: 'normal', mean: 0, sd: 1 }, 2)).toBeCloseTo(Math.exp(2), 13);
    expect(distributionMgf({ dist: 'pert', min: 0, mode: 1, max: 4 }, 0)).toBe(1);
    expect(() => distributionMgf({ dist: 'lognormal', meanlog: 0, sdlog: 1 }, 1)).toThrow(/not finite/);
  });

  it('distributionVariance matches R', () => {
    // R: PERT(0, 1, 4) = 4·Beta(2, 4): E X² − (E X)² by integrate → 0.50793650793650857
    expect(distributionVariance({ dist: 'pert', min: 0, mode: 1, max: 4 })).toBeCloseTo(0.50793650793650857, 13);
    // R: the triangle above → 0.375
    expect(distributionVariance({ dist: 'triangular', min: -1, mode: 0.5, max: 2 })).toBeCloseTo(0.375, 14);
    expect(distributionVariance({ dist: 'uniform', min: 0, max: 6 })).toBe(3);
    expect(distributionVariance({ dist: 'normal', mean: 5, sd: 2 })).toBe(4);
  });
});
