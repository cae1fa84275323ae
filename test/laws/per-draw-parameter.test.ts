import { describe, expect, it } from 'vitest';
import { perDrawParameter, type ColumnTransform } from '../../src/laws/per-draw-parameter.js';

const log1p: ColumnTransform = (values, into) => values.forEach((v, i) => (into[i] = Math.log1p(v)));

describe('perDrawParameter', () => {
  it('keeps a parameter that is the same in every draw as one exact number', () => {
    expect(perDrawParameter(Float64Array.of(0.1, 0.1, 0.1), log1p)).toBe(Math.log1p(0.1));
  });

  it('keeps a parameter that varies as single-precision numbers, transformed in double first', () => {
    const kept = perDrawParameter(Float64Array.of(0.1, 0.2), log1p);
    expect(kept).toBeInstanceOf(Float32Array);
    expect(Array.from(kept as Float32Array)).toEqual([Math.fround(Math.log1p(0.1)), Math.fround(Math.log1p(0.2))]);
  });

  it('compares after the transform: values clamped to the same number are one constant', () => {
    expect(perDrawParameter(Float64Array.of(-5, -3), (values, into) => values.forEach((v, i) => (into[i] = Math.max(v, 0))))).toBe(0);
  });
});
