// A Monte Carlo mean is reported only when the blocks' means agree: batch-means standard error
// against R, and the shipped baseline, whose share of two heavy-tailed levels has no settled mean.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchMeansStandardError, meanErrorShareOfRange, reportableMean } from '../../src/evaluate/batch-means.js';
import { BlockSums } from '../../src/evaluate/block-sums.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { createStream } from '../../src/simulate/random/create-stream.js';
import { projectRoot } from '../helpers/project.js';

describe('batchMeansStandardError', () => {
  it('matches R on unequal batches and on equal ones (sd of the batch means / √B)', () => {
    // Rscript -e 'S <- c(10.5, 12.25, 9.75, 30); n <- c(4,4,4,2); N <- sum(n); M <- sum(S)/N; m <- S/n;
    //   print(sqrt(sum(n*(m-M)^2)/(length(S)-1)/N), digits=17)'            → 2.4872335600648614
    expect(batchMeansStandardError(Float64Array.of(10.5, 12.25, 9.75, 30), Float64Array.of(4, 4, 4, 2))).toBeCloseTo(2.4872335600648614, 14);
    // Rscript -e 'm <- c(1.5, 2.25, 0.75, 3); print(sd(m)/sqrt(4), digits=17)'  → 0.48412291827592713
    expect(batchMeansStandardError(Float64Array.of(6, 9, 3, 12), Float64Array.of(4, 4, 4, 4))).toBeCloseTo(0.48412291827592713, 14);
  });

  it('is NaN for one batch and 0 for equal batch means', () => {
    expect(batchMeansStandardError(Float64Array.of(5), Float64Array.of(4))).toBeNaN();
    expect(batchMeansStandardError(Float64Array.of(4, 4, 2), Float64Array.of(2, 2, 1))).toBe(0);
  });

  it('estimates σ/√N for independent normal draws in blocks of 4096 (within its own sampling error)', () => {
    const stream = createStream(7);
    const blocks = 40;
    const sums = new BlockSums(blocks);
    const column = new Float64Array(4096);
    for (let b = 0; b < blocks; b++) {
      stream.fillStandardNormal(column);
      for (let i = 0; i < column.length; i++) column[i] = 3 + 2 * column[i];
      sums.add(b, column, column.length);
    }
    const se = sums.standardError(new Float64Array(blocks).fill(4096));
    const expected = 2 / Math.sqrt(blocks * 4096);
    // The estimate has B − 1 = 39 degrees of freedom: its relative sd is about 1/√78 ≈ 0.11; ±4 sd.
    expect(Math.abs(se / expected - 1)).toBeLessThan(0.45);
  });
});

describe('reportableMean', () => {
  it('keeps a mean known to within a twentieth of the 90% range, and blanks one that is not', () => {
    expect(reportableMean(10, meanErrorShareOfRange * 4, 4)).toBe(10);
    expect(reportableMean(10, meanErrorShareOfRange * 4 * 1.01, 4)).toBeNaN();
    expect(reportableMean(7, Number.NaN, 0)).toBe(7); // one block: nothing to read
    expect(reportableMean(7, 0, 0)).toBe(7); // a constant
    expect(reportableMean(7, 7e-16, 0)).toBe(7); // a constant, up to the rounding of its block sums
  });
});

describe('means of the shipped baseline (20,000 draws, seed 1)', () => {
  const inputs = loadRunInputs(projectRoot, 'data', [join(projectRoot, 'scenarios', 'baseline.yaml')]);
  const { model, scenario } = inputs.scenarios[0];
  const result = runScenario(model, inputs.data, scenario, { draws: 20_000 });

  it('leaves the mean of aiCoreShareOfNational empty where a few draws of a near-zero national level dominate it', () => {
    // The share divides two simulated levels; national growth has a Student-t posterior with 3 df,
    // so a handful of draws in 10⁴ reach growth near −100% a year and the share's sample mean is
    // set by them alone (millions of percent against a median near 37%).
    const share = result.summaries.filter((s) => s.variable === 'aiCoreShareOfNational');
    expect(share.some((s) => Number.isNaN(s.mean))).toBe(true);
    for (const s of share) expect(s.quantiles[6]).toBeLessThan(200);
  });

  it('reports every other mean, inside its draws’ 90% range', () => {
    const others = result.summaries.filter((s) => s.variable !== 'aiCoreShareOfNational');
    expect(others.length).toBeGreaterThan(40);
    for (const s of others) {
      expect(s.mean, `${s.variable} ${s.year}`).not.toBeNaN();
      expect(s.mean).toBeGreaterThanOrEqual(s.quantiles[0]);
      expect(s.mean).toBeLessThanOrEqual(s.quantiles[6]);
    }
  });
});
