import { describe, expect, test } from 'vitest';
import { createStream } from '../../src/simulate/create-stream.js';
import type { Distribution } from '../../src/simulate/distribution.js';
import { distributionMean, distributionQuantile, sampleDistribution } from '../../src/simulate/sample-distribution.js';

const examples: Distribution[] = [
  { dist: 'constant', value: 2.5 },
  { dist: 'normal', mean: 0.1, sd: 0.03 },
  { dist: 'lognormal', meanlog: 1, sdlog: 0.5 },
  { dist: 'uniform', min: 8000, max: 20000 },
  { dist: 'triangular', min: 2.5, mode: 3.3, max: 4 },
  { dist: 'pert', min: 0, mode: 0.2, max: 1 },
  { dist: 'studentT', location: 0.08, scale: 0.02, df: 7 },
  { dist: 'scaledInvChi', scale: 0.03, df: 7 },
  { dist: 'gamma', shape: 4.5, rate: 2 },
];

describe('sampleDistribution', () => {
  for (const dist of examples) {
    test(`sampleDistribution(${dist.dist}) is reproducible and its mean is within 5 standard errors of distributionMean`, () => {
      const n = 200_000;
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      sampleDistribution(dist, createStream(1, 'smoke', dist.dist), a);
      sampleDistribution(dist, createStream(1, 'smoke', dist.dist), b);
      expect(b).toEqual(a);
      let mean = 0;
      for (const x of a) mean += x / n;
      let variance = 0;
      for (const x of a) variance += ((x - mean) * (x - mean)) / (n - 1);
      const se = Math.sqrt(variance / n);
      expect(Math.abs(mean - distributionMean(dist))).toBeLessThanOrEqual(5 * se + 1e-9 * Math.abs(mean));
      expect(Number.isFinite(distributionQuantile(dist, 0.5))).toBe(true);
    });
  }
});
