// Which draws to export as sample paths: a deterministic, evenly spaced subset.

/**
 * `count` draw indices spread evenly over `0 … draws − 1`: index_k = floor(k · draws / count) for
 * k = 0 … count − 1 (the first draw is always included). Evenly spaced rather than the first N so
 * the sample does not depend on how streams fill their first elements; every run with the same
 * draws picks the same indices. All draws when count ≥ draws.
 * @param draws draws in the run (≥ 1) @param count paths wanted (≥ 0)
 * @example selectDrawIndices(10, 4); // => [0, 2, 5, 7]
 */
export function selectDrawIndices(draws: number, count: number): number[] {
  const n = Math.max(0, Math.min(Math.floor(count), draws));
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(Math.floor((k * draws) / n));
  return out;
}
