// The engine's one standard normal quantile (AS 241) against R's qnorm, which implements the same
// algorithm (Wichura 1988). Values printed by:
//   Rscript -e 'options(digits=17); print(qnorm(c(0.5, 0.9, 0.975, 0.001, 1e-10, 0.02425, 0.3)))'
// (R 4.2.2). The Acklam approximation that src/forecast used before (relative error up to 1.15e-9)
// was removed in favour of this one.
import { describe, expect, test } from 'vitest';
import { normalForecast } from '../../src/forecast/normal-forecast.js';
import { inverseNormalCdf } from '../../src/simulate/distributions/inverse-normal-cdf.js';

const R_QNORM: [number, number][] = [
  [0.5, 0], [0.9, 1.28155156554460081], [0.975, 1.95996398454005361], [0.001, -3.09023230616781319],
  [1e-10, -6.3613409024040557], [0.02425, -1.97296105131188448], [0.3, -0.52440051270804067],
];

describe('inverseNormalCdf matches R qnorm', () => {
  test.each(R_QNORM)('qnorm(%f) = %f to 4e-16 relative', (p, z) => {
    const value = inverseNormalCdf(p);
    if (z === 0) expect(value).toBe(0);
    else expect(Math.abs(value / z - 1)).toBeLessThanOrEqual(4e-16);
  });

  test('normalForecast quantiles use it: N(100, 10²) at 0.975 is 100 + 10·qnorm(0.975)', () => {
    expect(normalForecast([100], [10]).quantile(0.975)[0]).toBeCloseTo(100 + 10 * 1.95996398454005361, 12);
  });
});
