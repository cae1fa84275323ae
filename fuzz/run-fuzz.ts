// `npm run fuzz -- --runs 10000 [--seed 20240419] [--workers 1]`: the fuzz suite at length.
//
// Cases come from the same seeded mutations as the CI test (test/fuzz/fuzz-inputs.test.ts), in
// chunks; each runs in a worker thread with a 2 GB heap and a watchdog: a case silent for 60 s is a
// hang (the worker is replaced and the next case goes on). Prints the figures the contract is judged
// by — exit codes, unlocated problems, partial outputs, hangs, the slowest case — and every failure.
// Exit code 0 when every case kept the contract, 1 otherwise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkRequest, WorkerJob, WorkerReport } from './fuzz-worker.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < (name === 'seed' ? 0 : 1)) throw new Error(`--${name} must be a whole number, got ${process.argv[at + 1]}`);
  return value;
};
const runs = argument('runs', 1000);
const seed = argument('seed', 20240419);
const workers = argument('workers', 1);
const hangMilliseconds = 60_000;
const chunkSize = 100;

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const workerFile = join(here, 'fuzz-worker.js');

interface Failure {
  readonly description: string;
  readonly violations: readonly string[];
  readonly stderr: string;
}

const figures = { cases: 0, exit0: 0, exit1: 0, exit2: 0, exit3: 0, unlocated: 0, partial: 0, hangs: 0, memory: 0, slowestMs: 0 };
const failures: Failure[] = [];
const started = Date.now();

/** The chunks still to run: (chunk, from) pairs; a hang or a crash resumes after the case it stopped at. */
const queue: ChunkRequest[] = [];
for (let chunk = 0; chunk * chunkSize < runs; chunk++) queue.push({ chunk, from: 0, to: Math.min(chunkSize, runs - chunk * chunkSize) });

function record(report: Extract<WorkerReport, { kind: 'done' }>): void {
  figures.cases++;
  const key = `exit${report.exitCode}` as keyof typeof figures;
  if (key in figures) figures[key]++;
  figures.slowestMs = Math.max(figures.slowestMs, Math.round(report.milliseconds));
  if (report.violations.some((v) => v.startsWith('unlocated') || v.includes('without a problem line'))) figures.unlocated++;
  if (report.violations.some((v) => v.startsWith('partial'))) figures.partial++;
  if (report.violations.length > 0) failures.push({ description: report.description, violations: report.violations, stderr: report.stderr });
  if (figures.cases % 1000 === 0) process.stderr.write(`  ${figures.cases} cases, ${failures.length} failing, ${Math.round((Date.now() - started) / 1000)} s\n`);
}

/** Runs chunks from the queue in one worker until the queue is empty; replaces itself after a hang or a crash. */
function runWorker(): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile, {
      workerData: { projectRoot, seed, chunkSize } satisfies WorkerJob,
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    let current: { chunk: ChunkRequest; index: number; description: string } | undefined;
    let chunk: ChunkRequest | undefined;
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => fail('hang', `no answer in ${hangMilliseconds / 1000} s`), hangMilliseconds);
    };
    const next = () => {
      chunk = queue.shift();
      if (!chunk) {
        clearTimeout(watchdog);
        void worker.terminate().then(() => resolve());
        return;
      }
      arm();
      worker.postMessage(chunk);
    };
    const fail = (kind: 'hang' | 'memory' | 'crash', detail: string) => {
      clearTimeout(watchdog);
      if (current) {
        figures.cases++;
        if (kind === 'hang') figures.hangs++;
        else if (kind === 'memory') figures.memory++;
        else figures.exit3++;
        failures.push({ description: current.description, violations: [`${kind}: ${detail}`], stderr: '' });
        // Resume the chunk after the case that failed, in a fresh worker.
        if (current.index + 1 < current.chunk.to) queue.unshift({ ...current.chunk, from: current.index + 1 });
      } else {
        // A failure outside any case is the harness's own: report it and stop, never retry forever.
        process.stderr.write(`fuzz harness failed outside a case (${kind}): ${detail}\n`);
        process.exit(2);
      }
      worker.removeAllListeners();
      void worker.terminate();
      void runWorker().then(resolve);
    };
    worker.on('message', (report: WorkerReport) => {
      arm();
      if (report.kind === 'start') current = { chunk: chunk!, index: report.index, description: report.description };
      else if (report.kind === 'done') {
        record(report);
        current = undefined;
      } else next();
    });
    worker.on('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', error.message));
    worker.on('exit', (code) => {
      if (code !== 0 && current) fail('crash', `worker exited with ${code}`);
    });
    next();
  });
}

await Promise.all(Array.from({ length: Math.min(workers, queue.length) }, () => runWorker()));

const seconds = (Date.now() - started) / 1000;
process.stdout.write(
  [
    `fuzz: ${figures.cases} cases (seed ${seed}) in ${seconds.toFixed(0)} s`,
    `  exit 0: ${figures.exit0}   exit 1: ${figures.exit1}   exit 2: ${figures.exit2}   exit 3: ${figures.exit3}`,
    `  unlocated errors: ${figures.unlocated}   partial outputs: ${figures.partial}   hangs past ${hangMilliseconds / 1000} s: ${figures.hangs}   out of memory: ${figures.memory}`,
    `  slowest case: ${(figures.slowestMs / 1000).toFixed(2)} s`,
    `  failures: ${failures.length}`,
    ...failures.slice(0, 30).flatMap((failure) => [`  - ${failure.description}`, ...failure.violations.map((v) => `      ${v}`), ...failure.stderr.split('\n').slice(0, 6).map((line) => `      | ${line}`)]),
  ].join('\n') + '\n',
);
process.exitCode = failures.length > 0 ? 1 : 0;
