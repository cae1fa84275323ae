// Special functions against scipy 1.x (numpy 2.4), the values printed by:
//   python3 -c "from scipy.stats import norm; print(norm.ppf(0.975))"   and the similar lines quoted per test.
// scipy is a test-time reference only, never a product dependency.
import { describe, expect, test } from 'vitest';
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';
import { inverseNormalCdf } from '../../src/simulate/distributions/inverse-normal-cdf.js';
import { logGamma } from '../../src/simulate/distributions/log-gamma.js';
import { normalCdf } from '../../src/simulate/distributions/normal-cdf.js';
import { regularizedBeta } from '../../src/simulate/distributions/regularized-beta.js';
import { regularizedGammaP, regularizedGammaQ } from '../../src/simulate/distributions/regularized-gamma.js';
import { chiSquareCritical } from './goodness-of-fit.js';

const expectRelative = (actual: number, expected: number, tolerance: number) => {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThanOrEqual(tolerance);
  else expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance);
};

describe('inverseNormalCdf (AS 241)', () => {
  // python3 -c "from scipy.stats import norm; print([repr(float(norm.ppf(p))) for p in [1e-300,1e-20,1e-10,0.001,0.025,0.05,0.3,0.5,0.6,0.975,0.999,1-1e-12]])"
  const reference: [number, number][] = [
    [1e-300, -37.0470962993612], [1e-20, -9.262340089798409], [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813], [0.025, -1.9599639845400545], [0.05, -1.6448536269514729],
    [0.3, -0.5244005127080409], [0.5, 0], [0.6, 0.2533471031357997], [0.975, 1.959963984540054],
    [0.999, 3.090232306167813], [1 - 1e-12, 7.0344869100478356],
  ];
  for (const [p, z] of reference) {
    test(`inverseNormalCdf(${p}) = ${z} to 1e-15 relative (scipy norm.ppf)`, () => {
      expectRelative(inverseNormalCdf(p), z, 1e-15 * 4);
    });
  }
  test('inverseNormalCdf(0) and (1) are ∓Infinity; outside [0, 1] is an error', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(() => inverseNormalCdf(1.1)).toThrow(/p must be in \[0, 1\], got 1.1/);
  });
});

describe('normalCdf', () => {
  // python3 -c "from scipy.stats import norm; print([repr(float(norm.cdf(x))) for x in [-38,-10,-3,-1.5,0,0.5,2,8.5]])"
  const reference: [number, number][] = [
    [-38, 0], [-10, 7.61985302416047e-24], [-3, 0.0013498980316300933], [-1.5, 0.06680720126885807],
    [0, 0.5], [0.5, 0.6914624612740131], [2, 0.9772498680518208], [8.5, 1],
  ];
  for (const [x, p] of reference) {
    test(`normalCdf(${x}) = ${p} (scipy norm.cdf)`, () => expectRelative(normalCdf(x), p, 1e-13));
  }
  test('normalCdf inverts inverseNormalCdf', () => {
    for (const p of [1e-12, 0.01, 0.3, 0.5, 0.77, 0.999]) expectRelative(normalCdf(inverseNormalCdf(p)), p, 1e-13);
  });
});

describe('logGamma, regularizedGammaP/Q, regularizedBeta', () => {
  test('logGamma matches scipy.special.gammaln', () => {
    // python3 -c "from scipy.special import gammaln; print([repr(float(gammaln(x))) for x in [1e-8,0.5,1,2.5,10,100.5,1e6]])"
    const reference: [number, number][] = [
      [1e-8, 18.42068073818021], [0.5, 0.5723649429247], [1, 0], [2.5, 0.2846828704729192],
      [10, 12.801827480081469], [100.5, 361.43554046777757], [1e6, 12815504.569147611],
    ];
    for (const [x, value] of reference) {
      if (value === 0) expect(Math.abs(logGamma(x))).toBeLessThan(1e-14);
      else expectRelative(logGamma(x), value, 1e-13);
    }
  });
  test('regularizedGammaP and Q match scipy.special.gammainc / gammaincc', () => {
    // python3 -c "from scipy.special import gammainc; print([repr(float(gammainc(a,x))) for a,x in [(0.5,0.1),(1,2),(4.5,3),(4.5,10),(30,25),(300,320),(0.01,1e-5)]])"
    const lower: [number, number, number][] = [
      [0.5, 0.1, 0.34527915398142317], [1, 2, 0.8646647167633873], [4.5, 3, 0.26008170790534624],
      [4.5, 10, 0.9820875954701567], [30, 25, 0.1821039159774551], [300, 320, 0.8747500908620132],
      [0.01, 1e-5, 0.8963367982671969],
    ];
    for (const [a, x, value] of lower) expectRelative(regularizedGammaP(a, x), value, 1e-12);
    // python3 -c "from scipy.special import gammaincc; print([repr(float(gammaincc(a,x))) for a,x in [(0.5,50),(4.5,40),(30,60)]])"
    const upper: [number, number, number][] = [[0.5, 50, 1.5239706048320995e-23], [4.5, 40, 1.61613141565346e-13], [30, 60, 6.876264968732136e-6]];
    for (const [a, x, value] of upper) expectRelative(regularizedGammaQ(a, x), value, 1e-12);
  });
  test('regularizedBeta matches scipy.special.betainc', () => {
    // python3 -c "from scipy.special import betainc; print([repr(float(betainc(a,b,x))) for a,b,x in [(1.8,4.2,0.2),(3.5,0.5,0.9),(5,5,0.5),(0.5,0.5,0.01),(100,3,0.97)]])"
    const reference: [number, number, number, number][] = [
      [0.2, 1.8, 4.2, 0.33158186178551863], [0.9, 3.5, 0.5, 0.40708382206558924], [0.5, 5, 5, 0.5],
      [0.01, 0.5, 0.5, 0.06376856085851985], [0.97, 100, 3, 0.40633618022259166],
    ];
    for (const [x, a, b, value] of reference) expectRelative(regularizedBeta(x, a, b), value, 1e-12);
  });
});

describe('distributionQuantile by bisection on the CDF', () => {
  test('gamma quantiles match scipy.stats.gamma.ppf', () => {
    // python3 -c "from scipy.stats import gamma; print([repr(float(gamma.ppf(p,a,scale=1/r))) for a,r,p in [(0.5,1,0.05),(1,1,0.5),(4.5,2,0.95),(4.5,2,0.001)]])"
    const reference: [number, number, number, number][] = [
      [0.5, 1, 0.05, 0.001966070000009761], [1, 1, 0.5, 0.6931471805599455], [4.5, 2, 0.95, 4.229744401155112], [4.5, 2, 0.001, 0.287987386555891],
    ];
    for (const [shape, rate, p, value] of reference) expectRelative(distributionQuantile({ dist: 'gamma', shape, rate }, p), value, 1e-11);
  });
  test('studentT quantiles match scipy.stats.t.ppf(p, df, loc=0.08, scale=0.02)', () => {
    // python3 -c "from scipy.stats import t; print([repr(float(t.ppf(p,df,loc=0.08,scale=0.02))) for df,p in [(7,0.05),(7,0.975),(1,0.9),(30,0.5),(2.5,0.01)]])"
    const reference: [number, number, number][] = [
      [7, 0.05, 0.042108427898199866], [7, 0.975, 0.1272924850318557], [1, 0.9, 0.14155367074350508], [30, 0.5, 0.08], [2.5, 0.01, -0.027062223460617485],
    ];
    for (const [df, p, value] of reference) expectRelative(distributionQuantile({ dist: 'studentT', location: 0.08, scale: 0.02, df }, p), value, 1e-11);
  });
  test('pert(0, 0.2, 1) quantiles are Beta(1.8, 4.2) quantiles (scipy.stats.beta.ppf)', () => {
    // python3 -c "from scipy.stats import beta; print([repr(float(beta.ppf(p,1.8,4.2))) for p in [0.05,0.5,0.95]])"
    const reference: [number, number][] = [[0.05, 0.058977387611817235], [0.5, 0.2766722593925189], [0.95, 0.6212767240161903]];
    for (const [p, value] of reference) expectRelative(distributionQuantile({ dist: 'pert', min: 0, mode: 0.2, max: 1 }, p), value, 1e-11);
  });
  test('scaledInvChi(0.03, 7) quantiles are 0.03·√(7/χ²₇ quantile at 1 − p) (scipy)', () => {
    // python3 -c "import numpy as np; from scipy.stats import chi2; print([repr(float(0.03*np.sqrt(7/chi2.ppf(1-p,7)))) for p in [0.05,0.5,0.95]])"
    const reference: [number, number][] = [[0.05, 0.02116251909304622], [0.5, 0.03150842548232105], [0.95, 0.053914521949546206]];
    for (const [p, value] of reference) expectRelative(distributionQuantile({ dist: 'scaledInvChi', scale: 0.03, df: 7 }, p), value, 1e-11);
  });
  test('the χ² critical values used by the goodness-of-fit tests match scipy.stats.chi2.ppf(0.999, df)', () => {
    // python3 -c "from scipy.stats import chi2; print([repr(float(chi2.ppf(0.999,df))) for df in (1,2,10,59,99,199)])"
    const reference: [number, number][] = [[1, 10.827566170662733], [2, 13.815510557964274], [10, 29.58829844507442], [59, 98.32423413474163], [99, 148.23035916510173], [199, 266.38589537626206]];
    for (const [df, value] of reference) expectRelative(chiSquareCritical(df), value, 1e-11);
  });
  test('closed forms: normal, lognormal, uniform and triangular quantiles', () => {
    expect(distributionQuantile({ dist: 'normal', mean: 0.1, sd: 0.03 }, 0.5)).toBe(0.1);
    expectRelative(distributionQuantile({ dist: 'lognormal', meanlog: 0, sdlog: 1 }, 0.975), Math.exp(1.959963984540054), 1e-15);
    expect(distributionQuantile({ dist: 'uniform', min: 0, max: 4 }, 0.25)).toBe(1);
    // Triangular(0, 1, 2) is symmetric: its median is the mode, and Q(0.125) = √(0.125·2·1) = 0.5.
    expect(distributionQuantile({ dist: 'triangular', min: 0, mode: 1, max: 2 }, 0.5)).toBe(1);
    expect(distributionQuantile({ dist: 'triangular', min: 0, mode: 1, max: 2 }, 0.125)).toBe(0.5);
  });
});
