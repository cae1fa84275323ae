// The @example lines of src/simulate's JSDoc (and quantilesOf/meanOf), checked literally.
import { describe, expect, test } from 'vitest';
import { meanOf } from '../../src/evaluate/mean-of.js';
import { quantilesOf } from '../../src/evaluate/quantiles.js';
import { checkDistribution } from '../../src/simulate/distributions/check-distribution.js';
import { createStream, createStreamFromState } from '../../src/simulate/random/create-stream.js';
import { distributionCdf } from '../../src/simulate/distributions/distribution-cdf.js';
import { distributionMean } from '../../src/simulate/distributions/distribution-mean.js';
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';
import { fromPercentiles } from '../../src/simulate/distributions/from-percentiles.js';
import { inverseNormalCdf } from '../../src/simulate/distributions/inverse-normal-cdf.js';
import { logGamma } from '../../src/simulate/distributions/log-gamma.js';
import { normalCdf } from '../../src/simulate/distributions/normal-cdf.js';
import { poissonTable } from '../../src/simulate/random/poisson-table.js';
import { regularizedBeta } from '../../src/simulate/distributions/regularized-beta.js';
import { regularizedGammaP, regularizedGammaQ } from '../../src/simulate/distributions/regularized-gamma.js';
import { sampleDistribution } from '../../src/simulate/distributions/sample-distribution.js';
import { fnv1a64Of, seedStreamState, splitMix64 } from '../../src/simulate/random/seed-stream-state.js';
import { zigguratTables } from '../../src/simulate/random/ziggurat.js';

describe('JSDoc examples', () => {
  test('every @example gives the result it shows', () => {
    expect(checkDistribution({ dist: 'normal', mean: 0, sd: 1 })).toBeUndefined();
    expect(createStream(42, 'revenue', 'growth').nextFloat()).toBe(createStream(42, 'revenue', 'growth').nextFloat());
    expect(createStreamFromState([1n, 2n, 3n, 4n]).nextUint64()).toBe(11520n);
    expect(distributionCdf({ dist: 'uniform', min: 0, max: 4 }, 1)).toBe(0.25);
    expect(distributionMean({ dist: 'pert', min: 0, mode: 3, max: 6 })).toBe(3);
    expect(distributionQuantile({ dist: 'uniform', min: 0, max: 4 }, 0.25)).toBe(1);
    expect(fromPercentiles('uniform', 5, 95)).toEqual({ dist: 'uniform', min: 0, max: 100 });
    expect(Math.abs(inverseNormalCdf(0.975) - 1.959963984540054)).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(5) - Math.log(24))).toBeLessThan(1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(poissonTable(0).cdf.length).toBe(2);
    expect(Math.abs(regularizedBeta(0.25, 1, 1) - 0.25)).toBeLessThan(1e-15);
    expect(Math.abs(regularizedGammaP(1, Math.LN2) - 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(regularizedGammaQ(1, Math.LN2) - 0.5)).toBeLessThan(1e-15);
    const out = new Float64Array(3);
    sampleDistribution({ dist: 'constant', value: 2 }, createStream(1, 'x'), out);
    expect(out).toEqual(Float64Array.of(2, 2, 2));
    expect(fnv1a64Of(0).toString(16)).toBe('7fbc907b4bc9bf0');
    expect(splitMix64(1234567n).output).toBe(6457827717110365317n);
    expect(seedStreamState(1, ['growth']).length).toBe(8);
    expect(zigguratTables.x[1]).toBe(3.6541528853610088);
    expect(quantilesOf(Float64Array.of(4, 1, 3, 2), [0, 0.25, 0.5])).toEqual(Float64Array.of(1, 1.75, 2.5));
    expect(meanOf(Float64Array.of(1e100, 1, -1e100, 1))).toBe(0.5);
  });
});
