// Selection of order statistics in place: Floyd–Rivest for large ranges, insertion sort for small ones.

/** Below this range length an insertion sort beats partitioning. */
const insertionSortMax = 32;
/** Floyd & Rivest's threshold for sampling a narrower range before partitioning. */
const samplingMin = 600;

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

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

/**
 * Rearranges values[left..right] (inclusive) so that values[k] is the value a full sort would put
 * there, with nothing larger before it and nothing smaller after it. NaN must not occur.
 *
 * Floyd–Rivest SELECT: for ranges longer than 600, first select within a sample range around
 * k − m·s/n (s ≈ ½n^(2/3)), then partition around values[k]; expected n + min(k, n−k) + o(n) comparisons.
 *
 * @param values the array (mutated).
 * @param k the rank wanted, left ≤ k ≤ right.
 * @param left first index of the range.
 * @param right last index of the range (inclusive).
 * @see Floyd, R. W. & Rivest, R. L. (1975). Algorithm 489: SELECT. Communications of the ACM 18(3), 173.
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * quantileSelect(a, 2, 0, 4);
 * a[2]; // => 3
 */
export function quantileSelect(values: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    if (hi - lo < insertionSortMax) {
      insertionSort(values, lo, hi);
      return;
    }
    if (hi - lo > samplingMin) {
      const n = hi - lo + 1;
      const m = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLo = Math.max(lo, Math.floor(k - (m * s) / n + sd));
      const newHi = Math.min(hi, Math.floor(k + ((n - m) * s) / n + sd));
      quantileSelect(values, k, newLo, newHi);
    }
    const t = values[k];
    let i = lo;
    let j = hi;
    swap(values, lo, k);
    if (values[hi] > t) swap(values, lo, hi);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i] < t) i++;
      while (values[j] > t) j--;
    }
    if (values[lo] === t) swap(values, lo, j);
    else {
      j++;
      swap(values, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}
