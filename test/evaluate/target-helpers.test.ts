import { describe, expect, it } from 'vitest';
import { requiredGrowth } from '../../src/evaluate/required-growth.js';
import { isProjected, projectedStatus, statusThresholds, targetStatuses } from '../../src/evaluate/target-status.js';

describe('requiredGrowth(latest, threshold, years)', () => {
  it('is (threshold / latest)^(1 / years) − 1', () => {
    expect(requiredGrowth(64, 100, 2)).toBe(0.25);
    // hand-worked: (3000 / 2500)^(1/2) − 1 = √1.2 − 1 = 0.0954451150103322
    expect(requiredGrowth(2500, 3000, 2)).toBeCloseTo(0.0954451150103322, 14);
    // 接近3万亿 (2023) → 4.8万亿 (2027): (48000/30000)^(1/4) − 1 = 0.124683…, checked with python3: (1.6**0.25)-1
    expect(requiredGrowth(30000, 48000, 4)).toBeCloseTo(0.12468265038069815, 14);
  });

  it('is NaN when an input is out of range', () => {
    expect(requiredGrowth(0, 100, 2)).toBeNaN();
    expect(requiredGrowth(100, -1, 2)).toBeNaN();
    expect(requiredGrowth(100, 121, 0)).toBeNaN();
  });
});

describe('projectedStatus(probabilityMet)', () => {
  it('maps probabilities to the IPCC likelihood words, never to "met"', () => {
    expect(projectedStatus(0.97)).toBe('very likely');
    expect(projectedStatus(0.9)).toBe('very likely');
    expect(projectedStatus(0.7)).toBe('likely');
    expect(projectedStatus(0.66)).toBe('likely');
    expect(projectedStatus(0.5)).toBe('as likely as not');
    expect(projectedStatus(0.33)).toBe('as likely as not');
    expect(projectedStatus(0.2)).toBe('unlikely');
    expect(projectedStatus(0.05)).toBe('very unlikely');
    expect(projectedStatus(Number.NaN)).toBe('very unlikely');
  });

  it('has thresholds in decreasing order, and tells projected statuses from record ones', () => {
    const t = [statusThresholds.veryLikely, statusThresholds.likely, statusThresholds.asLikelyAsNot, statusThresholds.unlikely];
    expect(t).toEqual([...t].sort((a, b) => b - a));
    expect(targetStatuses.filter(isProjected)).toEqual(['very likely', 'likely', 'as likely as not', 'unlikely', 'very unlikely']);
  });
});
