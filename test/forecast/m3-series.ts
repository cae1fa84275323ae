// Three M3 yearly training series used as R reference cases (from /work/shared/benchmarks/m3-yearly.csv).
export const N0001 = [940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88, 4936.99];
export const N0100 = [1424.7, 1546.5, 1615.7, 1868.7, 2041.5, 2303.3, 2615, 2123, 2295, 2515, 2011, 2166, 2210, 2540];
export const N0500 = [3247.35, 3826.2, 4273.1, 4625.9, 5266.45, 6009.6, 6772.35, 7298.5, 7009, 6377.5, 5925, 5703.75, 5590.25, 5443.75, 5520.9, 5891.6, 6034.9, 6533.6, 6976.15];

/** Asserts every value is within `relTol` of the reference. */
export function relativeErrors(actual: readonly number[], expected: readonly number[]): number[] {
  return expected.map((value, i) => Math.abs(actual[i] - value) / Math.abs(value));
}
