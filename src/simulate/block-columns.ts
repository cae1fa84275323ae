// Columns lent and taken back: to the law runtimes of one block (their per-draw state), to one
// variable's start() (its parameter draws), and to a target tracker's block (track-target.ts).
import type { BlockColumns } from '../laws/law.js';

/**
 * An arena of columns of at most `size` values: take() lends one of the length asked for, reset()
 * (as each block starts) takes them all back. A run's law runtimes then leave no per-draw garbage
 * behind each block: at 10⁶ draws of the shipped model that garbage was about 1 MB a block and
 * thread, held until a collection found it, and so part of the peak memory.
 * @example const arena = blockColumns(4096); arena.float64(100).length; // => 100
 */
export function blockColumns(size: number): BlockColumns & { readonly size: number; reset(): void } {
  const float64: Float64Array[] = [];
  const float32: Float32Array[] = [];
  const int32: Int32Array[] = [];
  const taken = { float64: 0, float32: 0, int32: 0 };
  const cut = <T extends Float64Array | Float32Array | Int32Array>(column: T, length: number): T => (length === size ? column : (column.subarray(0, length) as T));
  const check = (length: number) => {
    if (!(Number.isInteger(length) && length >= 0 && length <= size)) throw new Error(`internal: a block column of ${length} values from an arena of ${size}`);
  };
  return {
    size,
    float64(length) {
      check(length);
      if (taken.float64 === float64.length) float64.push(new Float64Array(size));
      return cut(float64[taken.float64++], length);
    },
    float32(length) {
      check(length);
      if (taken.float32 === float32.length) float32.push(new Float32Array(size));
      return cut(float32[taken.float32++], length);
    },
    int32(length) {
      check(length);
      if (taken.int32 === int32.length) int32.push(new Int32Array(size));
      return cut(int32[taken.int32++], length);
    },
    reset() {
      taken.float64 = 0;
      taken.float32 = 0;
      taken.int32 = 0;
    },
  };
}
