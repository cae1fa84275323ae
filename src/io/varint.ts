// Unsigned LEB128 varints (the DWARF and WebAssembly encoding) of non-negative int32 values: a part
// file's histogram counters, most of them a few dozen, in a byte each instead of four.

/** Bytes of the unsigned LEB128 encoding of `array` (values ≥ 0): 7 bits a byte. */
export function varintBytes(array: Int32Array): number {
  let bytes = 0;
  for (let i = 0; i < array.length; i++) {
    const v = array[i];
    bytes += v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
  }
  return bytes;
}

/**
 * Unsigned LEB128 (the DWARF and WebAssembly varint): each value's 7-bit groups, lowest first, every
 * byte but a value's last with its high bit set. Values ≥ 0 only.
 * @example encodeVarints(Int32Array.of(1, 300)); // => <Buffer 01 ac 02>
 */
export function encodeVarints(array: Int32Array): Buffer {
  const out = Buffer.allocUnsafe(varintBytes(array));
  let at = 0;
  for (let i = 0; i < array.length; i++) {
    let v = array[i];
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
  }
  return out;
}

const varintRule = 'hold varints of whole numbers from 0 to 2147483647, 5 bytes at most each';

/**
 * The values of unsigned LEB128 bytes as int32s, or the rule the bytes break: each value at most
 * 2³¹ − 1 in five bytes at most, the last byte ending a value (a longer form than needed, such as
 * 80 00 for 0, reads as its value).
 * @example decodeVarints(Uint8Array.of(0x01, 0xac, 0x02)); // => Int32Array [1, 300]
 */
export function decodeVarints(bytes: Uint8Array): Int32Array | string {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] < 0x80) count++;
  if (bytes.length > 0 && bytes[bytes.length - 1] >= 0x80) return 'end on the last byte of a varint';
  const out = new Int32Array(count);
  let k = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    value += (byte & 0x7f) * 2 ** shift;
    if (value > 0x7fffffff) return varintRule;
    if (byte < 0x80) {
      out[k++] = value;
      value = 0;
      shift = 0;
    } else if ((shift += 7) > 28) return varintRule;
  }
  return out;
}
