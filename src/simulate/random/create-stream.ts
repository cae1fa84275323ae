// The engine's one pseudo-random generator: xoshiro256**, streams keyed by (seed, keys…). Its uniforms,
// normals and compound step run in WebAssembly on 64-bit words (kernels.wat); everything else, and
// those three without WebAssembly, in JavaScript on 32-bit halves: the same numbers either way.
//
// Changing anything here (the generator, the seeding, the ziggurat tables, the Poisson or gamma
// methods, or the order in which a fill consumes the generator) changes every simulated number:
// it is a breaking change of the engine's outputs and must be recorded in the changelog.
import type { RandomStream } from '../../model/random-stream.js';
import { fastExp } from '../distributions/fast-exp.js';
import { logGamma } from '../distributions/log-gamma.js';
import { poissonGuideBits, poissonSearchFlag, poissonTable, poissonTableMaxRate, type PoissonTable } from './poisson-table.js';
import { kernelColumn, stateFromKernels, stateIntoKernels, streamKernels, type StreamKernels } from './kernels.js';
import { blockStreamStateInto, fnv1a64Of, seedStreamState } from './seed-stream-state.js';
import { zigguratR, zigguratTables } from './ziggurat.js';

/** Written to the run manifest: everything that determines the random numbers. */
export const prngDescription =
  'xoshiro256** (Blackman & Vigna 2018); one stream per (seed, keys…), ' +
  'seeded by SplitMix64 over FNV-1a-64 of the UTF-8 of String(seed) and each key, each followed by 0xFF; ' +
  'block b of a stream (draws 4096·b … 4096·b + 4095) seeded with SplitMix64 outputs 4b+1 … 4b+4 from that hash; ' +
  'uniforms from the top 53 bits; normals by a 256-layer ziggurat (Marsaglia & Tsang 2000; layer from the low 8 bits, ' +
  'signed position from the top 53); Poisson by guided table inversion (4096-entry guide on the top 12 bits) for one rate ≤ 700 ' +
  '(per-element rates all equal count as one), inversion for ' +
  'per-element rates < 10, PTRS (Hörmann 1993) above; gamma by Marsaglia & Tsang (2000) in blocks of 4096 ' +
  '(the block\'s normals, then its uniforms, then for shape < 1 its U^(1/a) boost uniforms; rejections redrawn one number at a time)';

const twoPow21 = 2097152;
const twoPowMinus52 = 2.220446049250313e-16;
const twoPowMinus53 = 1.1102230246251565e-16;
/** Shift from a 32-bit output word to its top `poissonGuideBits` bits. */
const guideShift = 32 - poissonGuideBits;
/** Per-element Poisson rates below this use inversion by sequential search; PTRS needs λ ≥ 10. */
const inversionMaxRate = 10;

/** Terms the inversion by sequential search takes at most: more only when rounding leaves F(k) below u for ever (mass < 1e-16). */
const inversionMaxTerms = 200;

/**
 * Poisson(rate) by inversion, k = min{k : u < F(k)}, F from p₀ = e^(−rate), pₖ = pₖ₋₁·rate/k
 * (Devroye 1986, §X.3.2), capped at inversionMaxTerms. F never decreases (each pₖ ≥ 0), so k is the
 * number of terms F(j) ≤ u: they are counted four at a time, without a branch among the four, and
 * the loop asks once a round whether to go on. The sequential search's exit, taken after a random
 * number of terms, was mispredicted about once a draw (measured 28 against 16 ns a draw at mean 2.5).
 * Every F(j) is the sequential search's own (the same operations in the same order), so k is its k:
 * poissonInversionBySearch, the reference, checks it.
 */
export function poissonInversion(u: number, rate: number): number {
  let probability = Math.exp(-rate);
  let cumulative = probability;
  let count = 0;
  for (let j = 0; j < inversionMaxTerms; j += 4) {
    const below0 = (u >= cumulative) as unknown as number;
    probability *= rate / (j + 1);
    cumulative += probability;
    const below1 = (u >= cumulative) as unknown as number;
    probability *= rate / (j + 2);
    cumulative += probability;
    const below2 = (u >= cumulative) as unknown as number;
    probability *= rate / (j + 3);
    cumulative += probability;
    const below3 = (u >= cumulative) as unknown as number;
    probability *= rate / (j + 4);
    cumulative += probability;
    count += below0 + below1 + below2 + below3;
    if (!(u >= cumulative)) break;
  }
  return count;
}

/** poissonInversion by sequential search, term by term: the reference the tests hold it to. */
export function poissonInversionBySearch(u: number, rate: number): number {
  let probability = Math.exp(-rate);
  let cumulative = probability;
  let count = 0;
  while (u >= cumulative && count < inversionMaxTerms) {
    count++;
    probability *= rate / count;
    cumulative += probability;
  }
  return count;
}

/**
 * ln k! = logGamma(k + 1) for k < 1024, filled by logGamma itself so a lookup equals the call bit for
 * bit; PTRS needs it for nearly half its draws at moderate rates.
 */
const logFactorials = Float64Array.from({ length: 1024 }, (_, k) => logGamma(k + 1));

const zigX = zigguratTables.x;
const zigF = zigguratTables.f;

function checkRate(rate: number): void {
  if (!(rate >= 0) || rate === Number.POSITIVE_INFINITY) {
    throw new Error(`fillPoisson rate must be a finite number ≥ 0, got ${rate}`);
  }
}

/**
 * xoshiro256** with each 64-bit word held as two int32 halves. The state lives in `state`
 * ([s0hi, s0lo, s1hi, s1lo, s2hi, s2lo, s3hi, s3lo]); bulk fills copy it into local variables,
 * run the generator inline, and write it back (≈2.5× over a call per number: node dist/bench/rng-bench.js).
 * With `kernels`, uniforms, normals and the compound step run in WebAssembly (kernels.wat) with the
 * same numbers; the loops here are then their reference, and what runs without WebAssembly.
 */
class Xoshiro256StarStarStream implements RandomStream {
  private readonly state: Int32Array;
  private readonly kernels: StreamKernels | undefined;
  /**
   * High and low halves of the last 64-bit output of `step()`, in a typed array rather than two number
   * fields: int32 values outside V8's small-integer range would change the fields' representation and
   * deoptimise the fill loops.
   */
  private readonly output = new Int32Array(2);

  constructor(state: Int32Array, kernels: StreamKernels | undefined) {
    this.state = state;
    this.kernels = kernels;
  }

  /**
   * One xoshiro256** step: out = rotl(s1·5, 7)·9; t = s1≪17; s2⊕=s0; s3⊕=s1; s1⊕=s2; s0⊕=s3; s2⊕=t; s3 = rotl(s3, 45).
   * The bulk fills inline exactly this code.
   */
  private step(): void {
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    // out = rotl(s1 * 5, 7) * 9
    // 64-bit products by 5 and 9: low words by Math.imul, the carry into the high word from 16-bit halves
    // (all int32 arithmetic; ≈1.4× faster than going through doubles).
    const m5l = Math.imul(a1l, 5);
    const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
    const r7h = (m5h << 7) | (m5l >>> 25);
    const r7l = (m5l << 7) | (m5h >>> 25);
    this.output[1] = Math.imul(r7l, 9);
    this.output[0] = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
    // state update
    const th = (a1h << 17) | (a1l >>> 15);
    const tl = a1l << 17;
    a2h ^= a0h; a2l ^= a0l;
    a3h ^= a1h; a3l ^= a1l;
    a1h ^= a2h; a1l ^= a2l;
    a0h ^= a3h; a0l ^= a3l;
    a2h ^= th; a2l ^= tl;
    const n3h = (a3l << 13) | (a3h >>> 19);
    a3l = (a3h << 13) | (a3l >>> 19);
    a3h = n3h;
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  /** The next 64-bit output as an unsigned BigInt (for tests against reference vectors). */
  nextUint64(): bigint {
    this.step();
    return (BigInt(this.output[0] >>> 0) << 32n) | BigInt(this.output[1] >>> 0);
  }

  /** Uniform on [0, 1): the top 53 bits of the next output times 2⁻⁵³. */
  nextFloat(): number {
    this.step();
    return ((this.output[0] >>> 0) * twoPow21 + (this.output[1] >>> 11)) * twoPowMinus53;
  }

  /** A standard normal by the ziggurat, one number at a time (used by the gamma sampler). */
  nextStandardNormal(): number {
    this.step();
    const layer = this.output[1] & 255;
    const x = (this.output[0] * twoPow21 + (this.output[1] >>> 11)) * twoPowMinus52 * zigX[layer];
    if (Math.abs(x) < zigX[layer + 1]) return x;
    return this.zigguratSlow(layer, x);
  }

  /**
   * The ziggurat's rare path (≈1% of draws): the tail beyond r for layer 0 (Marsaglia 1964), the
   * wedge test for other layers, and fresh candidates until one is accepted.
   */
  private zigguratSlow(firstLayer: number, firstX: number): number {
    let layer = firstLayer;
    let x = firstX;
    for (;;) {
      if (layer === 0) {
        // Tail: x = r + e₁/r with e₁, e₂ ~ Exp(1), accepted when 2e₂ ≥ (e₁/r)².
        let excess: number;
        let exponential: number;
        do {
          excess = -Math.log(1 - this.nextFloat()) / zigguratR;
          exponential = -Math.log(1 - this.nextFloat());
        } while (exponential + exponential < excess * excess);
        return x < 0 ? -(zigguratR + excess) : zigguratR + excess;
      }
      if (zigF[layer] + (zigF[layer + 1] - zigF[layer]) * this.nextFloat() < Math.exp(-0.5 * x * x)) return x;
      this.step();
      layer = this.output[1] & 255;
      x = (this.output[0] * twoPow21 + (this.output[1] >>> 11)) * twoPowMinus52 * zigX[layer];
      if (Math.abs(x) < zigX[layer + 1]) return x;
    }
  }

  fillUniform(out: Float64Array): void {
    const kernels = this.kernels;
    if (!kernels) return this.fillUniformJs(out);
    stateIntoKernels(kernels, this.state);
    for (let from = 0; from < out.length; from += kernelColumn) {
      const n = Math.min(kernelColumn, out.length - from);
      kernels.fillUniform(n);
      out.set(n === kernelColumn ? kernels.a : kernels.a.subarray(0, n), from);
    }
    stateFromKernels(kernels, this.state);
  }

  /** fillUniform in JavaScript: the reference of the kernel's loop, and what runs without WebAssembly. */
  private fillUniformJs(out: Float64Array): void {
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const m5l = Math.imul(a1l, 5);
      const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
      const r7h = (m5h << 7) | (m5l >>> 25);
      const r7l = (m5l << 7) | (m5h >>> 25);
      const ol = Math.imul(r7l, 9);
      const oh = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
      const th = (a1h << 17) | (a1l >>> 15);
      const tl = a1l << 17;
      a2h ^= a0h; a2l ^= a0l;
      a3h ^= a1h; a3l ^= a1l;
      a1h ^= a2h; a1l ^= a2l;
      a0h ^= a3h; a0l ^= a3l;
      a2h ^= th; a2l ^= tl;
      const n3h = (a3l << 13) | (a3h >>> 19);
      a3l = (a3h << 13) | (a3l >>> 19);
      a3h = n3h;
      out[k] = ((oh >>> 0) * twoPow21 + (ol >>> 11)) * twoPowMinus53;
    }
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  fillStandardNormal(out: Float64Array): void {
    const kernels = this.kernels;
    if (!kernels) return this.fillStandardNormalJs(out);
    const { a } = kernels;
    stateIntoKernels(kernels, this.state);
    for (let from = 0; from < out.length; from += kernelColumn) {
      const n = Math.min(kernelColumn, out.length - from);
      // The kernel stops before a candidate outside its layer's rectangle (≈1%): finished here by method calls.
      for (let at = kernels.fillNormal(0, n); at < n; at = kernels.fillNormal(at + 1, n)) a[at] = this.finishRareNormal(kernels);
      out.set(n === kernelColumn ? a : a.subarray(0, n), from);
    }
    stateFromKernels(kernels, this.state);
  }

  /**
   * The normal a kernel left at its rare path (its layer and candidate in `kernels.rare`), finished by
   * zigguratSlow on this stream's state, which goes out of the kernels and back.
   */
  private finishRareNormal(kernels: StreamKernels): number {
    stateFromKernels(kernels, this.state);
    const x = this.zigguratSlow(kernels.rare.layer[0], kernels.rare.x[0]);
    stateIntoKernels(kernels, this.state);
    return x;
  }

  /** fillStandardNormal in JavaScript: the reference of the kernel's loop, and what runs without WebAssembly. */
  private fillStandardNormalJs(out: Float64Array): void {
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const m5l = Math.imul(a1l, 5);
      const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
      const r7h = (m5h << 7) | (m5l >>> 25);
      const r7l = (m5l << 7) | (m5h >>> 25);
      const ol = Math.imul(r7l, 9);
      const oh = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
      const th = (a1h << 17) | (a1l >>> 15);
      const tl = a1l << 17;
      a2h ^= a0h; a2l ^= a0l;
      a3h ^= a1h; a3l ^= a1l;
      a1h ^= a2h; a1l ^= a2l;
      a0h ^= a3h; a0l ^= a3l;
      a2h ^= th; a2l ^= tl;
      const n3h = (a3l << 13) | (a3h >>> 19);
      a3l = (a3h << 13) | (a3l >>> 19);
      a3h = n3h;
      // Layer from the low 8 bits; position u ∈ [−1, 1) from the top 53 bits read as a signed number
      // (hi as int32 · 2²¹ + lo ≫ 11, times 2⁻⁵²), independent of the layer bits.
      const layer = ol & 255;
      const x = (oh * twoPow21 + (ol >>> 11)) * twoPowMinus52 * zigX[layer];
      if (Math.abs(x) < zigX[layer + 1]) {
        out[k] = x;
      } else {
        // Rare path: hand the state back, finish this draw by method calls, take the state again.
        s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
        out[k] = this.zigguratSlow(layer, x);
        a0h = s[0]; a0l = s[1]; a1h = s[2]; a1l = s[3]; a2h = s[4]; a2l = s[5]; a3h = s[6]; a3l = s[7];
      }
    }
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  /**
   * The compound step fused with its normals: level[k] ← level[k]·exp(mean[k & meanMask] + scale[k & scaleMask]·Z_k),
   * Z_k exactly the normals fillStandardNormal would draw (same generator steps, same bits). A mask of
   * 0 reads one constant (a column of length 1), −1 one value per draw. One pass, no column of
   * normals written and read back. Reference: fillStandardNormal then the same loop (tested equal).
   */
  growByLogNormal(level: Float64Array, mean: Float64Array, meanMask: number, scale: Float64Array, scaleMask: number): void {
    const kernels = this.kernels;
    if (!kernels || (meanMask !== 0 && meanMask !== -1) || (scaleMask !== 0 && scaleMask !== -1)) return this.growByLogNormalJs(level, mean, meanMask, scale, scaleMask);
    const { a, b, c, rare } = kernels;
    stateIntoKernels(kernels, this.state);
    for (let from = 0; from < level.length; from += kernelColumn) {
      const n = Math.min(kernelColumn, level.length - from);
      // Masks 0 (one value) or −1 (one a draw): the chunk's values at the kernel's own indices.
      a.set(level.subarray(from, from + n));
      if (meanMask === 0) b[0] = mean[0];
      else b.set(mean.subarray(from, from + n));
      if (scaleMask === 0) c[0] = scale[0];
      else c.set(scale.subarray(from, from + n));
      // The kernel stops before an element it leaves here: a ziggurat candidate outside its rectangle
      // (reason 0, ≈1%), or e^y beyond fastExp's table (reason 1: fastExp takes Math.exp's path).
      for (let at = kernels.grow(0, n, meanMask, scaleMask); at < n; at = kernels.grow(at + 1, n, meanMask, scaleMask)) {
        const x = rare.reason[0] === 0 ? this.finishRareNormal(kernels) : rare.x[0];
        a[at] *= fastExp(b[at & meanMask] + c[at & scaleMask] * x);
      }
      level.set(n === kernelColumn ? a : a.subarray(0, n), from);
    }
    stateFromKernels(kernels, this.state);
  }

  /** growByLogNormal in JavaScript: the reference of the kernel's loop, and what runs without WebAssembly. */
  private growByLogNormalJs(level: Float64Array, mean: Float64Array, meanMask: number, scale: Float64Array, scaleMask: number): void {
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    const n = level.length;
    for (let k = 0; k < n; k++) {
      const m5l = Math.imul(a1l, 5);
      const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
      const r7h = (m5h << 7) | (m5l >>> 25);
      const r7l = (m5l << 7) | (m5h >>> 25);
      const ol = Math.imul(r7l, 9);
      const oh = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
      const th = (a1h << 17) | (a1l >>> 15);
      const tl = a1l << 17;
      a2h ^= a0h; a2l ^= a0l;
      a3h ^= a1h; a3l ^= a1l;
      a1h ^= a2h; a1l ^= a2l;
      a0h ^= a3h; a0l ^= a3l;
      a2h ^= th; a2l ^= tl;
      const n3h = (a3l << 13) | (a3h >>> 19);
      a3l = (a3h << 13) | (a3l >>> 19);
      a3h = n3h;
      const layer = ol & 255;
      let x = (oh * twoPow21 + (ol >>> 11)) * twoPowMinus52 * zigX[layer];
      if (!(Math.abs(x) < zigX[layer + 1])) {
        // Rare path, as in fillStandardNormal.
        s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
        x = this.zigguratSlow(layer, x);
        a0h = s[0]; a0l = s[1]; a1h = s[2]; a1l = s[3]; a2h = s[4]; a2l = s[5]; a3h = s[6]; a3l = s[7];
      }
      level[k] *= fastExp(mean[k & meanMask] + scale[k & scaleMask] * x);
    }
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  fillPoisson(out: Float64Array, rates: Float64Array | number): void {
    if (typeof rates === 'number') {
      checkRate(rates);
      if (rates <= poissonTableMaxRate) this.fillPoissonFromTable(out, poissonTable(rates));
      else {
        for (let k = 0; k < out.length; k++) out[k] = this.nextPoissonPtrs(rates);
      }
      return;
    }
    if (rates.length !== out.length) {
      throw new Error(`fillPoisson rates must have one rate per element (${out.length}), got ${rates.length}`);
    }
    // Check every rate before drawing any; equal rates are one rate: the same numbers as
    // `fillPoisson(out, rate)`, at table speed.
    let allEqual = true;
    for (let k = 0; k < rates.length; k++) {
      const rate = rates[k];
      if (!(rate >= 0) || rate === Number.POSITIVE_INFINITY) checkRate(rate);
      if (rate !== rates[0]) allEqual = false;
    }
    if (rates.length > 0 && allEqual) this.fillPoisson(out, rates[0]);
    else this.fillPoissonPerElement(out, rates);
  }

  /**
   * One rate per element: inversion by sequential search below 10 (Devroye 1986, §X.3.2: k = min{k : u < F(k)},
   * F built from p₀ = e^(−λ), pₖ = pₖ₋₁·λ/k), with the generator inlined; PTRS from 10 by method calls.
   */
  private fillPoissonPerElement(out: Float64Array, rates: Float64Array): void {
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const rate = rates[k];
      if (rate < inversionMaxRate) {
        const m5l = Math.imul(a1l, 5);
        const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
        const r7h = (m5h << 7) | (m5l >>> 25);
        const r7l = (m5l << 7) | (m5h >>> 25);
        const ol = Math.imul(r7l, 9);
        const oh = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
        const th = (a1h << 17) | (a1l >>> 15);
        const tl = a1l << 17;
        a2h ^= a0h; a2l ^= a0l;
        a3h ^= a1h; a3l ^= a1l;
        a1h ^= a2h; a1l ^= a2l;
        a0h ^= a3h; a0l ^= a3l;
        a2h ^= th; a2l ^= tl;
        const n3h = (a3l << 13) | (a3h >>> 19);
        a3l = (a3h << 13) | (a3l >>> 19);
        a3h = n3h;
        const u = ((oh >>> 0) * twoPow21 + (ol >>> 11)) * twoPowMinus53;
        out[k] = poissonInversion(u, rate);
      } else {
        s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
        out[k] = this.nextPoissonPtrs(rate);
        a0h = s[0]; a0l = s[1]; a1h = s[2]; a1l = s[3]; a2h = s[4]; a2l = s[5]; a3h = s[6]; a3l = s[7];
      }
    }
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  /** Guided table inversion for one rate, with the generator inlined: k = min{k : u < F(k)}. */
  private fillPoissonFromTable(out: Float64Array, table: PoissonTable): void {
    // The table comes in as an argument: looking it up in here let its (inlined) cache miss
    // deoptimise this loop for good on the first new rate (measured: half speed afterwards).
    const { cdf, guide } = table;
    const s = this.state;
    let a0h = s[0], a0l = s[1], a1h = s[2], a1l = s[3], a2h = s[4], a2l = s[5], a3h = s[6], a3l = s[7];
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const m5l = Math.imul(a1l, 5);
      const m5h = (Math.imul(a1h, 5) + (((a1l >>> 16) * 5 + (((a1l & 0xffff) * 5) >>> 16)) >>> 16)) | 0;
      const r7h = (m5h << 7) | (m5l >>> 25);
      const r7l = (m5l << 7) | (m5h >>> 25);
      const ol = Math.imul(r7l, 9);
      const oh = (Math.imul(r7h, 9) + (((r7l >>> 16) * 9 + (((r7l & 0xffff) * 9) >>> 16)) >>> 16)) | 0;
      const th = (a1h << 17) | (a1l >>> 15);
      const tl = a1l << 17;
      a2h ^= a0h; a2l ^= a0l;
      a3h ^= a1h; a3l ^= a1l;
      a1h ^= a2h; a1l ^= a2l;
      a0h ^= a3h; a0l ^= a3l;
      a2h ^= th; a2l ^= tl;
      const n3h = (a3l << 13) | (a3h >>> 19);
      a3l = (a3h << 13) | (a3l >>> 19);
      a3h = n3h;
      // The top 12 bits of u are the top 12 bits of the output: u ∈ [j/4096, (j+1)/4096) for j = oh >>> 20.
      // Most guide entries are the answer; flagged ones need u and a short search.
      const entry = guide[oh >>> guideShift];
      if (entry < poissonSearchFlag) {
        out[k] = entry;
      } else {
        const u = ((oh >>> 0) * twoPow21 + (ol >>> 11)) * twoPowMinus53;
        let count = entry - poissonSearchFlag;
        while (u >= cdf[count]) count++;
        out[k] = count;
      }
    }
    s[0] = a0h; s[1] = a0l; s[2] = a1h; s[3] = a1l; s[4] = a2h; s[5] = a2l; s[6] = a3h; s[7] = a3l;
  }

  /**
   * PTRS, the transformed rejection with squeeze of Hörmann (1993), exact for λ ≥ 10.
   * @see Hörmann, W. (1993). The transformed rejection method for generating Poisson random variables. Insurance: Mathematics and Economics 12, 39–45.
   */
  private nextPoissonPtrs(rate: number): number {
    // Constants of Hörmann's Table 1 (as in numpy's random_poisson_ptrs); the two logarithms are
    // needed only past the squeeze (a few % of draws), so they are taken there.
    const b = 0.931 + 2.53 * Math.sqrt(rate);
    const a = -0.059 + 0.02483 * b;
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextFloat() - 0.5;
      const v = this.nextFloat();
      const us = 0.5 - Math.abs(u);
      const count = Math.floor(((2 * a) / us + b) * u + rate + 0.43);
      if (us >= 0.07 && v <= vr) return count;
      if (count < 0 || (us < 0.013 && v > us)) continue;
      const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
      if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -rate + count * Math.log(rate) - (count < 1024 ? logFactorials[count] : logGamma(count + 1))) {
        return count;
      }
    }
  }

  /**
   * Gamma(shape, 1) by Marsaglia & Tsang (2000): d = a − 1/3, c = 1/√(9d), v = (1 + cx)³, accepted when
   * u < 1 − 0.0331x⁴ (the squeeze, no logarithm) or ln u < x²/2 + d(1 − v + ln v); for shape < 1,
   * G(a) = G(a + 1)·U^(1/a) (their §6). In blocks of gammaBlock draws: the block's normals, then its
   * uniforms (then its boost uniforms) come from the bulk fills; a rejected candidate (< 5% of draws
   * at shape ≥ 1) is redrawn one number at a time right away. ≈ 3× faster than a call per number.
   */
  fillGamma(out: Float64Array, shape: number): void {
    if (!(shape > 0) || shape === Number.POSITIVE_INFINITY) {
      throw new Error(`fillGamma shape must be a finite number > 0, got ${shape}`);
    }
    const boosted = shape < 1;
    const d = (boosted ? shape + 1 : shape) - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    const inverseShape = 1 / shape;
    for (let from = 0; from < out.length; from += gammaBlock) {
      const size = Math.min(gammaBlock, out.length - from);
      const normals = gammaNormals.subarray(0, size);
      const uniforms = gammaUniforms.subarray(0, size);
      this.fillStandardNormal(normals);
      this.fillUniform(uniforms);
      for (let k = 0; k < size; k++) {
        let x = normals[k];
        let u = uniforms[k];
        for (;;) {
          const t = 1 + c * x;
          if (t > 0) {
            const v = t * t * t;
            const x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
              out[from + k] = d * v;
              break;
            }
          }
          x = this.nextStandardNormal();
          u = this.nextFloat();
        }
      }
      if (boosted) {
        this.fillUniform(uniforms);
        for (let k = 0; k < size; k++) out[from + k] *= Math.exp(Math.log(1 - uniforms[k]) * inverseShape);
      }
    }
  }
}

/** Draws per block of fillGamma: its scratch (2 × 32 KB, shared by all streams) stays in L2 cache. */
const gammaBlock = 4096;
const gammaNormals = new Float64Array(gammaBlock);
const gammaUniforms = new Float64Array(gammaBlock);


/**
 * Runs every fill once on a tiny column so V8 has type feedback for all their code before it
 * optimises them. Without this, the first long fill is compiled on-stack mid-loop (OSR) while the
 * state write-back after the loop has never run; that code then deoptimises at the end of every call
 * and each later call restarts in the interpreter (measured: Poisson and normal fills at half speed).
 * Uses its own throwaway stream, so no user stream is affected. Run once, when the first stream is
 * made (not at import: commands that never simulate never pay for it).
 */
let warmedUp = false;
function warmUpFills(): void {
  if (warmedUp) return;
  warmedUp = true;
  const stream = new Xoshiro256StarStarStream(Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8), streamKernels());
  const column = new Float64Array(256);
  for (let round = 0; round < 2; round++) {
    stream.fillUniform(column);
    stream.fillStandardNormal(column);
    stream.fillPoisson(column, 3);
    stream.fillPoisson(column, 0.5 + round);
    stream.fillPoisson(column, 300);
    stream.fillPoisson(column, column.map((_, i) => 1 + (i % 20)));
    stream.fillGamma(column, 0.5);
    stream.fillGamma(column, 4.5);
    stream.growByLogNormal(column.fill(1), Float64Array.of(0), 0, Float64Array.of(1), 0);
  }
}

/**

/**
 * The random stream keyed by (seed, keys…): xoshiro256** seeded by SplitMix64 over FNV-1a-64 of
 * the keys. Same seed and keys ⇒ the same numbers on every platform and in every release that keeps
 * `prngDescription`; different keys ⇒ streams that are, for simulation purposes, independent.
 *
 * Generator: sₜ₊₁ = T(sₜ) (a linear map on GF(2)²⁵⁶), out = rotl(s₁·5, 7)·9 mod 2⁶⁴; period 2²⁵⁶ − 1.
 *
 * @param seed the run's seed (any finite number; scenarios use integers).
 * @param keys names of the stream, e.g. (variable, component): `createStream(42, 'aiCore', 'growth')`.
 * @returns a fresh stream; it is stateful, so draw from it in a fixed order.
 * @throws Error when the seed is not finite.
 * @see Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators. ACM TOMS 47(4); https://prng.di.unimi.it/
 * @example
 * const a = createStream(42, 'revenue', 'growth').nextFloat();
 * const b = createStream(42, 'revenue', 'growth').nextFloat();
 * a === b; // => true
 */
export function createStream(seed: number, ...keys: string[]): RandomStream {
  warmUpFills();
  return new Xoshiro256StarStarStream(seedStreamState(seed, keys), streamKernels());
}

/**
 * A stream started from an explicit xoshiro256** state (four 64-bit words), for tests against the
 * reference vectors of the algorithm's authors. Not for simulation: use `createStream`.
 * @example createStreamFromState([1n, 2n, 3n, 4n]).nextUint64(); // => 11520n
 */
export function createStreamFromState(
  words: readonly [bigint, bigint, bigint, bigint],
): RandomStream & { nextUint64(): bigint; nextStandardNormal(): number } {
  return new Xoshiro256StarStarStream(stateOfWords(words), streamKernels());
}

/**
 * The same stream as createStreamFromState, its fills run by the JavaScript loops alone: the
 * reference the WebAssembly kernels are tested against (test/simulate/wasm-kernels.test.ts).
 * @example createJsStreamFromState([1n, 2n, 3n, 4n]).nextUint64(); // => 11520n
 */
export function createJsStreamFromState(words: readonly [bigint, bigint, bigint, bigint]): RandomStream & { nextUint64(): bigint } {
  return new Xoshiro256StarStarStream(stateOfWords(words), undefined);
}

/** Four 64-bit words as the stream's int32 halves, high first. */
function stateOfWords(words: readonly [bigint, bigint, bigint, bigint]): Int32Array {
  const state = new Int32Array(8);
  words.forEach((word, index) => {
    state[2 * index] = Number((word >> 32n) & 0xffffffffn) | 0;
    state[2 * index + 1] = Number(word & 0xffffffffn) | 0;
  });
  return state;
}

/** The streams of one run, by (block, keys…): the key hashes are computed once per key. */
export interface BlockStreams {
  /**
   * The stream of block `block` keyed (seed, keys…): block 0 is createStream(seed, keys…); every
   * block is seeded on its own (blockStreamState), so blocks can be drawn in any order, anywhere.
   */
  stream(block: number, ...keys: string[]): RandomStream;
}

/**
 * Block streams for a run with `seed`: xoshiro256** seeded per block by SplitMix64 at counter
 * h + (4b + i)·γ, h = FNV-1a-64(seed, keys) (see blockStreamState and prngDescription).
 * @example blockStreams(42).stream(0, 'revenue', 'growth').nextFloat() === createStream(42, 'revenue', 'growth').nextFloat(); // => true
 */
export function blockStreams(seed: number): BlockStreams {
  warmUpFills();
  return new SeededBlockStreams(seed);
}

/**
 * FNV-1a-64 of (seed, keys…) by `seed NUL key NUL key…` (no name holds a NUL), for every run of the
 * process: the hash is a fixed function of them, and made byte by byte in BigInts it took 2–3% of a
 * sweep of 1,000 variants at 100 draws when each run hashed its streams anew. A few hundred keys a
 * model; cleared past keyHashesMax (a process that runs many seeds).
 */
const keyHashes = new Map<string, Int32Array>();
const keyHashesMax = 100_000;

/**
 * BlockStreams as a class: one `stream` function for every run of a process. With an object literal
 * each run had its own, and a law's optimised start() — compiled during one run, e.g. the pilot —
 * met another at every block of the next and was deoptimised ("wrong call target"): 237 times in a
 * 10⁶-draw run.
 */
class SeededBlockStreams implements BlockStreams {
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  stream(block: number, ...keys: string[]): RandomStream {
    const id = `${this.seed}\u0000${keys.join('\u0000')}`;
    let hash = keyHashes.get(id);
    if (!hash) {
      const h = fnv1a64Of(this.seed, keys);
      hash = Int32Array.of(Number(h >> 32n) | 0, Number(h & 0xffffffffn) | 0);
      if (keyHashes.size >= keyHashesMax) keyHashes.clear();
      keyHashes.set(id, hash);
    }
    const state = new Int32Array(8);
    blockStreamStateInto(hash[0], hash[1], block, state);
    return new Xoshiro256StarStarStream(state, streamKernels());
  }
}
