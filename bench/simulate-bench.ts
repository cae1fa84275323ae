// Performance of the engine, in one run, as ratios against references measured in the same run.
//
//   1 start-up     `forecast --help`, `data`, `validate` and the default `run` (every shipped scenario × 20k)
//                  against `node -e 0`, interleaved round by round (the built CLI, dist/cli)
//   2 the job      the whole baseline scenario in process at 10k/100k/1M/4M draws on 1 and 2
//                  threads, each in a child process of its own (its peak RSS is its own), interleaved
//                  with reference workload W (bench/workload-w.py) in TypeScript and in numpy
//   3 the command  `forecast run scenarios/baseline.yaml --draws N` as a whole process, 1 and 2
//                  threads, interleaved with numpy's W in process; peak RSS at 1M and 4M draws
//   4 width        a model with 10× the variables (the model ten times over) at 1M draws, against the model
//   5 sweeps       the cost of one more variant of a sweep at 100,000 draws (whole commands, 2 threads)
// The machine may be shared: every figure is a median of interleaved rounds, the load average is
// printed before and after, and only the ratios carry over from machine to machine.
//
// Run: npm run bench  (node dist/bench/simulate-bench.js [--sizes 10000,100000,1000000,4000000]
//      [--rounds 5] [--markdown FILE] [--update-readme])
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadRunInputs } from '../src/io/load-run-inputs.js';
import { runScenarioInParallel } from '../src/pipeline/run-scenario-in-parallel.js';
import { prepareModel } from '../src/pipeline/prepare-model.js';
import { createStream } from '../src/simulate/random/create-stream.js';
import { quantilesOf } from '../src/evaluate/quantiles.js';
import { meanOf } from '../src/evaluate/mean-of.js';
import type { ModelSpec } from '../src/spec/model-spec.js';
import { benchArgs, positiveInteger } from './bench-args.js';

const here = fileURLToPath(import.meta.url);
const projectRoot = resolve(here, '..', '..', '..');
const cli = join(projectRoot, 'dist', 'cli', 'forecast.js');
const numpyW = join(projectRoot, 'bench', 'workload-w.py');
/** What the default run is: every shipped scenario (each at its own draws, 20,000 in the shipped files). */
const defaultRun = `forecast run (${readdirSync(join(projectRoot, 'scenarios')).filter((name) => name.endsWith('.yaml')).length} scenarios × 20,000 draws)`;
const gnuTime = '/usr/bin/time';
const baselineFile = join(projectRoot, 'scenarios', 'baseline.yaml');

type Mode = 'engine' | 'wide' | 'reference';

interface Measured {
  readonly seconds: number;
  readonly maxRssMb: number;
}

/** Workload W (the numpy form: bench/workload-w.py): 2 compound levels + 1 Poisson count, 10 years, summaries per year. */
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

/** The baseline's model and scenario, and its size: variables and simulated variable-years. */
function baseline() {
  const inputs = loadRunInputs(projectRoot, 'data', [baselineFile]);
  const { scenario, model } = inputs.scenarios[0];
  const prepared = prepareModel(model, inputs.data, scenario);
  const variableYears = prepared.variables.reduce((sum, v) => sum + Math.max(0, prepared.horizon - v.firstYear + 1), 0);
  return { inputs, scenario, model, variables: prepared.variables.length, variableYears, horizon: prepared.horizon };
}

async function child(mode: Mode, draws: number, threads: number): Promise<void> {
  let seconds: number;
  if (mode === 'reference') {
    const t0 = performance.now();
    referenceWorkload(draws);
    seconds = (performance.now() - t0) / 1000;
  } else {
    const { inputs, scenario, model } = baseline();
    const t0 = performance.now();
    await runScenarioInParallel(mode === 'wide' ? widened(model, 10) : model, inputs.data, scenario, { draws, threads });
    seconds = (performance.now() - t0) / 1000;
  }
  process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** One in-process measurement in a child of its own. */
function inChild(mode: Mode, draws: number, threads = 1): Measured {
  const text = execFileSync(process.execPath, ['--max-old-space-size=4096', here, '--child', mode, String(draws), String(threads)], { encoding: 'utf8' });
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
function wholeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const timed = existsSync(gnuTime);
  const t0 = performance.now();
  const run = timed
    ? spawnSync(gnuTime, ['-f', 'BENCH_MAXRSS_KB %M', command, ...args], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26, env })
    : spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26, env });
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
const fixed = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** What the README's performance section is made of: each goal with its figure. */
interface Goal {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly goal: number;
  readonly aim?: number;
}
const goals: Goal[] = [];
const markdown: string[] = [];

function startUp(rounds: number, out: string): void {
  console.log(`1. Start-up: the built CLI against \`node -e 0\`, ${rounds} interleaved rounds after one warm-up, medians (wall s)`);
  // Each command as it runs again on the same files (its content cache filled by the warm-up round),
  // and as a first run: the cache off (FORECAST_CACHE=off), every file parsed and checked.
  const first = { ...process.env, FORECAST_CACHE: 'off' };
  const commands: [string, string[], number, number, NodeJS.ProcessEnv][] = [
    ['forecast --help', [cli, '--help'], 2, 1.5, process.env],
    ['forecast data', [cli, 'data'], 3, 2, process.env],
    ['forecast validate', [cli, 'validate'], 3, 2, process.env],
    [defaultRun, [cli, 'run', '--quiet', '--out', out], 6, 4, process.env],
    ['forecast data (first run, no cache)', [cli, 'data'], 3, 2, first],
    ['forecast validate (first run, no cache)', [cli, 'validate'], 3, 2, first],
    [`${defaultRun} (first run, no cache)`, [cli, 'run', '--quiet', '--out', out], 6, 4, first],
  ];
  const node: number[] = [];
  const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  for (let round = 0; round < rounds + 1; round++) {
    const reference = wholeProcess(process.execPath, ['-e', '0']).seconds;
    for (const [name, args, , , env] of commands) {
      const seconds = wholeProcess(process.execPath, args, env).seconds;
      if (round === 0) continue; // warm-up round (file cache)
      times.get(name)!.push(seconds);
      ratios.get(name)!.push(seconds / reference);
    }
    if (round > 0) node.push(reference);
  }
  console.log('command'.padEnd(44) + ['wall s', 'vs node -e 0', 'goal', 'aim'].map((c) => cell(c, 14)).join(''));
  console.log('node -e 0'.padEnd(44) + [fixed(median(node)), '1.00', '', ''].map((c) => cell(c, 14)).join(''));
  markdown.push('| start-up (wall, medians of interleaved rounds) | s | vs `node -e 0` | goal | aim | met? |', '|---|---|---|---|---|---|');
  markdown.push(`| \`node -e 0\` | ${fixed(median(node))} | 1.00 | | | |`);
  for (const [name, , goal, aim] of commands) {
    const ratio = median(ratios.get(name)!);
    console.log(name.replace(defaultRun, 'forecast run (default)').padEnd(44) + [fixed(median(times.get(name)!)), fixed(ratio, 2), `≤ ${goal}`, `≤ ${aim}`].map((c) => cell(c, 14)).join(''));
    markdown.push(`| \`${name.replace(' (', '` (')}${name.includes('(') ? '' : '`'} | ${fixed(median(times.get(name)!))} | ${fixed(ratio, 2)} | ≤ ${goal} | ≤ ${aim} | ${ratio <= goal ? 'yes' : '**no**'} |`);
    goals.push({ what: `${name} vs node -e 0`, value: ratio, unit: '×', goal, aim });
  }
  console.log('');
}

function theJob(sizes: readonly number[], rounds: number, hasNumpy: boolean): Map<number, Measured> {
  console.log(`2. The whole baseline scenario in process (calibrate, simulate, summarise, judge), each figure from a child process of its own, interleaved (medians of ${rounds} rounds up to 10⁶ draws, 1 above)`);
  row(['draws', '1 thread s', 'peak MB', '2 threads s', 'peak MB', 'speed-up', 'W (TS) s', 'numpy W s', 'engine/W', 'engine/npW']);
  markdown.push('', '| draws | 1 thread s | peak MB | 2 threads s | peak MB | speed-up | W in TypeScript s | numpy W s | 2 threads / numpy W |', '|---|---|---|---|---|---|---|---|---|');
  const oneThread = new Map<number, Measured>();
  for (const draws of sizes) {
    const samples = { one: [] as Measured[], two: [] as Measured[], w: [] as Measured[], np: [] as Measured[] };
    for (let round = 0; round < (draws <= 1_000_000 ? rounds : 1); round++) {
      samples.one.push(inChild('engine', draws, 1));
      samples.two.push(inChild('engine', draws, 2));
      samples.w.push(inChild('reference', draws));
      if (hasNumpy) samples.np.push(numpy(draws));
    }
    const m = (list: Measured[], key: keyof Measured) => median(list.map((x) => x[key]));
    const one = { seconds: m(samples.one, 'seconds'), maxRssMb: m(samples.one, 'maxRssMb') };
    const two = { seconds: m(samples.two, 'seconds'), maxRssMb: m(samples.two, 'maxRssMb') };
    const w = m(samples.w, 'seconds');
    const np = hasNumpy ? m(samples.np, 'seconds') : Number.NaN;
    oneThread.set(draws, one);
    row([draws.toLocaleString('en-US'), fixed(one.seconds), fixed(one.maxRssMb, 0), fixed(two.seconds), fixed(two.maxRssMb, 0), fixed(one.seconds / two.seconds, 2), fixed(w), fixed(np), fixed(one.seconds / w, 2), fixed(two.seconds / np, 2)]);
    markdown.push(`| ${draws.toLocaleString('en-US')} | ${fixed(one.seconds)} | ${fixed(one.maxRssMb, 0)} | ${fixed(two.seconds)} | ${fixed(two.maxRssMb, 0)} | ${fixed(one.seconds / two.seconds, 2)} | ${fixed(w)} | ${fixed(np)} | ${fixed(two.seconds / np, 2)} |`);
    if (draws === 1_000_000) goals.push({ what: 'two threads vs one at 10⁶ draws (in process)', value: one.seconds / two.seconds, unit: '× faster', goal: 1.8, aim: 2 });
  }
  console.log('');
  return oneThread;
}

function theCommand(rounds: number, hasNumpy: boolean, out: string): void {
  console.log(`3. \`forecast run scenarios/baseline.yaml --draws N --threads T\` as a whole process (start-up and files included), interleaved with numpy's W at N (medians of ${rounds} rounds at 10⁶, 1 at 4·10⁶)`);
  row(['draws', 'threads', 'run s', 'peak MB', 'numpy W s', 'run / npW', 'goal', 'aim']);
  markdown.push('', '| `forecast run scenarios/baseline.yaml` | threads | s | peak MB | numpy W s | run / numpy W |', '|---|---|---|---|---|---|');
  const peaks = new Map<string, number>();
  const seconds = new Map<string, number>();
  for (const draws of [1_000_000, 4_000_000]) {
    for (const threads of [1, 2]) {
      const runs: Measured[] = [];
      const ratios: number[] = [];
      const nps: number[] = [];
      for (let round = 0; round < (draws === 1_000_000 ? rounds : 1); round++) {
        const run = wholeProcess(process.execPath, [cli, 'run', baselineFile, '--draws', String(draws), '--threads', String(threads), '--quiet', '--out', out]);
        runs.push(run);
        if (hasNumpy) {
          const np = numpy(draws).seconds;
          nps.push(np);
          ratios.push(run.seconds / np);
        }
      }
      const peak = median(runs.map((r) => r.maxRssMb));
      const runSeconds = median(runs.map((r) => r.seconds));
      const ratio = hasNumpy ? median(ratios) : Number.NaN;
      peaks.set(`${draws} ${threads}`, peak);
      seconds.set(`${draws} ${threads}`, runSeconds);
      row([draws.toLocaleString('en-US'), String(threads), fixed(runSeconds), fixed(peak, 0), fixed(median(nps)), fixed(ratio, 2), draws === 1_000_000 ? '≤ 0.5' : '', draws === 1_000_000 ? '≤ 0.35' : '']);
      markdown.push(`| --draws ${draws.toLocaleString('en-US')} | ${threads} | ${fixed(runSeconds)} | ${fixed(peak, 0)} | ${fixed(median(nps))} | ${fixed(ratio, 2)} |`);
      if (draws === 1_000_000 && threads === 2) {
        // The shipped command (bundled worker) beside the in-process row of section 2, which runs the
        // compiled sources: there a worker also loads the unbundled formula parser.
        goals.push({ what: 'two threads vs one at 10⁶ draws (the whole command)', value: seconds.get('1000000 1')! / seconds.get('1000000 2')!, unit: '× faster', goal: 1.8, aim: 2 });
        goals.push({ what: '`forecast run … --draws 1000000` (default threads) vs numpy W', value: ratio, unit: '×', goal: 0.5, aim: 0.35 });
        goals.push({ what: 'its peak RSS', value: peak, unit: 'MB', goal: 120, aim: 100 });
      }
    }
  }
  for (const threads of [1, 2]) {
    const flat = peaks.get(`4000000 ${threads}`)! / peaks.get(`1000000 ${threads}`)!;
    console.log(`peak RSS at 4M / at 1M draws, ${threads} thread${threads > 1 ? 's' : ''}: ${fixed(flat, 2)} (goal: within 10%, ≤ 1.10)`);
    if (threads === 2) goals.push({ what: 'peak RSS at 4·10⁶ draws / at 10⁶ (default threads)', value: flat, unit: '×', goal: 1.1 });
  }
  console.log('');
}

function width(draws: number, rounds: number, variables: number): void {
  console.log(`4. A model with 10× the variables (${10 * variables} variables, the model ten times over) at ${draws.toLocaleString('en-US')} draws, one thread, interleaved (medians of ${rounds} rounds)`);
  const base: Measured[] = [];
  const wide: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    base.push(inChild('engine', draws, 1));
    wide.push(inChild('wide', draws, 1));
  }
  const m = (list: Measured[], key: keyof Measured) => median(list.map((x) => x[key]));
  const ratio = m(wide, 'seconds') / m(base, 'seconds');
  row(['model', 'seconds', 'peak MB', 'vs base'], 20);
  row([`base (${variables} variables)`, fixed(m(base, 'seconds')), fixed(m(base, 'maxRssMb'), 0), '1.00'], 20);
  row([`10× (${10 * variables})`, fixed(m(wide, 'seconds')), fixed(m(wide, 'maxRssMb'), 0), fixed(ratio, 2)], 20);
  console.log('goal: ≤ 10× the base model\'s time, memory independent of the draw count\n');
  markdown.push('', `| model at ${draws.toLocaleString('en-US')} draws, one thread | s | peak MB | vs base |`, '|---|---|---|---|');
  markdown.push(`| base (${variables} variables) | ${fixed(m(base, 'seconds'))} | ${fixed(m(base, 'maxRssMb'), 0)} | 1.00 |`, `| 10× the variables (${10 * variables}) | ${fixed(m(wide, 'seconds'))} | ${fixed(m(wide, 'maxRssMb'), 0)} | ${fixed(ratio, 2)} |`);
  goals.push({ what: '10× the variables vs the model, time', value: ratio, unit: '×', goal: 10 });
}

/** Section 5; returns the seconds one more variant costs at 100,000 draws on two threads (for docs/scale.md). */
function sweeps(rounds: number, out: string): number {
  console.log(`5. Sweeps: \`forecast sweep scenarios/baseline.yaml --draws 100000 --threads 2\` of 4 and of 8 variants, whole processes, interleaved (medians of ${rounds} rounds)`);
  const sweep = (variants: number) =>
    wholeProcess(process.execPath, [cli, 'sweep', baselineFile, '--vary', `assumptions.aiCoreIndustry.growth.mean=${Array.from({ length: variants }, (_, i) => `${10 + i}%`).join(',')}`, '--draws', '100000', '--threads', '2', '--quiet', '--out', out]).seconds;
  const four: number[] = [];
  const eight: number[] = [];
  for (let round = 0; round < rounds; round++) {
    four.push(sweep(4));
    eight.push(sweep(8));
  }
  const perVariant = (median(eight) - median(four)) / 4;
  row(['variants', 'seconds'], 16);
  row(['4', fixed(median(four))], 16);
  row(['8', fixed(median(eight))], 16);
  console.log(`cost of one more variant at 100,000 draws: ${fixed(perVariant)} s on two threads (1,000 variants ≈ ${fixed((perVariant * 1000) / 60, 1)} min)\n`);
  markdown.push('', '| sweep at 100,000 draws, 2 threads | s |', '|---|---|', `| 4 variants | ${fixed(median(four))} |`, `| 8 variants | ${fixed(median(eight))} |`, `| one more variant | ${fixed(perVariant)} |`);
  return perVariant;
}

function goalTable(): string[] {
  const lines = ['| goal | measured | must reach | aim | met? |', '|---|---|---|---|---|'];
  for (const g of goals) {
    const higherIsBetter = g.unit === '× faster';
    const met = higherIsBetter ? g.value >= g.goal : g.value <= g.goal;
    lines.push(`| ${g.what} | ${fixed(g.value, g.unit === 'MB' ? 0 : 2)} ${g.unit} | ${higherIsBetter ? '≥' : '≤'} ${g.goal} | ${g.aim === undefined ? '–' : `${higherIsBetter ? '≥' : '≤'} ${g.aim}`} | ${met ? 'yes' : '**no**'} |`);
  }
  return lines;
}

const args = process.argv.slice(2);
// `--child MODE DRAWS THREADS` is this script calling itself (section 2), never typed by hand.
if (args[0] === '--child') await child(args[1] as Mode, Number(args[2]), Number(args[3] ?? 1));
else {
  const options = benchArgs('npm run bench -- [--sizes 10000,100000,1000000,4000000] [--rounds 5] [--markdown FILE] [--update-readme]', {
    sizes: { type: 'string', default: '10000,100000,1000000,4000000' },
    rounds: { type: 'string', default: '5' },
    markdown: { type: 'string' },
    'update-readme': { type: 'boolean', default: false },
  });
  const sizes = options.sizes!.split(',').map((size) => positiveInteger(size, 'sizes')!);
  const rounds = positiveInteger(options.rounds, 'rounds')!;
  // One scratch folder for the runs' outputs and the CLI's content cache (empty at the start;
  // FORECAST_CACHE as given wins), removed when the bench ends.
  const scratch = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const out = join(scratch, 'out');
  process.env.FORECAST_CACHE ??= join(scratch, 'cache');
  const hasNumpy = numpyAvailable();
  const model = baseline();
  const loadBefore = load();
  console.log('forecast engine — performance, as ratios against references measured in the same run');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores; numpy ${hasNumpy ? 'found' : 'not found (apt-get install python3-numpy)'}; load average before: ${loadBefore}`);
  console.log(`the baseline: model ${model.model.model}, ${model.variables} variables, ${model.variableYears} simulated variable-years a draw (to ${model.horizon})\n`);
  startUp(rounds, out);
  theJob(sizes, Math.max(1, Math.min(rounds, 3)), hasNumpy);
  theCommand(Math.max(1, Math.min(rounds, 3)), hasNumpy, out);
  width(1_000_000, Math.max(1, Math.min(rounds, 3)), model.variables);
  const sweepVariantSeconds = sweeps(Math.max(1, Math.min(rounds, 3)), out);
  const loadAfter = load();
  console.log('Goals (issue 13):');
  for (const line of goalTable()) console.log(line);
  console.log(`\nload average before: ${loadBefore}; after: ${loadAfter} (1, 5 and 15 minutes)`);
  console.log('peak MB: max RSS of the process (Node itself, the loaded engine and data, every thread, the run).');
  const section = [
    `Measured by \`npm run bench\` on ${availableParallelism()} cores, Node ${process.version}; load average ${loadBefore} before and ${loadAfter} after (1, 5 and 15 minutes). The baseline: model \`${model.model.model}\`, ${model.variables} variables, ${model.variableYears} simulated variable-years a draw.`,
    '',
    ...goalTable(),
    '',
    ...markdown,
  ].join('\n');
  const file = options.markdown;
  if (file) writeFileSync(file, `${section}\n`);
  if (options['update-readme']) {
    replaceBetween('README.md', 'bench', section);
    console.log('README.md: the measured tables replaced');
    // docs/scale.md's worked sweep (1,000 variants × 100,000 draws) quotes the same run's cost.
    replaceBetween(
      'docs/scale.md',
      'sweep-cost',
      `${fixed(sweepVariantSeconds)} s a variant at 100,000 draws on two threads (${availableParallelism()} cores, Node ${process.version}, load average ${loadAfter} as it ended), so about ` +
        `${fixed((sweepVariantSeconds * 1000) / 60, 1)} min for the 1,000 variants on one such machine`,
    );
    console.log('docs/scale.md: the cost of a sweep variant replaced');
  }
}

/** Writes `text` between the markers `<!-- name:start -->` and `<!-- name:end -->` of a project file. */
function replaceBetween(file: string, name: string, text: string): void {
  const path = join(projectRoot, file);
  const old = readFileSync(path, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!old.includes(start) || !old.includes(end)) throw new Error(`${file} must hold ${start} … ${end} around the measured figures`);
  const block = text.includes('\n') ? `\n${text}\n` : text;
  writeFileSync(path, `${old.slice(0, old.indexOf(start) + start.length)}${block}${old.slice(old.indexOf(end))}`);
}
