// The design `forecast design` writes: a Latin hypercube whose columns are paired to be nearly
// uncorrelated. Rank correlations are checked against simple-statistics' sampleRankCorrelation.
import { sampleRankCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { latinHypercube, strataCorrelation } from '../../src/planner/latin-hypercube.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

const unitRanges = (d: number) => Array.from({ length: d }, () => ({ low: 0, high: 1 }));
const ranges = [
  { low: 0.05, high: 0.3 },
  { low: 2, high: 14 },
  { low: 0.08, high: 0.18 },
];

describe('latinHypercube', () => {
  it('puts one row in every stratum of every column, strictly inside it', () => {
    for (const n of [2, 3, 40, 257]) {
      const { strata, rows } = latinHypercube(n, ranges, createStream(7, 'design'));
      for (const [j, { low, high }] of ranges.entries()) {
        expect([...strata[j]].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const width = (high - low) / n;
        for (let i = 0; i < n; i++) {
          const inStratum = (rows[i][j] - low) / width - strata[j][i];
          expect(inStratum, `n ${n}, row ${i}, column ${j}`).toBeGreaterThanOrEqual(0.001 - 1e-9);
          expect(inStratum).toBeLessThan(0.999 + 1e-9);
        }
      }
    }
  });

  it('is a function of the seed: the same seed gives the same design, another seed another', () => {
    const a = latinHypercube(40, ranges, createStream(2026, 'design'));
    expect(latinHypercube(40, ranges, createStream(2026, 'design'))).toEqual(a);
    expect(latinHypercube(40, ranges, createStream(2027, 'design')).rows).not.toEqual(a.rows);
  });

  it('measures rank correlation as Spearman\'s ρ does (simple-statistics sampleRankCorrelation)', () => {
    const { strata, rows } = latinHypercube(50, unitRanges(4), createStream(3, 'design'));
    for (let j = 0; j < 4; j++) {
      for (let k = j + 1; k < 4; k++) {
        const reference = sampleRankCorrelation(rows.map((row) => row[j]), rows.map((row) => row[k]));
        expect(strataCorrelation(strata[j], strata[k])).toBeCloseTo(reference, 12);
      }
    }
  });

  it('pairs the strata so that no two columns correlate, where random permutations would', () => {
    // Random permutations of 40 rows correlate by chance: |ρ| has a standard deviation of 1/√39 ≈ 0.16.
    const shuffled = (seed: number) => {
      const stream = createStream(seed, 'shuffle');
      const p = Int32Array.from({ length: 40 }, (_, i) => i);
      for (let i = 39; i > 0; i--) {
        const j = Math.floor(stream.nextFloat() * (i + 1));
        [p[i], p[j]] = [p[j], p[i]];
      }
      return p;
    };
    const chance = Array.from({ length: 20 }, (_, s) => Math.abs(strataCorrelation(shuffled(2 * s), shuffled(2 * s + 1))));
    expect(Math.max(...chance)).toBeGreaterThan(0.15);
    for (let seed = 1; seed <= 20; seed++) {
      const { strata, largestCorrelation } = latinHypercube(40, ranges, createStream(seed, 'design'));
      expect(largestCorrelation, `seed ${seed}`).toBeLessThan(0.01);
      const all = [strataCorrelation(strata[0], strata[1]), strataCorrelation(strata[0], strata[2]), strataCorrelation(strata[1], strata[2])];
      expect(largestCorrelation).toBe(Math.max(...all.map(Math.abs)));
    }
    expect(latinHypercube(1000, unitRanges(10), createStream(1, 'design')).largestCorrelation).toBeLessThan(0.001);
  });

  it('has nothing to pair in one column', () => {
    const { largestCorrelation, rows } = latinHypercube(5, [{ low: 0, high: 1 }], createStream(1, 'design'));
    expect(largestCorrelation).toBe(0);
    expect(rows).toHaveLength(5);
  });
});
