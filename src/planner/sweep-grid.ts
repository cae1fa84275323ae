// The grid of a sweep: every combination of the values given to each varied assumption.

/**
 * The Cartesian product of the value lists, the last list changing fastest (like nested loops).
 * @example sweepGrid([[1, 2], [10, 20]]); // => [[1, 10], [1, 20], [2, 10], [2, 20]]
 */
export function sweepGrid(lists: readonly (readonly number[])[]): number[][] {
  return lists.reduce<number[][]>((grid, list) => grid.flatMap((prefix) => list.map((value) => [...prefix, value])), [[]]);
}
