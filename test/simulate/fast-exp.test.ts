// fastExp against Math.exp (V8's fdlibm port, within 1 ulp of e^x): within 2 ulp everywhere it is used.
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../src/simulate/distributions/fast-exp.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

describe('fastExp', () => {
  it('is within 2 ulp of Math.exp on 10⁶ arguments over (−700, 700), and on the growth scale (−3, 3)', () => {
    const uniforms = new Float64Array(1_000_000);
    createStream(7, 'fast-exp').fillUniform(uniforms);
    let worst = 0;
    for (let i = 0; i < uniforms.length; i++) {
      const wide = (uniforms[i] - 0.5) * 1399.98;
      const narrow = (uniforms[i] - 0.5) * 6;
      worst = Math.max(worst, ulps(fastExp(wide), Math.exp(wide)), ulps(fastExp(narrow), Math.exp(narrow)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('gives powers of two at multiples of ln 2 and 1 at 0; hands the edges to Math.exp', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect([fastExp(Math.LN2), fastExp(-Math.LN2), fastExp(10 * Math.LN2)]).toEqual([2, 0.5, 1024]);
    expect(fastExp(1)).toBe(2.7182818284590446); // Math.exp(1) = 2.718281828459045: one ulp apart
    for (const x of [700, -700, 710, -746, 1000, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(fastExp(x)).toBe(Math.exp(x));
    expect(fastExp(Number.NaN)).toBeNaN();
  });
});
