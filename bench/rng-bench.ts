// Throughput of the engine's random numbers and quantiles, measured in one process.
//
// Reports normals/s, Poisson/s (several rates, one rate and per-element rates), gamma/s and uniforms/s,
// and quantilesOf on 10⁶ values (7 probabilities) against copy + Float64Array.prototype.sort on the
// same data, as a ratio: ratios survive a change of machine better than absolute times.
// PERFORMANCE.md targets on a 2-vCPU machine: ~95M normals/s, ~130M Poisson/s at small λ, quantiles
// ≤ ~15 ms per 10⁶ values.
//
// Run: npx tsc -p tsconfig.build.json && node dist/bench/rng-bench.js
import { performance } from 'node:perf_hooks';
import { quantileProbabilities, quantilesOf } from '../src/evaluate/quantiles.js';
import { createStream } from '../src/simulate/create-stream.js';
import type { RandomStream } from '../src/simulate/random-stream.js';

const size = 1_000_000;
const repeats = 15;

/** Median of `repeats` timings of `run` (ms), after two warm-up calls. */
function timeMs(run: () => void): number {
  run();
  run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function throughput(label: string, fill: (stream: RandomStream, out: Float64Array) => void): void {
  const stream = createStream(1, 'bench', label);
  const out = new Float64Array(size);
  const ms = timeMs(() => fill(stream, out));
  console.log(`${label.padEnd(34)} ${(size / ms / 1000).toFixed(1).padStart(7)} M/s   (${ms.toFixed(2)} ms per 10⁶)`);
}

function quantileComparison(label: string, values: Float64Array): void {
  const scratch = new Float64Array(values.length);
  const copy = new Float64Array(values.length);
  let sink = 0;
  const selectMs = timeMs(() => {
    sink += quantilesOf(values, quantileProbabilities, scratch)[3];
  });
  const sortMs = timeMs(() => {
    copy.set(values);
    copy.sort();
    sink += copy[copy.length >> 1];
  });
  console.log(
    `${label.padEnd(34)} quantilesOf ${selectMs.toFixed(2).padStart(6)} ms   sort ${sortMs.toFixed(1).padStart(6)} ms   ` +
      `sort/quantilesOf ${(sortMs / selectMs).toFixed(1)}×   (${(values.length / selectMs / 1000).toFixed(0)} M values/s)${sink === 0.5 ? ' ' : ''}`,
  );
}

function main(): void {
  console.log(`Node ${process.version}; ${size.toLocaleString('en')} values per call; median of ${repeats} runs\n`);
  console.log('Random numbers');
  throughput('fillUniform', (s, o) => s.fillUniform(o));
  throughput('fillStandardNormal (ziggurat)', (s, o) => s.fillStandardNormal(o));
  throughput('fillPoisson λ = 3 (table)', (s, o) => s.fillPoisson(o, 3));
  throughput('fillPoisson λ = 0.3 (table)', (s, o) => s.fillPoisson(o, 0.3));
  throughput('fillPoisson λ = 30 (table)', (s, o) => s.fillPoisson(o, 30));
  throughput('fillPoisson λ = 300 (PTRS)', (s, o) => s.fillPoisson(o, 300));
  const rates3 = new Float64Array(size).fill(3);
  const rates30 = new Float64Array(size).fill(30);
  throughput('fillPoisson rates[i] = 3 (inversion)', (s, o) => s.fillPoisson(o, rates3));
  throughput('fillPoisson rates[i] = 30 (PTRS)', (s, o) => s.fillPoisson(o, rates30));
  throughput('fillGamma shape 4.5', (s, o) => s.fillGamma(o, 4.5));
  throughput('fillGamma shape 0.5', (s, o) => s.fillGamma(o, 0.5));
  const boxMuller = new Float64Array(size);
  const mathRandomMs = timeMs(() => {
    for (let i = 0; i < size; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
      const t = 2 * Math.PI * Math.random();
      boxMuller[i] = r * Math.cos(t);
      if (i + 1 < size) boxMuller[i + 1] = r * Math.sin(t);
    }
  });
  console.log(`${'(Box–Muller on Math.random)'.padEnd(34)} ${(size / mathRandomMs / 1000).toFixed(1).padStart(7)} M/s   (baseline, not used)`);

  console.log('\nQuantiles of 10⁶ values at p05…p95 (7 probabilities), against copy + Float64Array.sort');
  const normal = new Float64Array(size);
  createStream(2, 'bench', 'quantiles').fillStandardNormal(normal);
  quantileComparison('normal', normal);
  const skewed = normal.map((z) => Math.exp(2.5 * z));
  quantileComparison('lognormal, sdlog 2.5 (skewed)', skewed);
  const levels = normal.map((z) => 29000 * Math.exp(0.3 + 0.1 * z));
  quantileComparison('revenue-like levels', levels);
  const counts = new Float64Array(size);
  createStream(2, 'bench', 'counts').fillPoisson(counts, 30);
  quantileComparison('Poisson(30) counts (ties)', counts);
}

main();
