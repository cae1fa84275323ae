// Specs leave spec/ frozen: the core trusts them and must not be able to change them (DESIGN §1).

/**
 * Freezes an object and everything reachable from it, in place.
 * @example Object.isFrozen(deepFreeze({ a: { b: 1 } }).a); // => true
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
