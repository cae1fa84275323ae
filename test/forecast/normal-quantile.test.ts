import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/forecast/normal-quantile.js';

describe('normalQuantile', () => {
  // checked in R: qnorm(c(0.5, 0.9, 0.975, 0.001)) = 0, 1.281551566, 1.959963985, -3.090232306
  it.each([
    [0.5, 0],
    [0.9, 1.281551566],
    [0.975, 1.959963985],
    [0.001, -3.090232306],
  ])('normalQuantile(%f) = %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 8);
  });

  it('normalQuantile is antisymmetric and handles the ends', () => {
    expect(normalQuantile(0.1)).toBeCloseTo(-normalQuantile(0.9), 12);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
