// Unsigned LEB128 varints: the encoding of part files' counters. Reference bytes by hand from the
// definition (DWARF 5 §7.6: 7 bits a byte, lowest group first, the high bit set on all but the last).
import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints, varintBytes } from '../../src/io/varint.js';

/** A deterministic generator (Park–Miller) for the random cases. */
function lehmer(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647);
}

describe('varints', () => {
  it('encode by the definition, at every length edge', () => {
    expect([...encodeVarints(Int32Array.of(0, 1, 127))]).toEqual([0x00, 0x01, 0x7f]);
    expect([...encodeVarints(Int32Array.of(128, 300, 16383, 16384))]).toEqual([0x80, 0x01, 0xac, 0x02, 0xff, 0x7f, 0x80, 0x80, 0x01]);
    expect([...encodeVarints(Int32Array.of(2 ** 31 - 1))]).toEqual([0xff, 0xff, 0xff, 0xff, 0x07]);
    expect(encodeVarints(new Int32Array(0)).length).toBe(0);
  });

  it('decode what they encode, and varintBytes counts the bytes', () => {
    const next = lehmer(20261207);
    for (let round = 0; round < 200; round++) {
      // Values of every byte length: a random number of bits from 0 to 31.
      const values = Int32Array.from({ length: next() % 300 }, () => next() % 2 ** (next() % 32));
      const bytes = encodeVarints(values);
      expect(bytes.length).toBe(varintBytes(values));
      expect(decodeVarints(bytes)).toEqual(values);
    }
  });

  it('refuse a value cut off, one beyond 2³¹ − 1 and one longer than 5 bytes', () => {
    expect(decodeVarints(Uint8Array.of(0x01, 0x80))).toBe('end on the last byte of a varint');
    expect(decodeVarints(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x08))).toBe('hold varints of whole numbers from 0 to 2147483647, 5 bytes at most each');
    expect(decodeVarints(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f))).toBe('hold varints of whole numbers from 0 to 2147483647, 5 bytes at most each');
    expect(decodeVarints(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x00))).toBe('hold varints of whole numbers from 0 to 2147483647, 5 bytes at most each');
    expect(decodeVarints(Uint8Array.of(0x80, 0x00))).toEqual(Int32Array.of(0));
  });

  it('read any bytes without throwing: a rule, or one value ≥ 0 for each byte that ends one', () => {
    const next = lehmer(7);
    for (let round = 0; round < 5000; round++) {
      const bytes = Uint8Array.from({ length: next() % 13 }, () => (next() % 3 === 0 ? next() % 128 : 128 + (next() % 128)));
      const decoded = decodeVarints(bytes);
      if (typeof decoded === 'string') continue;
      expect(decoded.length).toBe(bytes.filter((b) => b < 0x80).length);
      expect(decoded.every((v) => v >= 0)).toBe(true);
    }
  });
});
