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
  let state = fnv1a64Of(seed, keys);
  const words = new Int32Array(8);
  for (let index = 0; index < 4; index++) {
    const step = splitMix64(state);
    state = step.state;
    words[2 * index] = Number(step.output >> 32n) | 0;
    words[2 * index + 1] = Number(step.output & 0xffffffffn) | 0;
  }
  return words;
}
