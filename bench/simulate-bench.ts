// Performance of the Monte Carlo job: the whole baseline model at 10k, 100k and 1M draws.
//
// Each size runs in a child process so its peak memory (max RSS) is its own. In the same child,
// a reference workload is timed too: workload W of PERFORMANCE.md (two compound-growth levels and
// one Poisson count, 10 years, mean + p5/p50/p95 per year) written directly against the engine's
// RNG and quantiles. The ratio engine / W says what the engine's generality costs over a
// hand-written loop on the same machine, in the same process — robust to the machine's speed.
//
// Run: npm run bench  (or node dist/bench/simulate-bench.js [--sizes 10000,100000,1000000])
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadRunInputs } from '../src/io/load-run-inputs.js';
import { runScenario } from '../src/pipeline/run-scenario.js';
import { createStream } from '../src/simulate/create-stream.js';
import { quantilesOf } from '../src/evaluate/quantiles.js';
import { meanOf } from '../src/evaluate/mean-of.js';

const here = fileURLToPath(import.meta.url);
const projectRoot = resolve(here, '..', '..', '..');

interface ChildResult {
  readonly draws: number;
  readonly engineSeconds: number;
  readonly referenceSeconds: number;
  readonly years: number;
  readonly variables: number;
  readonly maxRssMb: number;
}

/** Workload W (PERFORMANCE.md): 2 compound levels + 1 Poisson count, 10 years, summaries per year. */
function referenceWorkload(draws: number): number {
  const streamA = createStream(1, 'a');
  const streamB = createStream(1, 'b');
  const streamC = createStream(1, 'c');
  const a = new Float64Array(draws).fill(29000);
  const b = new Float64Array(draws).fill(2500);
  const c = new Float64Array(draws).fill(6);
  const noise = new Float64Array(draws);
  const arrivals = new Float64Array(draws);
  const scratch = new Float64Array(draws);
  const probabilities = [0.05, 0.5, 0.95];
  let checksum = 0;
  for (let year = 0; year < 10; year++) {
    streamA.fillStandardNormal(noise);
    for (let i = 0; i < draws; i++) a[i] *= 1 + 0.1 + 0.03 * noise[i];
    streamB.fillStandardNormal(noise);
    for (let i = 0; i < draws; i++) b[i] *= 1 + 0.15 + 0.05 * noise[i];
    streamC.fillPoisson(arrivals, 3);
    for (let i = 0; i < draws; i++) c[i] += arrivals[i];
    for (const column of [a, b, c]) {
      checksum += meanOf(column) + quantilesOf(column, probabilities, scratch)[1];
    }
  }
  return checksum;
}

function child(draws: number): void {
  const inputs = loadRunInputs(projectRoot, 'data', [resolve(projectRoot, 'scenarios', 'baseline.yaml')]);
  const { scenario, model } = inputs.scenarios[0];
  // Warm up the code paths (JIT) on a small run first; the figure is the full-size run.
  runScenario(model, inputs.data, scenario, { draws: 2000 });
  referenceWorkload(2000);
  const t0 = performance.now();
  const result = runScenario(model, inputs.data, scenario, { draws });
  const engineSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  referenceWorkload(draws);
  const referenceSeconds = (performance.now() - t1) / 1000;
  const years = new Set(result.summaries.map((s) => s.year)).size;
  const out: ChildResult = {
    draws,
    engineSeconds,
    referenceSeconds,
    years,
    variables: result.model.variables.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function parent(sizes: number[]): void {
  console.log('forecast engine — baseline model, whole run (calibrate + simulate + summarise + judge targets)');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}; each size in its own process\n`);
  const header = ['draws', 'engine s', 'W ref s', 'engine/W', 'peak MB', 'variables', 'years'];
  console.log(header.map((h) => h.padStart(11)).join(''));
  for (const draws of sizes) {
    const text = execFileSync(process.execPath, ['--max-old-space-size=4096', here, '--child', String(draws)], { encoding: 'utf8' });
    const r = JSON.parse(text.trim().split('\n').pop()!) as ChildResult;
    const cells = [
      r.draws.toLocaleString('en-US'),
      r.engineSeconds.toFixed(3),
      r.referenceSeconds.toFixed(3),
      (r.engineSeconds / r.referenceSeconds).toFixed(2),
      r.maxRssMb.toFixed(0),
      String(r.variables),
      String(r.years),
    ];
    console.log(cells.map((c) => c.padStart(11)).join(''));
  }
  console.log('\npeak MB is the child process\'s max RSS (engine run, reference run and Node itself).');
}

const args = process.argv.slice(2);
if (args[0] === '--child') child(Number(args[1]));
else {
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000];
  parent(sizes);
}
