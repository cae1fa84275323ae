import { describe, expect, it } from 'vitest';
import { meetsBounds } from '../../src/evaluate/meets-bounds.js';
import { requiredCagr } from '../../src/evaluate/required-cagr.js';
import { targetStatus } from '../../src/evaluate/target-status.js';

describe('meetsBounds', () => {
  it('honours inclusive and exclusive ends', () => {
    expect(meetsBounds(3000, { value: 3000, inclusive: true })).toBe(true);
    expect(meetsBounds(10000, { value: 10000, inclusive: false })).toBe(false);
    expect(meetsBounds(10000.01, { value: 10000, inclusive: false })).toBe(true);
    expect(meetsBounds(10, { value: 5, inclusive: true }, { value: 10, inclusive: true })).toBe(true);
    expect(meetsBounds(11, { value: 5, inclusive: true }, { value: 10, inclusive: true })).toBe(false);
    expect(meetsBounds(10, undefined, { value: 10, inclusive: false })).toBe(false);
    expect(meetsBounds(Number.NaN, { value: 0, inclusive: true })).toBe(false);
  });
});

describe('requiredCagr', () => {
  it('is the constant rate that reaches the target: 2500 → 3025 in 2 years is 10%', () => {
    expect(requiredCagr(2500, 3025, 2)).toBeCloseTo(0.1, 12);
    // 接近3万亿 (2023) → 4.8万亿 (2027): (48000/30000)^(1/4) − 1 = 0.124683…, checked with python3: (1.6**0.25)-1
    expect(requiredCagr(30000, 48000, 4)).toBeCloseTo(0.12468265038069815, 12);
    expect(requiredCagr(0, 1, 1)).toBeNaN();
  });
});

describe('targetStatus', () => {
  it('maps probabilities to the documented verdicts', () => {
    expect(targetStatus(0.97)).toBe('met');
    expect(targetStatus(0.95)).toBe('met');
    expect(targetStatus(0.7)).toBe('likely');
    expect(targetStatus(0.5)).toBe('at risk');
    expect(targetStatus(0.1)).toBe('unlikely');
  });
});
