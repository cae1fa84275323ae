// A worker thread of `npm run fuzz`: generates its share of cases (chunks of the seeded stream) and
// runs each through main() in its own scratch project, reporting before and after every case so the
// parent's watchdog can name a case that hangs.
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { contractViolations, runFuzzCase, scratchProject } from './fuzz-case.js';
import { fuzzCaseArbitrary } from './input-mutations.js';

export interface WorkerJob {
  readonly projectRoot: string;
  readonly seed: number;
  readonly chunkSize: number;
}

/** Parent → worker: run cases `from` (inclusive) to `to` (exclusive) of chunk `chunk`. */
export interface ChunkRequest {
  readonly chunk: number;
  readonly from: number;
  readonly to: number;
}

/** Worker → parent. */
export type WorkerReport =
  | { readonly kind: 'start'; readonly chunk: number; readonly index: number; readonly description: string }
  | { readonly kind: 'done'; readonly chunk: number; readonly index: number; readonly exitCode: number; readonly milliseconds: number; readonly violations: readonly string[]; readonly description: string; readonly stderr: string }
  | { readonly kind: 'chunkDone'; readonly chunk: number };

const job = workerData as WorkerJob;
const project = scratchProject(job.projectRoot);
const arbitrary = fuzzCaseArbitrary(project.original);

parentPort!.on('message', async (request: ChunkRequest) => {
  // Each chunk is its own seeded sample: case k of chunk c is the same on every machine and every run.
  const cases = fc.sample(arbitrary, { numRuns: job.chunkSize, seed: job.seed + request.chunk });
  for (let index = request.from; index < request.to; index++) {
    const fuzzCase = cases[index];
    const description = `${fuzzCase.file}: ${fuzzCase.mutation} — forecast ${fuzzCase.args.join(' ')}`;
    parentPort!.postMessage({ kind: 'start', chunk: request.chunk, index, description } satisfies WorkerReport);
    const outcome = await runFuzzCase(project, fuzzCase);
    const violations = contractViolations(fuzzCase, outcome);
    parentPort!.postMessage({
      kind: 'done', chunk: request.chunk, index, exitCode: outcome.exitCode, milliseconds: outcome.milliseconds, violations, description,
      stderr: violations.length > 0 ? outcome.stderr.slice(0, 4000) : '',
    } satisfies WorkerReport);
  }
  parentPort!.postMessage({ kind: 'chunkDone', chunk: request.chunk } satisfies WorkerReport);
});
