// The neighbouring doubles of a number (IEEE 754 nextUp and nextDown), for turning a strict bound into
// an inclusive one: v > b ⇔ v ≥ nextUp(b) for every double v, as no double lies between b and nextUp(b).

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/**
 * The least double above x: nextUp(+∞) = +∞, nextUp(−∞) = −MAX_VALUE, nextUp(±0) = MIN_VALUE, NaN stays NaN
 * (IEEE 754-2008 §5.3.1). One step of the bit pattern, read as an integer, away from zero for x > 0 and
 * towards it for x < 0.
 * @example nextUp(1); // => 1.0000000000000002
 */
export function nextUp(x: number): number {
  if (x !== x || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  float[0] = x;
  bits[0] += x > 0 ? 1n : -1n;
  return float[0];
}

/**
 * The greatest double below x: −nextUp(−x).
 * @example nextDown(1); // => 0.9999999999999999
 */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
