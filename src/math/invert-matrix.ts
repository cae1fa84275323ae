// Inverse of a small dense matrix by Gauss–Jordan elimination with partial pivoting (Golub & Van Loan
// 2013, §3.4): enough for the correlation matrices of a sweep's assumption paths (at most 51 × 51).

/**
 * The inverse of the square matrix `rows` (each row an array of its length), or undefined when it is
 * singular to working precision: a pivot, after the rows below it were searched for the largest,
 * under `tolerance` times the largest absolute entry of the matrix.
 * @example invertMatrix([[2, 1], [1, 1]]); // => [[1, -1], [-1, 2]]
 * @example invertMatrix([[1, 2], [2, 4]]); // => undefined
 */
export function invertMatrix(rows: readonly (readonly number[])[], tolerance = 1e-10): number[][] | undefined {
  const n = rows.length;
  if (rows.some((row) => row.length !== n)) throw new Error(`internal: invertMatrix needs a square matrix, got ${n} rows of lengths ${rows.map((r) => r.length).join(', ')}`);
  const a = rows.map((row) => Float64Array.from(row));
  const inverse = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  let scale = 0;
  for (const row of a) for (const x of row) scale = Math.max(scale, Math.abs(x));
  if (!(scale > 0) || !Number.isFinite(scale)) return undefined;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) >= tolerance * scale)) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [inverse[col], inverse[pivot]] = [inverse[pivot], inverse[col]];
    const p = a[col][col];
    for (let k = 0; k < n; k++) {
      a[col][k] /= p;
      inverse[col][k] /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r][k] -= f * a[col][k];
        inverse[r][k] -= f * inverse[col][k];
      }
    }
  }
  return inverse.map((row) => Array.from(row));
}
