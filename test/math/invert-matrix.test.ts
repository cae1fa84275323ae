import { describe, expect, it } from 'vitest';
import { invertMatrix } from '../../src/math/invert-matrix.js';

describe('invertMatrix', () => {
  it('inverts a matrix that needs pivoting (numpy.linalg.inv agrees)', () => {
    // python3 -c "import numpy as np; print(np.linalg.inv([[0,2,1],[1,1,0],[3,0,1]]).tolist())"
    const reference = [[-0.2, 0.4, 0.2], [0.2, 0.6, -0.2], [0.6, -1.2, 0.4]];
    const got = invertMatrix([[0, 2, 1], [1, 1, 0], [3, 0, 1]]);
    expect(got).toBeDefined();
    got!.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(reference[i][j], 14)));
  });

  it('gives its JSDoc example exactly', () => {
    expect(invertMatrix([[2, 1], [1, 1]])).toEqual([[1, -1], [-1, 2]]);
  });

  it('refuses a singular matrix, an empty scale and a ragged one', () => {
    expect(invertMatrix([[1, 2], [2, 4]])).toBeUndefined();
    expect(invertMatrix([[0, 0], [0, 0]])).toBeUndefined();
    expect(() => invertMatrix([[1, 2], [3]])).toThrow(/square/);
  });
});
