// Selection of several order statistics at once, in place: quickselect with a three-way partition.

/** Below this range length an insertion sort beats partitioning. */
const insertionSortMax = 24;
/** Above this range length the pivot is Tukey's ninther (median of three medians of three) instead of a median of three. */
const nintherMin = 512;

/** Sorts values[left..right] (inclusive) ascending, in place. */
function insertionSort(values: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= left && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

function pivotOf(values: Float64Array, left: number, right: number): number {
  const middle = left + ((right - left) >> 1);
  if (right - left < nintherMin) return medianOfThree(values[left], values[middle], values[right]);
  const step = (right - left) >> 3;
  return medianOfThree(
    medianOfThree(values[left], values[left + step], values[left + 2 * step]),
    medianOfThree(values[middle - step], values[middle], values[middle + step]),
    medianOfThree(values[right - 2 * step], values[right - step], values[right]),
  );
}

/**
 * Recursive multiple selection over values[left..right] for positions[first..last) (sorted).
 * `depthLeft` bounds the recursion: past it the range is sorted outright (O(m log m) worst case).
 */
function selectRange(
  values: Float64Array,
  left: number,
  right: number,
  positions: readonly number[],
  first: number,
  last: number,
  found: Map<number, number>,
  depthLeft: number,
): void {
  if (first >= last) return;
  if (right - left < insertionSortMax || depthLeft === 0) {
    if (depthLeft === 0) values.subarray(left, right + 1).sort();
    else insertionSort(values, left, right);
    for (let r = first; r < last; r++) found.set(positions[r], values[positions[r]]);
    return;
  }
  // Three-way partition (Dijkstra): [left, lt) < t, [lt, gt] = t, (gt, right] > t.
  const t = pivotOf(values, left, right);
  let lt = left;
  let gt = right;
  let i = left;
  while (i <= gt) {
    const v = values[i];
    if (v < t) {
      values[i] = values[lt];
      values[lt] = v;
      lt++;
      i++;
    } else if (v > t) {
      values[i] = values[gt];
      values[gt] = v;
      gt--;
    } else {
      i++;
    }
  }
  // Positions below lt go left, inside [lt, gt] are t (a block of ties ends here at once), above go right.
  let split = first;
  while (split < last && positions[split] < lt) split++;
  let after = split;
  while (after < last && positions[after] <= gt) {
    found.set(positions[after], t);
    after++;
  }
  selectRange(values, left, lt - 1, positions, first, split, found, depthLeft - 1);
  selectRange(values, gt + 1, right, positions, after, last, found, depthLeft - 1);
}

/**
 * Finds the values that a full ascending sort of values[left..right] (inclusive) would put at each of
 * `positions`, rearranging that range in place; NaN must not occur.
 *
 * Multiple quickselect (Hoare 1961's FIND, for several ranks at once as in Chambers 1971) with a
 * three-way partition, so a block of equal values is settled in one pass: on p positions and m
 * values, expected O(m·log p) comparisons, and O(m) for columns of ties. The pivot is a median of
 * three (ninther above 512 values); past 2·log₂(m) + 8 levels the range is sorted instead, which caps
 * the worst case at O(m log m).
 *
 * @param values the array (rearranged within [left, right]).
 * @param left first index of the range.
 * @param right last index of the range (inclusive).
 * @param positions the indices wanted, sorted ascending, each in [left, right].
 * @param found receives position → value.
 * @see Hoare, C. A. R. (1961). Algorithm 65: FIND. CACM 4(7), 321–322; Dijkstra (1976), A Discipline of Programming, ch. 14 (three-way partition).
 * @example
 * const found = new Map<number, number>();
 * quantileSelect(Float64Array.of(5, 1, 4, 2, 3), 0, 4, [0, 2], found);
 * [found.get(0), found.get(2)]; // => [1, 3]
 */
export function quantileSelect(
  values: Float64Array,
  left: number,
  right: number,
  positions: readonly number[],
  found: Map<number, number>,
): void {
  const depth = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  selectRange(values, left, right, positions, 0, positions.length, found, depth);
}
