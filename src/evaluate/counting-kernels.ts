// A histogram's first counting pass in WebAssembly (counting-kernels.wat): made once per thread, at
// the first block counted; the counts, the values left for the second pass and the compensated sum
// are those of the JavaScript loops in histogram-quantile-accumulator.ts, bit for bit
// (test/evaluate/counting-kernels.test.ts).
import { instantiateWasm } from '../io/wasm-instance.js';
import { countingKernelsWasm } from './counting-kernels-wasm.js';

/** Byte offsets of the module's memory (counting-kernels.wat's header). */
const layout = { sums: 0, nan: 16, hits: 64, entries: 2048, values: 8192, waiting: 40960 } as const;

/** Values one call counts at most. */
export const countingColumn = 4096;
/** Gaps a layout may have for the kernels (their hits are 256 counters, the sink's among them). */
export const countingMaxGaps = 255;
/**
 * Entries of the lookup the kernels read: 1024 cells and the two beyond them, as counting-kernels.wat
 * clamps to [0, 1025]. A layout whose lookup has another length is left to the JavaScript loops.
 */
export const countingEntries = 1026;

/** The instantiated pass and views of its memory (which never grows, so the views stay valid). */
export interface CountingKernels {
  /** [sum, compensation]: in before countGapsSummed, out after. */
  readonly sums: Float64Array;
  /** The NaN values the last countGaps saw. */
  readonly nan: Int32Array;
  /** Hits per gap number; the caller adds and zeroes them. */
  readonly hits: Int32Array;
  /** The lookup's entries as gap numbers (HistogramLayout.gapEntry). */
  readonly entries: Int32Array;
  /** The values to count. */
  readonly values: Float64Array;
  /** The values left for the second pass, in their order. */
  readonly waiting: Float64Array;
  /** Counts values[0 … n) and sums them; returns how many wait. */
  readonly countGapsSummed: (n: number, lo: number, scale: number) => number;
  /** Counts values[0 … n) and their NaN; returns how many wait. */
  readonly countGaps: (n: number, lo: number, scale: number) => number;
}

/** The exports of counting-kernels.wat. */
interface CountingExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  countGapsSummed(n: number, lo: number, scale: number): number;
  countGaps(n: number, lo: number, scale: number): number;
}

let made: CountingKernels | null | undefined;
let enabled = true;

/**
 * This thread's counting pass, made on first call; undefined where WebAssembly cannot run
 * (instantiateWasm) or while turned off (useCountingKernels): the JavaScript loops then count.
 */
export function countingKernels(): CountingKernels | undefined {
  if (!enabled) return undefined;
  if (made === undefined) made = instantiate();
  return made ?? undefined;
}

/**
 * Turns the WebAssembly pass on or off in this thread (the tests compare it with the JavaScript loops,
 * its reference); on by default. @returns whether it was on
 */
export function useCountingKernels(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

function instantiate(): CountingKernels | null {
  const exports = instantiateWasm<CountingExports>(countingKernelsWasm);
  if (!exports) return null;
  const buffer = exports.memory.buffer;
  return {
    sums: new Float64Array(buffer, layout.sums, 2),
    nan: new Int32Array(buffer, layout.nan, 1),
    hits: new Int32Array(buffer, layout.hits, countingMaxGaps + 1),
    entries: new Int32Array(buffer, layout.entries, countingEntries),
    values: new Float64Array(buffer, layout.values, countingColumn),
    waiting: new Float64Array(buffer, layout.waiting, countingColumn),
    countGapsSummed: exports.countGapsSummed,
    countGaps: exports.countGaps,
  };
}
