// The four training-length classes every accuracy figure and every interval table is split by.

/** Classes by number of training values: fewer than 10, 10–13, 14–19, 20 or more. */
export const LENGTH_CLASSES = ['<10', '10-13', '14-19', '>=20'] as const;

/** One of LENGTH_CLASSES. */
export type LengthClass = (typeof LENGTH_CLASSES)[number];

/**
 * The length class of a series (or of a hindcast window) with n values. The bounds follow the data:
 * Beijing's series have fewer than 10 full-year levels, M3's yearly training parts 14–41, tourism's
 * 7–43 (a quarter of them below 14).
 *
 * @param n number of values (≥ 0)
 * @returns its class
 * @example lengthClass(13); // => '10-13'
 */
export function lengthClass(n: number): LengthClass {
  return n < 10 ? '<10' : n < 14 ? '10-13' : n < 20 ? '14-19' : '>=20';
}
