import { describe, expect, it } from 'vitest';
import { crpsFromDraws } from '../../src/backtest/crps-from-draws.js';
import { crpsFromQuantiles } from '../../src/backtest/crps-from-quantiles.js';
import { intervalCoverage } from '../../src/backtest/interval-coverage.js';
import { logIntervalScore } from '../../src/backtest/log-interval-score.js';
import { mae } from '../../src/backtest/mae.js';
import { mape } from '../../src/backtest/mape.js';
import { mase } from '../../src/backtest/mase.js';
import { skillScore } from '../../src/backtest/skill-score.js';
import { smape } from '../../src/backtest/smape.js';
import { winklerScore } from '../../src/backtest/winkler-score.js';
import { inverseNormalCdf } from '../../src/simulate/distributions/inverse-normal-cdf.js';

describe('point metrics (hand-worked)', () => {
  it('mae([10, 20], [12, 17]) = (2 + 3)/2 = 2.5', () => {
    expect(mae([10, 20], [12, 17])).toBe(2.5);
  });

  it('mape([100, 200], [110, 180]) = 100·(0.1 + 0.1)/2 = 10', () => {
    expect(mape([100, 200], [110, 180])).toBeCloseTo(10, 12);
  });

  it('smape([100, 100], [100, 300]) = (0 + 200·200/400)/2 = 50', () => {
    expect(smape([100, 100], [100, 300])).toBe(50);
  });

  it('smape is symmetric in actual and forecast and bounded by 200', () => {
    expect(smape([80], [120])).toBe(smape([120], [80]));
    expect(smape([1], [0])).toBe(200);
    expect(smape([0], [0])).toBe(0);
  });

  it('mase([1, 3, 5], [7, 9], [8, 8]) = MAE 1 / in-sample naive MAE 2 = 0.5', () => {
    expect(mase([1, 3, 5], [7, 9], [8, 8])).toBe(0.5);
  });

  it('point metrics reject mismatched lengths', () => {
    expect(() => smape([1, 2], [1])).toThrow('smape actual and forecast must have the same non-zero length, got 2 and 1');
    expect(() => mase([1], [1], [1])).toThrow('mase training must have at least 2 values, got 1');
  });
});

describe('interval metrics (hand-worked)', () => {
  it('intervalCoverage counts bounds as inside: 3 of 4', () => {
    expect(intervalCoverage([1, 5, 9, 4], [0, 0, 0, 4], [4, 4, 10, 10])).toBe(0.75);
  });

  it('winklerScore = width + (2/α)·miss: [8, 10] at 80% for y = 12 gives 2 + 10·2 = 22', () => {
    expect(winklerScore([12], [8], [10], 0.8)).toBeCloseTo(22, 12);
    expect(winklerScore([9], [8], [10], 0.8)).toBe(2);
    expect(winklerScore([7, 9], [8, 8], [10, 10], 0.5)).toBeCloseTo((2 + 4 + 2) / 2, 12);
  });

  it('logIntervalScore = 100·Winkler on ln y: [1, e] at 80% holds e (width 1 → 100); y = e² misses by 1 → 100·(1 + 10·1)', () => {
    expect(logIntervalScore([Math.E], [1], [Math.E], 0.8)).toBeCloseTo(100, 12);
    expect(logIntervalScore([Math.E ** 2], [1], [Math.E], 0.8)).toBeCloseTo(1100, 9);
    expect(logIntervalScore([2, 20], [1, 10], [4, 40], 0.95)).toBeCloseTo(100 * Math.log(4), 12);
  });

  it('skillScore(15, 20) = 0.25; equal to the benchmark is 0', () => {
    expect(skillScore(15, 20)).toBe(0.25);
    expect(skillScore(20, 20)).toBe(0);
  });
});

describe('CRPS', () => {
  it('crpsFromDraws([1, 3], 2) = E|X − y| − ½E|X − X′| = 1 − ½ = 0.5', () => {
    expect(crpsFromDraws([1, 3], 2)).toBe(0.5);
  });

  it('crpsFromDraws of a single draw is the absolute error', () => {
    expect(crpsFromDraws([5], 2)).toBe(3);
  });

  it('crpsFromDraws equals the O(m²) definition on a small ensemble', () => {
    const draws = [3.1, -0.4, 2.2, 7.5, 1.0];
    const y = 1.7;
    let first = 0;
    let second = 0;
    for (const x of draws) {
      first += Math.abs(x - y) / draws.length;
      for (const z of draws) second += Math.abs(x - z) / draws.length ** 2;
    }
    expect(crpsFromDraws(draws, y)).toBeCloseTo(first - second / 2, 12);
  });

  it('crpsFromQuantiles([1, 3], [0.25, 0.75], 2) = 2·mean pinball = 0.5', () => {
    expect(crpsFromQuantiles([1, 3], [0.25, 0.75], 2)).toBe(0.5);
  });

  it('crpsFromQuantiles of N(0, 1) at y = 0 approaches the closed form (√2 − 1)/√π', () => {
    // closed form: CRPS(N(0,1), 0) = 2φ(0) − 1/√π = (√2 − 1)/√π ≈ 0.2336949 (Gneiting & Raftery 2007, eq. 5)
    const probabilities = Array.from({ length: 999 }, (_, i) => (i + 1) / 1000);
    const quantiles = probabilities.map(inverseNormalCdf);
    expect(crpsFromQuantiles(quantiles, probabilities, 0)).toBeCloseTo((Math.SQRT2 - 1) / Math.sqrt(Math.PI), 2);
  });
});
