// Gamma variates with a different shape for each draw (the stream's fillGamma takes one shape).
import type { RandomStream } from '../model/random-stream.js';

/**
 * Fills `out[i]` with a Gamma(shapes[i], 1) variate by Marsaglia & Tsang's squeeze method:
 * d = a − 1/3, c = 1/√(9d), v = (1 + c·x)³ with x ~ N(0, 1), accepted when
 * ln u < x²/2 + d − d·v + d·ln v; for a < 1, Gamma(a) = Gamma(a + 1)·U^(1/a).
 * One normal and one uniform per draw come from bulk fills of `normals` and `uniforms` (scratch
 * arrays of the same length as `out`); the rare rejections and the U^(1/a) boost draw further
 * numbers from `stream` one at a time (Box–Muller for extra normals). No allocation.
 * Reference: Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM TOMS 26(3):363–372, https://doi.org/10.1145/358407.358414
 * @param stream the random stream
 * @param shapes shape a > 0 per draw (a ≤ 0 gives 0)
 * @param out receives the variates
 * @param normals scratch, length out.length
 * @param uniforms scratch, length out.length
 * @example
 * fillGammaPerDraw(stream, Float64Array.of(2, 5), out, normals, uniforms); // out ≈ [1.7, 4.6] (means 2 and 5)
 */
export function fillGammaPerDraw(
  stream: RandomStream,
  shapes: Float64Array,
  out: Float64Array,
  normals: Float64Array,
  uniforms: Float64Array,
): void {
  stream.fillStandardNormal(normals);
  stream.fillUniform(uniforms);
  for (let i = 0; i < out.length; i++) {
    const shape = shapes[i];
    if (!(shape > 0)) {
      out[i] = 0;
      continue;
    }
    const a = shape < 1 ? shape + 1 : shape;
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    let x = normals[i];
    let u = uniforms[i];
    let value: number;
    for (;;) {
      const t = 1 + c * x;
      if (t > 0) {
        const v = t * t * t;
        if (u > 0 && Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
          value = d * v;
          break;
        }
      }
      x = boxMullerNormal(stream);
      u = stream.nextFloat();
    }
    if (shape < 1) {
      let boost = stream.nextFloat();
      while (boost === 0) boost = stream.nextFloat();
      value *= Math.pow(boost, 1 / shape);
    }
    out[i] = value;
  }
}

function boxMullerNormal(stream: RandomStream): number {
  let u1 = stream.nextFloat();
  while (u1 === 0) u1 = stream.nextFloat();
  const u2 = stream.nextFloat();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
