// A law parameter as its runtime keeps it: one exact number when every draw has the same value, else
// one single-precision number per draw.
import { newColumns, type BlockColumns } from './law.js';

/**
 * The transformed values, read at once and then free: one column for every call (a column lent
 * from each law's block columns was 64 KB more a variable, 1 MB a thread).
 */
let transformedColumn = new Float64Array(0);

/** A transform of a whole column: into[i] = f(values[i]) for every draw. */
export type ColumnTransform = (values: Float64Array, into: Float64Array) => void;

/**
 * The column `transform` makes of `values`, kept compactly: a number when all draws agree (a constant
 * assumption stays exact: growth 0.1 compounds to 1.1ⁿ to the last bit), otherwise a Float32Array.
 * Per-draw values are posterior draws; as float32 numbers (relative spacing 6·10⁻⁸, orders of
 * magnitude below any posterior spread) they cost half the memory — at 10⁶ draws, 4 MB instead of 8.
 * The transform takes the column, not one value: a function called per draw that V8 does not inline
 * gets each double boxed (a law's start made 30 MB of garbage in the default run that way).
 * @param values the sampled parameter, one value per draw (not kept)
 * @param transform applied in double precision before storing
 * @param columns where the Float32Array comes from (a block's lent columns, or new)
 * @example perDrawParameter(Float64Array.of(0.1, 0.1), (v, into) => v.forEach((x, i) => (into[i] = Math.log1p(x)))); // => 0.09531017980432493
 */
export function perDrawParameter(values: Float64Array, transform: ColumnTransform, columns: BlockColumns = newColumns): number | Float32Array {
  if (transformedColumn.length < values.length) transformedColumn = new Float64Array(values.length);
  const transformed = transformedColumn.subarray(0, values.length);
  transform(values, transformed);
  const first = transformed[0];
  let constant = true;
  for (let i = 1; i < transformed.length && constant; i++) if (transformed[i] !== first) constant = false;
  if (constant) return first;
  const out = columns.float32(values.length);
  out.set(transformed);
  return out;
}
