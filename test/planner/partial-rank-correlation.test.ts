import { describe, expect, it } from 'vitest';
import { correlationPValue, partialRankCorrelations, rankInputs, rankRegressionR2 } from '../../src/planner/partial-rank-correlation.js';
import { spearmanCorrelation } from '../../src/planner/spearman-correlation.js';

// Twelve variants of three inputs and a P(met) with ties (two 0s, two 0.10s), as a design's sweep gives them.
const x1 = [0.05, 0.3, 0.12, 0.22, 0.08, 0.27, 0.16, 0.19, 0.1, 0.25, 0.14, 0.03];
const x2 = [4, 9, 2, 7, 11, 3, 6, 13, 8, 5, 12, 10];
const x3 = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05, 0.35, 0.65];
const y = [0.0, 0.62, 0.02, 0.4, 0.1, 0.55, 0.21, 0.48, 0.1, 0.5, 0.33, 0.0];

describe('partialRankCorrelations', () => {
  it('matches the definition, computed with numpy and scipy: the correlation of the residuals of each ranked input and the ranked output on the other ranked inputs', () => {
    // Reference (numpy 1.26 / scipy 1.11 from Debian, /usr/bin/python3): scipy.stats.rankdata on
    // every column; for each j, the residuals of R[:, j] and rank(y) after np.linalg.lstsq on
    // [1, the other ranked inputs]; rho = np.corrcoef of the two residual vectors;
    // p = 2·scipy.stats.t.sf(|rho·sqrt(df/(1−rho²))|, df), df = n − m − 1 = 8.
    const reference = [
      [0.9512950481621083, 2.3209122949695764e-5],
      [0.7862917140969838, 0.006987400386051023],
      [-0.2234732624024949, 0.5348426184603142],
    ];
    const got = partialRankCorrelations([x1, x2, x3], y);
    got.forEach((g, j) => {
      expect(g.gap).toBeUndefined();
      expect(g.coefficient).toBeCloseTo(reference[j][0], 12);
      expect(g.pValue / reference[j][1]).toBeCloseTo(1, 9);
    });
  });

  it('gives the R² of the rank regression (numpy: 1 − RSS/TSS of np.linalg.lstsq of rank(y) on [1, the ranked inputs])', () => {
    // Reference as above: 0.9729496793357789.
    expect(rankRegressionR2(rankInputs([x1, x2, x3]), y)).toBeCloseTo(0.9729496793357789, 12);
    expect(rankRegressionR2(rankInputs([[1, 2, 3, 4]]), [1, 2, 3, 4])).toBe(1); // the JSDoc example
    expect(rankRegressionR2(rankInputs([x1]), y.map(() => 1))).toBeNaN();
    const gappy = [...y.slice(0, 5), Number.NaN, ...y.slice(6)];
    const drop = (c: number[]) => [...c.slice(0, 5), ...c.slice(6)];
    expect(rankRegressionR2(rankInputs([x1, x2, x3]), gappy)).toBeCloseTo(rankRegressionR2(rankInputs([drop(x1), drop(x2), drop(x3)]), drop(y)), 14);
  });

  it('is Spearman\'s ρ for a single input, and ±1 where the output is a monotone function of the inputs', () => {
    expect(partialRankCorrelations([x1], y)[0].coefficient).toBeCloseTo(spearmanCorrelation(x1, y), 14);
    // The output explained exactly (a grid's monotone P(met) on one path): ±1, not "singular".
    const exact = partialRankCorrelations([x1, x2], x1.map((v) => Math.exp(-10 * v)));
    expect(exact[0]).toEqual({ coefficient: -1, pValue: 0 });
    expect(exact[1].gap).toBe('output explained by the others');
    expect(partialRankCorrelations([[1, 2, 3, 4], [1, 1, 2, 2]], [1, 2, 3, 4])[0].coefficient).toBe(1); // the JSDoc example
  });

  it('says why a coefficient is missing, and a constant or non-finite row does not spoil the others', () => {
    expect(partialRankCorrelations([x1, x2], y.map(() => 0.5)).map((g) => g.gap)).toEqual(['constant output', 'constant output']);
    const withConstant = partialRankCorrelations([x1, x1.map(() => 3), x2], y);
    expect(withConstant[1].gap).toBe('constant input');
    const withoutIt = partialRankCorrelations([x1, x2], y);
    expect(withConstant[0].coefficient).toBeCloseTo(withoutIt[0].coefficient, 14);
    expect(withConstant[2].coefficient).toBeCloseTo(withoutIt[1].coefficient, 14);
    expect(partialRankCorrelations([x1, x2, x3], y.slice(0, 4).concat(Array(8).fill(Number.NaN))).map((g) => g.gap)).toEqual(['too few variants', 'too few variants', 'too few variants']);
    expect(partialRankCorrelations([x1, x1.map((v) => 2 * v + 1)], y).map((g) => g.gap)).toEqual(['collinear inputs', 'collinear inputs']);
    const dropped = partialRankCorrelations([x1, x2], [Number.NaN, ...y.slice(1)]);
    expect(dropped[0].coefficient).toBeCloseTo(partialRankCorrelations([x1.slice(1), x2.slice(1)], y.slice(1))[0].coefficient, 14);
  });

  it('gives the same numbers from inputs ranked once (rankInputs), also when the output drops rows', () => {
    const ranked = rankInputs([x1, x2, x3]);
    expect(partialRankCorrelations(ranked, y)).toEqual(partialRankCorrelations([x1, x2, x3], y));
    const gappy = [...y.slice(0, 5), Number.NaN, ...y.slice(6)];
    expect(partialRankCorrelations(ranked, gappy)).toEqual(partialRankCorrelations([x1, x2, x3], gappy));
    expect(() => partialRankCorrelations(ranked, y.slice(1))).toThrow(/rows/);
  });

  it('gives p-values of the t test of a correlation (scipy.stats.t.sf)', () => {
    // 2·scipy.stats.t.sf(0.5·sqrt(10/0.75), 10) = 0.09785461425781246 (python3, as above)
    expect(correlationPValue(0.5, 10)).toBeCloseTo(0.09785461425781246, 12);
    expect(correlationPValue(0, 10)).toBe(1);
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(0.5, 0)).toBeNaN();
  });
});
