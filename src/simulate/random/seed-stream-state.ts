// Stream derivation: (seed, keys…) → the 256-bit xoshiro256** state, via FNV-1a-64 then SplitMix64.

const mask64 = (1n << 64n) - 1n;
/** FNV-1a 64-bit offset basis and prime (Fowler, Noll & Vo; IETF draft-eastlake-fnv §2). */
const fnvOffsetBasis = 0xcbf29ce484222325n;
const fnvPrime = 0x100000001b3n;
/** Separator byte between parts: 0xFF never occurs in UTF-8, so the encoding is injective. */
const partSeparator = 0xff;
const utf8 = new TextEncoder();

/**
 * FNV-1a-64 of the parts `String(seed), key1, key2, …`, each UTF-8 encoded and followed by 0xFF.
 *
 * h₀ = 0xcbf29ce484222325; for each byte b: h ← (h XOR b) · 0x100000001b3 mod 2⁶⁴.
 *
 * @param seed any finite number; it is written with `String(seed)` (ECMAScript shortest round-trip).
 * @param keys the stream's names, e.g. a variable and a component.
 * @returns the 64-bit hash as a BigInt in [0, 2⁶⁴).
 * @throws Error when `seed` is not finite.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/
 * @example fnv1a64Of(0).toString(16); // => '7fbc907b4bc9bf0' (bytes "0", 0xFF)
 */
export function fnv1a64Of(seed: number, keys: readonly string[] = []): bigint {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  let hash = fnvOffsetBasis;
  for (const part of [String(seed), ...keys]) {
    for (const byte of utf8.encode(part)) hash = ((hash ^ BigInt(byte)) * fnvPrime) & mask64;
    hash = ((hash ^ BigInt(partSeparator)) * fnvPrime) & mask64;
  }
  return hash;
}

/**
 * One SplitMix64 step (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`), the seeding
 * generator recommended by the xoshiro authors.
 *
 * s ← s + 0x9e3779b97f4a7c15; z ← (s ⊕ s≫30)·0xbf58476d1ce4e5b9; z ← (z ⊕ z≫27)·0x94d049bb133111eb; out = z ⊕ z≫31 (mod 2⁶⁴).
 *
 * @param state the current 64-bit state.
 * @returns the next state and its 64-bit output.
 * @see https://prng.di.unimi.it/splitmix64.c
 * @example splitMix64(1234567n).output; // => 6457827717110365317n
 */
export function splitMix64(state: bigint): { state: bigint; output: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & mask64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask64;
  return { state: next, output: z ^ (z >> 31n) };
}

/**
 * The initial xoshiro256** state of the stream keyed (seed, keys…): four SplitMix64 outputs seeded
 * with FNV-1a-64 of the keys, stored as 32-bit halves `[s0hi, s0lo, s1hi, s1lo, s2hi, s2lo, s3hi, s3lo]`.
 *
 * state = (sm₁, sm₂, sm₃, sm₄) where smᵢ is the i-th SplitMix64 output from FNV-1a-64(seed, keys).
 * SplitMix64 is a bijection of its counter, so at most one of the four words is zero and the state
 * is never all-zero (the one state xoshiro must avoid).
 *
 * Platform-independent: only integer arithmetic on exact BigInts and UTF-8 bytes.
 *
 * @param seed any finite number.
 * @param keys stream names (variable, component, …).
 * @returns a fresh Int32Array(8).
 * @see Blackman & Vigna (2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4).
 * @example seedStreamState(1, ['growth']).length; // => 8
 */
export function seedStreamState(seed: number, keys: readonly string[]): Int32Array {
  return blockStreamState(fnv1a64Of(seed, keys), 0);
}

/** SplitMix64's increment γ = ⌊2⁶⁴/φ⌋ (odd), in 32-bit halves. */
const gammaHi = 0x9e3779b9 | 0;
const gammaLo = 0x7f4a7c15 | 0;

/**
 * The initial xoshiro256** state of block `block` of the stream keyed (seed, keys…), by the reference
 * arithmetic (exact BigInts): the SplitMix64 outputs number 4b + 1 … 4b + 4 from the stream's key hash
 * h = FNV-1a-64(seed, keys), i.e. outputs of counters h + (4b + i)·γ, i = 1 … 4.
 *
 * SplitMix64's output is a bijection of its counter (Steele, Lea & Flood 2014), so the words of any
 * block are a fixed function of (h, b) — any block is seeded on its own, in any order, on any
 * machine — and distinct blocks of one stream never share a counter. Block 0 is seedStreamState.
 * blockStreamStateInto is the fast form used by the engine; this one is its test reference.
 * @param keyHash FNV-1a-64(seed, keys), as fnv1a64Of returns it
 * @param block block index ≥ 0
 * @returns a fresh Int32Array(8) `[s0hi, s0lo, …]`
 * @see Steele, G. L., Lea, D. & Flood, C. H. (2014). Fast splittable pseudorandom number generators. OOPSLA '14.
 * @example blockStreamState(fnv1a64Of(1, ['growth']), 0); // => seedStreamState(1, ['growth'])
 */
export function blockStreamState(keyHash: bigint, block: number): Int32Array {
  let state = (keyHash + BigInt(4 * block) * 0x9e3779b97f4a7c15n) & mask64;
  const words = new Int32Array(8);
  for (let index = 0; index < 4; index++) {
    const step = splitMix64(state);
    state = step.state;
    words[2 * index] = Number(step.output >> 32n) | 0;
    words[2 * index + 1] = Number(step.output & 0xffffffffn) | 0;
  }
  return words;
}

/** High 32 bits of the unsigned 64-bit product of two unsigned 32-bit numbers, from 16-bit halves. */
function multiplyHigh(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const low = a0 * b0;
  const cross1 = a0 * b1;
  const cross2 = a1 * b0;
  const middle = (low >>> 16) + (cross1 & 0xffff) + (cross2 & 0xffff);
  return (a1 * b1 + (cross1 >>> 16) + (cross2 >>> 16) + (middle >>> 16)) | 0;
}

/**
 * blockStreamState in 32-bit integer arithmetic (no BigInt: a block's streams are seeded in well under
 * a microsecond), writing into `out`. Same words as blockStreamState, checked by test.
 * @param hashHi high 32 bits of the key hash, as an int32
 * @param hashLo low 32 bits of the key hash, as an int32
 * @param block block index, 0 ≤ block < 2²⁹
 * @param out receives `[s0hi, s0lo, s1hi, s1lo, s2hi, s2lo, s3hi, s3lo]`
 */
export function blockStreamStateInto(hashHi: number, hashLo: number, block: number, out: Int32Array): void {
  // counter = h + 4b·γ (mod 2⁶⁴)
  const k = 4 * block;
  const stepLo = Math.imul(gammaLo, k);
  const stepHi = (multiplyHigh(gammaLo >>> 0, k) + Math.imul(gammaHi, k)) | 0;
  let sumLo = (hashLo >>> 0) + (stepLo >>> 0);
  let counterHi = (hashHi + stepHi + (sumLo >= 0x100000000 ? 1 : 0)) | 0;
  let counterLo = sumLo | 0;
  for (let index = 0; index < 4; index++) {
    // counter += γ
    sumLo = (counterLo >>> 0) + (gammaLo >>> 0);
    counterHi = (counterHi + gammaHi + (sumLo >= 0x100000000 ? 1 : 0)) | 0;
    counterLo = sumLo | 0;
    // z = (z ⊕ z≫30)·0xbf58476d1ce4e5b9
    let zHi = counterHi;
    let zLo = counterLo;
    let xLo = zLo ^ ((zLo >>> 30) | (zHi << 2));
    let xHi = zHi ^ (zHi >>> 30);
    zLo = Math.imul(xLo, 0x1ce4e5b9);
    zHi = (multiplyHigh(xLo >>> 0, 0x1ce4e5b9) + Math.imul(xHi, 0x1ce4e5b9) + Math.imul(xLo, 0xbf58476d | 0)) | 0;
    // z = (z ⊕ z≫27)·0x94d049bb133111eb
    xLo = zLo ^ ((zLo >>> 27) | (zHi << 5));
    xHi = zHi ^ (zHi >>> 27);
    zLo = Math.imul(xLo, 0x133111eb);
    zHi = (multiplyHigh(xLo >>> 0, 0x133111eb) + Math.imul(xHi, 0x133111eb) + Math.imul(xLo, 0x94d049bb | 0)) | 0;
    // out = z ⊕ z≫31
    out[2 * index] = zHi ^ (zHi >>> 31);
    out[2 * index + 1] = zLo ^ ((zLo >>> 31) | (zHi << 1));
  }
}
