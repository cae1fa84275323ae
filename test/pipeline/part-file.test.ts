// A part's bytes: encodePart assembles the JSON piece by piece; the bytes must be those of
// gzip(JSON.stringify(part)) with every typed array as its little-endian base64.
import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodePart, type PartFile } from '../../src/pipeline/part-file.js';

/**
 * Unsigned LEB128 written out by arithmetic, as the DWARF standard (§7.6) and WebAssembly spell it:
 * 7 bits a byte, lowest first, the high bit set on every byte but a value's last.
 */
function leb128(values: Int32Array): Buffer {
  const bytes: number[] = [];
  for (const value of values) {
    let rest = value;
    do {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      bytes.push(rest > 0 ? low + 128 : low);
    } while (rest > 0);
  }
  return Buffer.from(bytes);
}

/**
 * The reference: one JSON.stringify, each array's bytes written little-endian by a DataView; an
 * int32 array with no negative value as varints.
 */
function referenceBytes(part: unknown): Buffer {
  const base64 = (array: Float64Array | Int32Array) => {
    const view = new DataView(new ArrayBuffer(array.byteLength));
    array.forEach((v, i) => (array instanceof Float64Array ? view.setFloat64(8 * i, v, true) : view.setInt32(4 * i, v, true)));
    return Buffer.from(view.buffer).toString('base64');
  };
  return gzipSync(
    JSON.stringify(part, (_key, value: unknown) => {
      if (value instanceof Float64Array) return { f64: base64(value) };
      if (value instanceof Int32Array) return value.every((v) => v >= 0) ? { varint: leb128(value).toString('base64') } : { i32: base64(value) };
      return value;
    }),
  );
}

/** A part-shaped document: text (some of it not ASCII), numbers, and arrays of every length mod 3. */
function partWith(note: string): PartFile {
  const values = Float64Array.of(1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, -1e-300, 2 ** 53);
  return {
    format: 'beijing-forecast-part',
    note,
    scenarios: [
      { scenario: '基线 "baseline"', state: { sums: values, counts: Int32Array.of(-1, 0, 2 ** 31 - 1), empty: new Float64Array(0) } },
      { scenario: 'b', state: { sums: values.subarray(1, 3), counts: new Int32Array(1000).map((_, i) => i * 7919) } },
      // Varints of 1 to 5 bytes, at each length's edges.
      { scenario: 'c', state: { counts: Int32Array.of(0, 127, 128, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 - 1), none: new Int32Array(0) } },
    ],
  } as unknown as PartFile;
}

describe('encodePart', () => {
  it('writes the bytes of the whole document stringified at once', () => {
    const part = partWith('plain text, 亿元 and a tab\t');
    const bytes = encodePart(part);
    expect(Buffer.from(bytes).equals(referenceBytes(part))).toBe(true);
    const document = JSON.parse(gunzipSync(bytes).toString('utf8'));
    expect(document.scenarios[0].state.counts).toEqual({ i32: Buffer.from(Int32Array.of(-1, 0, 2 ** 31 - 1).buffer).toString('base64') });
    // 0, 127 | 128 | 16383 | … : bytes by hand.
    expect(Buffer.from(document.scenarios[2].state.counts.varint, 'base64').subarray(0, 7)).toEqual(Buffer.from([0x00, 0x7f, 0x80, 0x01, 0xff, 0x7f, 0x80]));
    expect(Buffer.from(document.scenarios[2].state.counts.varint, 'base64').subarray(-5)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x07]));
    expect(document.scenarios[2].state.none).toEqual({ varint: '' });
  });

  it('falls back to the whole document when some text of the part looks like its array marker', () => {
    const part = partWith('bjfPartArray0 in a note');
    expect(Buffer.from(encodePart(part)).equals(referenceBytes(part))).toBe(true);
  });
});
