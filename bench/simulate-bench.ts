// Performance of the engine, in one run, as ratios against references measured in the same run.
//
//   1 start-up     `forecast --help`, `forecast data`, the default `forecast run` (3 scenarios × 20k)
//                  against `node -e 0`, interleaved round by round (the built CLI, dist/cli)
//   2 the job      the whole baseline scenario at 10k/100k/1M/4M draws, in process (1 thread, and the
//                  model's components over 2 threads), each in a child process of its own (its peak
//                  RSS is its own); reference workload W (PERFORMANCE.md) in TypeScript and in numpy
//                  (python3, when numpy is installed) at the same sizes
//   3 the command  `forecast run scenarios/baseline.yaml --draws 1000000` as a whole process against
//                  numpy's W in process, and its peak RSS at 1M and 4M draws
//   4 width        a model with 10× the variables (the Beijing model ten times over) at 1M draws
// The machine is shared: figures are medians of interleaved runs and only the ratios carry over.
//
// Run: npm run bench  (or node dist/bench/simulate-bench.js [--sizes 10000,100000,1000000,4000000] [--rounds 5])
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadRunInputs } from '../src/io/load-run-inputs.js';
import { runScenario } from '../src/pipeline/run-scenario.js';
import { runScenarioInParallel } from '../src/pipeline/run-scenario-in-parallel.js';
import { createStream } from '../src/simulate/create-stream.js';
import { quantilesOf } from '../src/evaluate/quantiles.js';
import { meanOf } from '../src/evaluate/mean-of.js';
import type { ModelSpec } from '../src/spec/model-spec.js';

const here = fileURLToPath(import.meta.url);
const projectRoot = resolve(here, '..', '..', '..');
const cli = join(projectRoot, 'dist', 'cli', 'forecast.js');
const numpyW = join(projectRoot, 'bench', 'workload-w.py');
const gnuTime = '/usr/bin/time';

type Mode = 'engine' | 'parallel' | 'wide' | 'reference';

interface Measured {
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

/** The model `times` times over: every variable copied with a suffix, formulas renamed to match. */
function widened(model: ModelSpec, times: number): ModelSpec {
  const names = model.variables.map((v) => v.name);
  const rename = (text: string, suffix: string) => names.reduce((t, name) => t.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}${suffix}`), text);
  const variables = Array.from({ length: times }, (_, copy) =>
    model.variables.map((v) => ({ ...v, name: copy === 0 ? v.name : `${v.name}_${copy}`, ...(v.formula !== undefined && copy > 0 && { formula: rename(v.formula, `_${copy}`) }) })),
  ).flat();
  return { ...model, variables };
}

async function child(mode: Mode, draws: number): Promise<void> {
  let seconds: number;
  if (mode === 'reference') {
    const t0 = performance.now();
    referenceWorkload(draws);
    seconds = (performance.now() - t0) / 1000;
  } else {
    const inputs = loadRunInputs(projectRoot, 'data', [resolve(projectRoot, 'scenarios', 'baseline.yaml')]);
    const { scenario, model } = inputs.scenarios[0];
    const t0 = performance.now();
    if (mode === 'engine') runScenario(model, inputs.data, scenario, { draws });
    else if (mode === 'wide') runScenario(widened(model, 10), inputs.data, scenario, { draws });
    else await runScenarioInParallel(model, inputs.data, scenario, { draws, threads: 2 });
    seconds = (performance.now() - t0) / 1000;
  }
  process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** One in-process measurement in a child of its own. */
function inChild(mode: Mode, draws: number): Measured {
  const text = execFileSync(process.execPath, ['--max-old-space-size=4096', here, '--child', mode, String(draws)], { encoding: 'utf8' });
  return JSON.parse(text.trim().split('\n').pop()!) as Measured;
}

function numpyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
}

/** numpy's W in process (its own timing: the interpreter's start-up is not W). */
function numpy(draws: number): Measured {
  const text = execFileSync('python3', [numpyW, String(draws)], { encoding: 'utf8' });
  return JSON.parse(text.trim().split('\n').pop()!) as Measured;
}

/** A whole process: wall seconds from spawn to exit, and its peak RSS (by GNU time's %M where installed, else NaN). */
function wholeProcess(command: string, args: readonly string[]): Measured {
  const timed = existsSync(gnuTime);
  const t0 = performance.now();
  const run = timed
    ? spawnSync(gnuTime, ['-f', 'BENCH_MAXRSS_KB %M', command, ...args], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const kb = /BENCH_MAXRSS_KB (\d+)/.exec(run.stderr ?? '');
  return { seconds, maxRssMb: kb ? Number(kb[1]) / 1024 : Number.NaN };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const cell = (text: string, width = 12) => text.padStart(width);
const row = (cells: readonly string[], width = 12) => console.log(cells.map((c) => cell(c, width)).join(''));

function startUp(rounds: number, out: string): void {
  console.log(`1. Start-up: the built CLI against \`node -e 0\`, ${rounds} interleaved rounds, medians (wall s)`);
  const commands: [string, string[]][] = [
    ['forecast --help', [cli, '--help']],
    ['forecast data', [cli, 'data']],
    ['forecast validate', [cli, 'validate']],
    ['forecast run (default)', [cli, 'run', '--quiet', '--out', out]],
  ];
  const times = new Map<string, number[]>([['node -e 0', []], ...commands.map(([name]) => [name, []] as [string, number[]])]);
  const ratios = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  for (let round = 0; round < rounds + 1; round++) {
    const node = wholeProcess(process.execPath, ['-e', '0']).seconds;
    for (const [name, args] of commands) {
      const seconds = wholeProcess(process.execPath, args).seconds;
      if (round === 0) continue; // warm-up round (file cache)
      times.get(name)!.push(seconds);
      ratios.get(name)!.push(seconds / node);
    }
    if (round > 0) times.get('node -e 0')!.push(node);
  }
  row(['command', 'wall s', 'vs node -e 0', 'goal', 'aim'], 24);
  row(['node -e 0', median(times.get('node -e 0')!).toFixed(3), '1.00', '', ''], 24);
  const goals: Record<string, [string, string]> = { 'forecast --help': ['≤ 2', '≤ 1.5'], 'forecast data': ['≤ 3', '≤ 2'], 'forecast validate': ['≤ 3', '≤ 2'], 'forecast run (default)': ['≤ 6', '≤ 4'] };
  for (const [name] of commands) row([name, median(times.get(name)!).toFixed(3), median(ratios.get(name)!).toFixed(2), goals[name][0], goals[name][1]], 24);
  console.log('');
}

function theJob(sizes: readonly number[], hasNumpy: boolean): Map<number, { engine: Measured; parallel: Measured; w: Measured; numpy?: Measured }> {
  console.log('2. The whole baseline scenario in process (calibrate, simulate, summarise, judge), each figure from a child process of its own');
  row(['draws', '1 thread s', 'peak MB', '2 threads s', 'peak MB', 'W (TS) s', 'numpy W s', 'engine/W', 'engine/npW']);
  const results = new Map<number, { engine: Measured; parallel: Measured; w: Measured; numpy?: Measured }>();
  for (const draws of sizes) {
    const engine = inChild('engine', draws);
    const parallel = inChild('parallel', draws);
    const w = inChild('reference', draws);
    const np = hasNumpy ? numpy(draws) : undefined;
    results.set(draws, { engine, parallel, w, numpy: np });
    row([
      draws.toLocaleString('en-US'),
      engine.seconds.toFixed(3),
      engine.maxRssMb.toFixed(0),
      parallel.seconds.toFixed(3),
      parallel.maxRssMb.toFixed(0),
      w.seconds.toFixed(3),
      np ? np.seconds.toFixed(3) : '–',
      (engine.seconds / w.seconds).toFixed(2),
      np ? (engine.seconds / np.seconds).toFixed(2) : '–',
    ]);
  }
  console.log('');
  return results;
}

function theCommand(rounds: number, hasNumpy: boolean, out: string): void {
  console.log(`3. \`forecast run scenarios/baseline.yaml --draws N\` as a whole process (start-up and files included), interleaved with numpy's W at N (${rounds} rounds, medians)`);
  row(['draws', 'threads', 'run s', 'peak MB', 'numpy W s', 'run / npW', 'goal', 'aim']);
  const peaks = new Map<number, number>();
  for (const draws of [1_000_000, 4_000_000]) {
    for (const threads of [1, 2]) {
      const runs: Measured[] = [];
      const ratios: number[] = [];
      const nps: number[] = [];
      for (let round = 0; round < (draws === 1_000_000 ? rounds : 1); round++) {
        const run = wholeProcess(process.execPath, [cli, 'run', 'scenarios/baseline.yaml', '--draws', String(draws), '--threads', String(threads), '--quiet', '--out', out]);
        runs.push(run);
        if (hasNumpy) {
          const np = numpy(draws).seconds;
          nps.push(np);
          ratios.push(run.seconds / np);
        }
      }
      const peak = median(runs.map((r) => r.maxRssMb));
      if (threads === 1) peaks.set(draws, peak);
      row([
        draws.toLocaleString('en-US'),
        String(threads),
        median(runs.map((r) => r.seconds)).toFixed(3),
        peak.toFixed(0),
        hasNumpy ? median(nps).toFixed(3) : '–',
        hasNumpy ? median(ratios).toFixed(2) : '–',
        draws === 1_000_000 ? '≤ 0.5' : '',
        draws === 1_000_000 ? '≤ 0.35' : '',
      ]);
    }
  }
  const flat = peaks.get(4_000_000)! / peaks.get(1_000_000)!;
  console.log(`peak RSS at 4M / at 1M draws (1 thread): ${flat.toFixed(2)} (goal: within 10%, ≤ 1.10; peak ≤ 120 MB, aim 100 MB)\n`);
}

function width(draws: number, base: Measured): void {
  console.log(`4. A model with 10× the variables (90 variables, the Beijing model ten times over) at ${draws.toLocaleString('en-US')} draws, one thread`);
  const wide = inChild('wide', draws);
  row(['model', 'seconds', 'peak MB', 'vs base'], 16);
  row(['base (9 variables)', base.seconds.toFixed(3), base.maxRssMb.toFixed(0), '1.00'], 16);
  row(['10× (90)', wide.seconds.toFixed(3), wide.maxRssMb.toFixed(0), (wide.seconds / base.seconds).toFixed(2)], 16);
  console.log('goal: ≤ 10× the base model\'s time, memory independent of the draw count\n');
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] as Mode, Number(args[2]));
else {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const sizes = (option('--sizes') ?? '10000,100000,1000000,4000000').split(',').map(Number);
  const rounds = Number(option('--rounds') ?? 5);
  const out = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
  const hasNumpy = numpyAvailable();
  console.log('forecast engine — performance, as ratios against references measured in the same run');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores; numpy ${hasNumpy ? 'found' : 'not found (apt-get install python3-numpy)'}\n`);
  startUp(rounds, out);
  const job = theJob(sizes, hasNumpy);
  theCommand(Math.max(1, Math.min(rounds, 3)), hasNumpy, out);
  const base = job.get(1_000_000);
  if (base) width(1_000_000, base.engine);
  console.log('peak MB: max RSS of the process (Node itself, the loaded engine and data, the run).');
  console.log('The model: 9 variables (5 compound, 1 negative binomial, 3 formulas), 2021–2030, 6 targets. W: 3 series × 10 years.');
}
