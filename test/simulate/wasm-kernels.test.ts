// The WebAssembly kernels (src/simulate/random/kernels.wat) against their reference, the JavaScript
// loops of create-stream.ts: the same numbers bit for bit, and the same state afterwards, for
// uniforms, normals and the compound step, over random states, every length around a column's
// edge, both masks, and the elements a kernel leaves to JavaScript (the ziggurat's rare path, e^y
// beyond fastExp's table, NaN). And the committed module is the one kernels.wat compiles to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createJsStreamFromState, createStreamFromState } from '../../src/simulate/random/create-stream.js';
import { kernelColumn, streamKernels } from '../../src/simulate/random/kernels.js';
import { kernelsWasm } from '../../src/simulate/random/kernels-wasm.js';
import { zigguratR } from '../../src/simulate/random/ziggurat.js';
import { freshDir, projectRoot } from '../helpers/project.js';

type Words = [bigint, bigint, bigint, bigint];

/** Random 64-bit words for states (SplitMix64, so the test's own inputs are reproducible). */
function statesFrom(seed: bigint, count: number): Words[] {
  let x = seed;
  const next = () => {
    x = (x + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
  return Array.from({ length: count }, () => [next(), next(), next(), next()]);
}

/** Equal as bit patterns (so −0, NaN and every last bit count). */
function expectSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length).toBe(expected.length);
  const a = new BigUint64Array(actual.buffer, actual.byteOffset, actual.length);
  const b = new BigUint64Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) expect(`${what}: element ${i} is ${actual[i]}`).toBe(`${what}: element ${i} is ${expected[i]}`);
}

const lengths = [0, 1, 7, 255, kernelColumn - 1, kernelColumn, kernelColumn + 1, 2 * kernelColumn + 123];

describe('the WebAssembly kernels', () => {
  test('are made on this platform (so the comparisons below compare two implementations)', () => {
    expect(streamKernels()).toBeDefined();
  });

  test('are the module kernels.wat compiles to (node scripts/build-wasm.mjs regenerates it)', () => {
    // The script checks every module of the project (the histogram's counting pass too).
    const said = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
    expect(said.trim().split('\n')).toEqual(['kernels-wasm.ts is current', 'counting-kernels-wasm.ts is current']);
    // A WebAssembly module: the magic bytes \0asm, version 1.
    expect([...Uint8Array.from(atob(kernelsWasm), (c) => c.charCodeAt(0)).subarray(0, 8)]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });

  /** A fill by both implementations from each state and at every length: the same bits, the same state after. Returns the kernels' values. */
  function compareFill(seed: bigint, what: string, fill: (stream: ReturnType<typeof createJsStreamFromState>, out: Float64Array) => void): Float64Array[] {
    const made: Float64Array[] = [];
    for (const [s, words] of statesFrom(seed, 6).entries()) {
      const fast = createStreamFromState(words);
      const reference = createJsStreamFromState(words);
      for (const n of lengths) {
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        fill(fast, a);
        fill(reference, b);
        expectSameBits(a, b, `state ${s}, ${n} ${what}`);
        made.push(a);
      }
      expect(fast.nextUint64()).toBe(reference.nextUint64());
    }
    return made;
  }

  test('fillUniform: the JavaScript loop\'s numbers and state, at every length', () => {
    compareFill(1n, 'uniforms', (stream, out) => stream.fillUniform(out));
  });

  test('fillStandardNormal: the same numbers and state, the rare path (≈1%, tails beyond r included) finished in JavaScript', () => {
    let tails = 0;
    for (const values of compareFill(2n, 'normals', (stream, out) => stream.fillStandardNormal(out))) for (const z of values) if (Math.abs(z) > zigguratR) tails++;
    // The layer-0 tail (≈2.6·10⁻⁴ of draws) was met, so the hand-over covers both rare branches.
    expect(tails).toBeGreaterThan(0);
  });

  test('growByLogNormal: the same levels and state for both masks, e^y beyond the table and NaN handed over', () => {
    const [parameters] = statesFrom(3n, 1);
    const filler = createJsStreamFromState(parameters);
    for (const [s, words] of statesFrom(4n, 4).entries()) {
      for (const [meanMask, scaleMask] of [[0, 0], [-1, 0], [0, -1], [-1, -1]] as const) {
        const fast = createStreamFromState(words);
        const reference = createJsStreamFromState(words);
        for (const n of lengths) {
          const level = new Float64Array(n);
          filler.fillUniform(level);
          for (let i = 0; i < n; i++) level[i] = i % 97 === 0 ? 0 : 1000 * level[i] - 100; // zeros and negatives too
          const mean = new Float64Array(Math.max(1, n));
          const scale = new Float64Array(Math.max(1, n));
          filler.fillUniform(mean);
          filler.fillUniform(scale);
          for (let i = 0; i < mean.length; i++) {
            mean[i] = 0.5 * mean[i] - 0.1;
            scale[i] = 0.3 * scale[i];
          }
          // Arguments beyond ±700 (Math.exp's path: overflow to ∞, underflow to 0) and a NaN.
          if (mean.length > 3) {
            mean[1] = 720;
            mean[2] = -760;
            scale[3] = 400;
            mean[mean.length - 1] = Number.NaN;
          }
          const a = level.slice();
          const b = level.slice();
          fast.growByLogNormal(a, mean, meanMask, scale, scaleMask);
          reference.growByLogNormal(b, mean, meanMask, scale, scaleMask);
          expectSameBits(a, b, `state ${s}, masks ${meanMask}/${scaleMask}, ${n} levels`);
        }
        expect(fast.nextUint64()).toBe(reference.nextUint64());
      }
    }
  });

  test('give a run the files it makes without WebAssembly (node --jitless has none), byte for byte', () => {
    const cli = `${projectRoot}/dist/cli/forecast.js`;
    expect(execFileSync(process.execPath, ['--jitless', '-p', 'typeof WebAssembly'], { encoding: 'utf8', stdio: 'pipe' }).trim()).toBe('undefined');
    const run = (flags: string[], out: string) =>
      execFileSync(process.execPath, [...flags, cli, 'run', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', '--draws', '5000', '--quiet', '--out', out], { cwd: projectRoot, stdio: 'pipe' });
    const dir = freshDir();
    run([], `${dir}/wasm`);
    run(['--jitless'], `${dir}/js`);
    for (const file of ['projections.csv', 'targets.csv', 'first-passage.csv', 'record.csv', 'required.csv']) {
      expect(readFileSync(`${dir}/js/${file}`, 'utf8'), file).toBe(readFileSync(`${dir}/wasm/${file}`, 'utf8'));
    }
  });
});
