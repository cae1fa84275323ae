// A law parameter as its runtime keeps it: one exact number when every draw has the same value, else
// one single-precision number per draw.
import { newColumns, type BlockColumns } from './law.js';

/**
 * `transform(values[i])` for every draw, kept compactly: a number when all draws agree (a constant
 * assumption stays exact: growth 0.1 compounds to 1.1ⁿ to the last bit), otherwise a Float32Array.
 * Per-draw values are posterior draws; as float32 numbers (relative spacing 6·10⁻⁸, orders of
 * magnitude below any posterior spread) they cost half the memory — at 10⁶ draws, 4 MB instead of 8.
 * @param values the sampled parameter, one value per draw (not kept)
 * @param transform applied in double precision before storing
 * @param columns where the Float32Array comes from (a block's lent columns, or new)
 * @example perDrawParameter(Float64Array.of(0.1, 0.1), Math.log1p); // => 0.09531017980432493
 * @example perDrawParameter(Float64Array.of(1, 2), (x) => x); // => Float32Array [1, 2]
 */
export function perDrawParameter(values: Float64Array, transform: (value: number) => number, columns: BlockColumns = newColumns): number | Float32Array {
  const first = transform(values[0]);
  let constant = true;
  for (let i = 1; i < values.length && constant; i++) if (transform(values[i]) !== first) constant = false;
  if (constant) return first;
  const out = columns.float32(values.length);
  for (let i = 0; i < values.length; i++) out[i] = transform(values[i]);
  return out;
}
