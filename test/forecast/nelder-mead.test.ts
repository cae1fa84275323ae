import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/forecast/nelder-mead.js';

describe('nelderMead', () => {
  it('nelderMead(quadratic) finds the minimum (1, -2)', () => {
    const result = nelderMead((p) => (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0, 0]);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(-2, 5);
    expect(result.value).toBeLessThan(1e-9);
  });

  it('nelderMead(Rosenbrock) reaches (1, 1) from the classic start (-1.2, 1)', () => {
    const rosenbrock = (p: ArrayLike<number>): number => 100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 4000, tolerance: 1e-14 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('nelderMead treats NaN and Infinity as infeasible and stays inside the region', () => {
    const result = nelderMead((p) => (p[0] < 0 ? Number.NaN : (p[0] - 0.25) ** 2), [2], { step: 1 });
    expect(result.x[0]).toBeCloseTo(0.25, 4);
  });

  it('nelderMead respects maxEvaluations', () => {
    let calls = 0;
    nelderMead((p) => {
      calls += 1;
      return p[0] ** 2 + p[1] ** 2 + p[2] ** 2;
    }, [5, 5, 5], { maxEvaluations: 50 });
    expect(calls).toBeLessThanOrEqual(50 + 4);
  });

  it('nelderMead rejects an empty start', () => {
    expect(() => nelderMead(() => 0, [])).toThrow('nelderMead start must have at least one coordinate, got []');
  });
});
