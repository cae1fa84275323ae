// Throughput of the engine's random numbers and quantiles, measured in one process.
//
// Reports normals/s, Poisson/s (several rates, one rate and per-element rates), gamma/s and uniforms/s,
// and quantilesOf on 10⁶ values (7 probabilities) against copy + Float64Array.prototype.sort on the
// same data, as a ratio: ratios survive a change of machine better than absolute times.
// Orders of magnitude to expect on a 2-vCPU machine: ~95M normals/s, ~130M Poisson/s at small λ, quantiles
// ≤ ~15 ms per 10⁶ values.
//
// Run: npx tsc -p tsconfig.build.json && node dist/bench/rng-bench.js
import { performance } from 'node:perf_hooks';
import { quantileProbabilities, quantilesOf } from '../src/evaluate/quantiles.js';
import { createJsStreamFromState, createStream } from '../src/simulate/random/create-stream.js';
import type { RandomStream } from '../src/model/random-stream.js';

const size = 1_000_000;
const repeats = 31;

interface Timing {
  /** Fastest run by process CPU time (ms): robust when other processes share the CPUs. */
  readonly bestMs: number;
  /** Median wall-clock time (ms). */
  readonly medianMs: number;
}

/** Times `run` `repeats` times after two warm-up calls. */
function timeMs(run: () => void): Timing {
  run();
  run();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  return { bestMs: cpu[0], medianMs: wall[Math.floor(wall.length / 2)] };
}

const perSecond = (count: number, ms: number) => `${(count / ms / 1000).toFixed(1).padStart(6)} M/s`;

function throughput(label: string, fill: (stream: RandomStream, out: Float64Array) => void, stream: RandomStream = createStream(1, 'bench', label)): void {
  const out = new Float64Array(size);
  const { bestMs, medianMs } = timeMs(() => fill(stream, out));
  console.log(`${label.padEnd(38)} best ${perSecond(size, bestMs)}   median ${perSecond(size, medianMs)}`);
}

function quantileComparison(label: string, values: Float64Array): void {
  const scratch = new Float64Array(values.length);
  const copy = new Float64Array(values.length);
  let sink = 0;
  const select = timeMs(() => {
    sink += quantilesOf(values, quantileProbabilities, scratch)[3];
  });
  const sort = timeMs(() => {
    copy.set(values);
    copy.sort();
    sink += copy[copy.length >> 1];
  });
  console.log(
    `${label.padEnd(30)} quantilesOf best ${select.bestMs.toFixed(1).padStart(5)} ms, median ${select.medianMs.toFixed(1).padStart(5)} ms` +
      `   sort best ${sort.bestMs.toFixed(0).padStart(4)} ms   sort/quantilesOf ${(sort.bestMs / select.bestMs).toFixed(1)}×${Number.isNaN(sink) ? '!' : ''}`,
  );
}

function main(): void {
  console.log(`Node ${process.version}; ${size.toLocaleString('en')} values per call, ${repeats} runs each: best = fastest by process CPU time, median = wall clock\n`);
  console.log('Random numbers');
  throughput('fillUniform', (s, o) => s.fillUniform(o));
  throughput('fillStandardNormal (ziggurat)', (s, o) => s.fillStandardNormal(o));
  // The compound step: level ← level·e^(mean + scale·Z) with per-draw means (the kernels' fused loop).
  const means = new Float64Array(size).fill(0.1);
  const scales = Float64Array.of(0.05);
  throughput('growByLogNormal (compound step)', (s, o) => s.growByLogNormal(o.fill(1), means, -1, scales, 0));
  // The same three by the JavaScript loops alone (what runs without WebAssembly; the kernels' reference).
  const jsStream = () => createJsStreamFromState([1n, 2n, 3n, 4n]);
  throughput('fillUniform (JavaScript)', (s, o) => s.fillUniform(o), jsStream());
  throughput('fillStandardNormal (JavaScript)', (s, o) => s.fillStandardNormal(o), jsStream());
  throughput('growByLogNormal (JavaScript)', (s, o) => s.growByLogNormal(o.fill(1), means, -1, scales, 0), jsStream());
  throughput('fillPoisson λ = 3 (table)', (s, o) => s.fillPoisson(o, 3));
  throughput('fillPoisson λ = 0.3 (table)', (s, o) => s.fillPoisson(o, 0.3));
  throughput('fillPoisson λ = 30 (table)', (s, o) => s.fillPoisson(o, 30));
  throughput('fillPoisson λ = 300 (table)', (s, o) => s.fillPoisson(o, 300));
  throughput('fillPoisson λ = 5000 (PTRS)', (s, o) => s.fillPoisson(o, 5000));
  // Per-element rates that differ (all-equal arrays take the one-rate path).
  const spread = new Float64Array(size);
  createStream(3, 'bench', 'rates').fillUniform(spread);
  const rates3 = spread.map((u) => 3 * (0.5 + u));
  const rates30 = spread.map((u) => 30 * (0.5 + u));
  throughput('fillPoisson rates[i] ≈ 3 (inversion)', (s, o) => s.fillPoisson(o, rates3));
  throughput('fillPoisson rates[i] ≈ 30 (PTRS)', (s, o) => s.fillPoisson(o, rates30));
  throughput('fillGamma shape 4.5', (s, o) => s.fillGamma(o, 4.5));
  throughput('fillGamma shape 0.5', (s, o) => s.fillGamma(o, 0.5));
  throughput('(Box–Muller on Math.random, baseline)', (_, o) => {
    for (let i = 0; i < o.length; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
      const t = 2 * Math.PI * Math.random();
      o[i] = r * Math.cos(t);
      if (i + 1 < o.length) o[i + 1] = r * Math.sin(t);
    }
  });
  console.log('\nQuantiles of 10⁶ values at p05…p95 (7 probabilities), against copy + Float64Array.sort');
  const normal = new Float64Array(size);
  createStream(2, 'bench', 'quantiles').fillStandardNormal(normal);
  quantileComparison('normal', normal);
  const skewed = normal.map((z) => Math.exp(2.5 * z));
  quantileComparison('lognormal, sdlog 2.5 (skewed)', skewed);
  const levels = normal.map((z) => 29000 * Math.exp(0.3 + 0.1 * z));
  quantileComparison('revenue-like levels', levels);
  for (const rate of [0.3, 30]) {
    const counts = new Float64Array(size);
    createStream(2, 'bench', 'counts').fillPoisson(counts, rate);
    quantileComparison(`Poisson(${rate}) counts (ties)`, counts);
  }
}

main();
