// Performance of the Monte Carlo job: the whole baseline model at 10k, 100k and 1M draws.
//
// Three measurements per size, each in a child process of its own so that its peak memory (max RSS)
// is its own: the engine in one thread (runScenario), the engine as `forecast run` runs it
// (runScenarioInParallel, default threads: the model's independent components over worker threads),
// and a reference workload in the same command: workload W of PERFORMANCE.md (two compound-growth
// levels and one Poisson count, 10 years, mean + p5/p50/p95 per year) written directly against the
// engine's RNG and quantiles. The ratio engine / W says what the engine's generality costs over a
// hand-written loop on the same machine at the same moment — robust to the machine's speed.
// Each child warms up on a small run first (JIT), then times one full-size run.
//
// Run: npm run bench  (or node dist/bench/simulate-bench.js [--sizes 10000,100000,1000000])
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadRunInputs } from '../src/io/load-run-inputs.js';
import { runScenario } from '../src/pipeline/run-scenario.js';
import { runScenarioInParallel } from '../src/pipeline/run-scenario-in-parallel.js';
import { defaultThreads } from '../src/planner/run-variants.js';
import { createStream } from '../src/simulate/create-stream.js';
import { quantilesOf } from '../src/evaluate/quantiles.js';
import { meanOf } from '../src/evaluate/mean-of.js';

const here = fileURLToPath(import.meta.url);
const projectRoot = resolve(here, '..', '..', '..');

type Mode = 'engine' | 'parallel' | 'reference';

interface ChildResult {
  readonly seconds: number;
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

async function child(mode: Mode, draws: number): Promise<void> {
  let seconds: number;
  if (mode === 'reference') {
    referenceWorkload(2000);
    const t0 = performance.now();
    referenceWorkload(draws);
    seconds = (performance.now() - t0) / 1000;
  } else {
    const inputs = loadRunInputs(projectRoot, 'data', [resolve(projectRoot, 'scenarios', 'baseline.yaml')]);
    const { scenario, model } = inputs.scenarios[0];
    runScenario(model, inputs.data, scenario, { draws: 2000 });
    const t0 = performance.now();
    if (mode === 'engine') runScenario(model, inputs.data, scenario, { draws });
    else await runScenarioInParallel(model, inputs.data, scenario, { draws, threads: defaultThreads() });
    seconds = (performance.now() - t0) / 1000;
  }
  const out: ChildResult = { seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function measure(mode: Mode, draws: number): ChildResult {
  const text = execFileSync(process.execPath, ['--max-old-space-size=4096', here, '--child', mode, String(draws)], { encoding: 'utf8' });
  return JSON.parse(text.trim().split('\n').pop()!) as ChildResult;
}

function parent(sizes: number[]): void {
  console.log('forecast engine — baseline model, whole run (calibrate + simulate + summarise + judge targets)');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores; each figure from its own process\n`);
  const header = ['draws', '1 thread s', 'peak MB', `${defaultThreads()} threads s`, 'peak MB', 'W ref s', 'peak MB', 'engine/W', 'threads/W'];
  console.log(header.map((h) => h.padStart(12)).join(''));
  for (const draws of sizes) {
    const engine = measure('engine', draws);
    const parallel = measure('parallel', draws);
    const reference = measure('reference', draws);
    const cells = [
      draws.toLocaleString('en-US'),
      engine.seconds.toFixed(3),
      engine.maxRssMb.toFixed(0),
      parallel.seconds.toFixed(3),
      parallel.maxRssMb.toFixed(0),
      reference.seconds.toFixed(3),
      reference.maxRssMb.toFixed(0),
      (engine.seconds / reference.seconds).toFixed(2),
      (parallel.seconds / reference.seconds).toFixed(2),
    ];
    console.log(cells.map((c) => c.padStart(12)).join(''));
  }
  console.log('\npeak MB: the child process\'s max RSS (Node itself, the loaded engine and data, the run).');
  console.log('The model: 9 variables (5 compound, 1 negative binomial, 3 formulas), 2021–2030, 6 targets.');
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] as Mode, Number(args[2]));
else {
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000];
  parent(sizes);
}
