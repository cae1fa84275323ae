// The fused compound step (normals drawn inside the loop) against its reference on the same numbers.
import { describe, expect, it } from 'vitest';
import { growIndependent } from '../../src/laws/compound-law.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

const n = 10_000;

function column(key: string, f: (u: number) => number): Float32Array {
  const u = new Float64Array(n);
  createStream(9, key).fillUniform(u);
  return Float32Array.from(u, f);
}

describe('growByLogNormal (the fused compound step)', () => {
  const means: [string, number | Float32Array][] = [['constant', Math.log1p(0.1)], ['per draw', column('m', (u) => Math.log1p(0.05 + 0.1 * u))]];
  const scales: [string, number | Float32Array][] = [['constant', 0.03], ['per draw', column('s', (u) => 0.01 + 0.05 * u)]];
  for (const [meanKind, mean] of means) {
    for (const [scaleKind, scale] of scales) {
      it(`gives the reference's bits (mean ${meanKind}, scale ${scaleKind}), twice in a row`, () => {
        const fused = new Float64Array(n).fill(1000);
        const reference = new Float64Array(n).fill(1000);
        const fast = createStream(4, 'x', 'innovation');
        const slow = createStream(4, 'x', 'innovation');
        const asColumn = (p: number | Float32Array) => (typeof p === 'number' ? { v: Float64Array.of(p), m: 0 } : { v: Float64Array.from(p), m: -1 });
        const [m, s] = [asColumn(mean), asColumn(scale)];
        const noise = new Float64Array(n);
        for (let step = 0; step < 2; step++) {
          fast.growByLogNormal(fused, m.v, m.m, s.v, s.m);
          slow.fillStandardNormal(noise);
          growIndependent(reference, mean, scale, noise);
        }
        expect(fused).toEqual(reference);
      });
    }
  }
});
