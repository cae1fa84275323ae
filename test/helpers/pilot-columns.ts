// Columns of every shape a histogram layout meets in its pilot, seeded: smooth and skewed, counts and
// ties, signed zeros, infinities, an outlier, cells of a few ulps, values near the least subnormal.
import { createStream } from '../../src/simulate/random/create-stream.js';

export type PilotKind =
  | 'normal'
  | 'lognormal'
  | 'poisson'
  | 'counts'
  | 'mostly zero'
  | 'constant'
  | 'signed zeros'
  | 'two points'
  | 'eighths'
  | 'infinite tails'
  | 'one outlier'
  | 'cells of a few ulps'
  | 'near the least subnormal'
  | 'a wide gap';

/** n values of the kind, from the stream (seed, key, kind). */
export function pilotColumn(n: number, kind: PilotKind, seed: number, key: string): Float64Array {
  const stream = createStream(seed, key, kind);
  const values = new Float64Array(n);
  stream.fillStandardNormal(values);
  for (let i = 0; i < n; i++) {
    const z = values[i];
    const u = stream.nextFloat();
    if (kind === 'lognormal') values[i] = Math.exp(2.5 * z);
    else if (kind === 'counts') values[i] = Math.floor(3 * Math.exp(z));
    else if (kind === 'mostly zero') values[i] = u < 0.9 ? 0 : Math.exp(z);
    else if (kind === 'constant') values[i] = 12192.4;
    else if (kind === 'signed zeros') values[i] = u < 0.3 ? -0 : u < 0.6 ? 0 : Math.round(z * 3);
    else if (kind === 'two points') values[i] = u < 0.5 ? 3 : 7;
    else if (kind === 'eighths') values[i] = Math.round(z * 40) / 8;
    else if (kind === 'infinite tails') values[i] = u < 0.02 ? -Infinity : u > 0.97 ? Infinity : z;
    else if (kind === 'cells of a few ulps') values[i] = 1e15 + Math.round(z * 3);
    else if (kind === 'near the least subnormal') values[i] = u < 0.5 ? 0 : Number.MIN_VALUE * Math.round(Math.abs(z) * 4);
    else if (kind === 'a wide gap') values[i] = u < 0.5 ? z : 1e12 + z;
  }
  if (kind === 'poisson') stream.fillPoisson(values, 2.5);
  if (kind === 'one outlier') values[n >> 1] = 1e300;
  return values;
}
