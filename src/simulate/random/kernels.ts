// The random stream's WebAssembly kernels (kernels.wat): uniforms, normals and the compound step with
// xoshiro256** on native 64-bit words. Made once per thread, at the first stream; the numbers are
// those of the JavaScript loops in create-stream.ts, bit for bit (test/simulate/wasm-kernels.test.ts).
import { fastExpTables } from '../distributions/fast-exp.js';
import { instantiateWasm } from '../../io/wasm-instance.js';
import { kernelsWasm } from './kernels-wasm.js';
import { zigguratTables } from './ziggurat.js';

/** Byte offsets of the module's memory (kernels.wat's header). */
const layout = {
  state: 0,
  rareLayer: 64,
  rareReason: 68,
  rareX: 72,
  constants: 128,
  zigX: 1024,
  fractionPowers: 4096,
  wholePowers: 8192,
  columnA: 32768,
  columnB: 65536,
  columnC: 98304,
} as const;

/** Values one kernel call reads or writes at most: each column's length. */
export const kernelColumn = 4096;

/** The instantiated kernels and views of their memory (which never grows, so the views stay valid). */
export interface StreamKernels {
  /** The generator's state as int32 words, low word first: s0 low, s0 high, s1 low, … (kernels.wat keeps i64s, little-endian). */
  readonly state: Int32Array;
  /** Column A: a fill's output, the compound step's levels. */
  readonly a: Float64Array;
  /** Column B: the compound step's mean log growth (one value when its mask is 0). */
  readonly b: Float64Array;
  /** Column C: the compound step's scale. */
  readonly c: Float64Array;
  /** Uniforms into a[0 … n). */
  readonly fillUniform: (n: number) => void;
  /** Normals into a[from … n); returns n, or the index of a draw left to the caller (rareLayer, rareX). */
  readonly fillNormal: (from: number, n: number) => number;
  /** a[k] ← a[k]·e^(b[k & meanMask] + c[k & scaleMask]·Z_k) for k in [from, n); returns n, or the index of an element left to the caller. */
  readonly grow: (from: number, n: number, meanMask: number, scaleMask: number) => number;
  /** About the element a kernel left: its ziggurat layer; the reason (0: the ziggurat's rare path, 1: e^y beyond the table); its x. */
  readonly rare: { readonly layer: Int32Array; readonly reason: Int32Array; readonly x: Float64Array };
}

let made: StreamKernels | null | undefined;

/**
 * This thread's kernels, made on first call; undefined where WebAssembly is not available (node
 * --jitless), may not be compiled, or the platform is big-endian (the views assume the module's
 * little-endian memory): the streams then run their JavaScript loops, with the same numbers.
 */
export function streamKernels(): StreamKernels | undefined {
  if (made === undefined) made = instantiate();
  return made ?? undefined;
}

/** The exports of kernels.wat. */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  fillUniform(n: number): void;
  fillNormal(from: number, n: number): number;
  grow(from: number, n: number, meanMask: number, scaleMask: number): number;
}

function instantiate(): StreamKernels | null {
  const exports = instantiateWasm<KernelExports>(kernelsWasm);
  if (!exports) return null;
  const buffer = exports.memory.buffer;
  const f64 = (offset: number, length: number) => new Float64Array(buffer, offset, length);
  const t = fastExpTables;
  // The constants in the order kernels.wat reads them: 2⁻⁵², 2⁻⁵³, then fastExp's.
  f64(layout.constants, 9).set([2 ** -52, 2 ** -53, t.inverse, t.shifter, t.high, t.low, t.sixth, t.twentyFourth, t.tableLimit]);
  f64(layout.zigX, zigguratTables.x.length).set(zigguratTables.x);
  f64(layout.fractionPowers, t.fractionPowers.length).set(t.fractionPowers);
  f64(layout.wholePowers, t.wholePowers.length).set(t.wholePowers);
  return {
    state: new Int32Array(buffer, layout.state, 8),
    a: f64(layout.columnA, kernelColumn),
    b: f64(layout.columnB, kernelColumn),
    c: f64(layout.columnC, kernelColumn),
    fillUniform: exports.fillUniform,
    fillNormal: exports.fillNormal,
    grow: exports.grow,
    rare: { layer: new Int32Array(buffer, layout.rareLayer, 1), reason: new Int32Array(buffer, layout.rareReason, 1), x: f64(layout.rareX, 1) },
  };
}

/** Copies a stream's state ([s0 high, s0 low, s1 high, …], create-stream.ts) into the kernels. */
export function stateIntoKernels(kernels: StreamKernels, state: Int32Array): void {
  const w = kernels.state;
  w[0] = state[1]; w[1] = state[0]; w[2] = state[3]; w[3] = state[2];
  w[4] = state[5]; w[5] = state[4]; w[6] = state[7]; w[7] = state[6];
}

/** Copies the kernels' state back into a stream's. */
export function stateFromKernels(kernels: StreamKernels, state: Int32Array): void {
  const w = kernels.state;
  state[0] = w[1]; state[1] = w[0]; state[2] = w[3]; state[3] = w[2];
  state[4] = w[5]; state[5] = w[4]; state[6] = w[7]; state[7] = w[6];
}
