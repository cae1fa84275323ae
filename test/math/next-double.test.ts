// nextUp and nextDown against numpy's nextafter (numpy 2.4.6: repr(np.nextafter(x, np.inf)) and
// repr(np.nextafter(x, -np.inf)), run with python3 -c), and no double left between x and its neighbour.
import { describe, expect, it } from 'vitest';
import { nextDown, nextUp } from '../../src/math/next-double.js';

describe('nextUp and nextDown', () => {
  it('step one double up or down, as numpy.nextafter does', () => {
    // nextafter(1.0, inf) = 1.0000000000000002; nextafter(1.0, -inf) = 0.9999999999999999;
    // nextafter(-1.0, inf) = -0.9999999999999999; nextafter(0.0, inf) = 5e-324; nextafter(0.0, -inf) = -5e-324;
    // nextafter(-5e-324, inf) = -0.0; nextafter(-inf, inf) = -1.7976931348623157e+308;
    // nextafter(1e308, inf) = 1.0000000000000002e+308; nextafter(finfo(float).max, inf) = inf
    expect(nextUp(1)).toBe(1.0000000000000002);
    expect(nextDown(1)).toBe(0.9999999999999999);
    expect(nextUp(-1)).toBe(-0.9999999999999999);
    expect(nextUp(0)).toBe(5e-324);
    expect(nextUp(-0)).toBe(5e-324);
    expect(nextDown(0)).toBe(-5e-324);
    expect(nextUp(-5e-324)).toBe(-0);
    expect(nextUp(Number.NEGATIVE_INFINITY)).toBe(-Number.MAX_VALUE);
    expect(nextUp(Number.MAX_VALUE)).toBe(Number.POSITIVE_INFINITY);
    expect(nextUp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(nextDown(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(nextUp(1e308)).toBe(1.0000000000000002e308);
    expect(nextUp(Number.NaN)).toBeNaN();
  });

  it('leave no double between x and its neighbour: v > x exactly when v ≥ nextUp(x)', () => {
    for (const x of [-1e300, -3.5, -Number.MIN_VALUE, 0, 2 ** -1074, 0.1, 1, 3000, 2 ** 53, 1e300]) {
      const up = nextUp(x);
      expect(up).toBeGreaterThan(x);
      expect((x + up) / 2 === x || (x + up) / 2 === up).toBe(true);
      expect(nextDown(up)).toBe(x === 0 ? 0 : x);
    }
  });
});
