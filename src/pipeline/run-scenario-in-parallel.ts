// One scenario over several threads: independent parts of the model (components) run side by side.
//
//   main thread                              worker (dist/src/pipeline/scenario-part-worker.js)
//   prepare, split components into parts
//   part 0: runScenario(…, { variables })    part 1: runScenario(…, { variables })
//   merge: summaries by year then model order, targets in data order  ◀── reply
//
// Every random number is keyed by (seed, variable, component), so a part's numbers are those of the
// whole run: the files are byte-identical for any thread count (a test compares them).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DataSet } from '../data/types.js';
import type { SummaryRow } from '../evaluate/summary-row.js';
import type { TargetResult } from '../evaluate/target-result.js';
import { fromWorkerError, type WorkerError } from '../errors/worker-error.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { judgedTargets } from './judged-targets.js';
import { splitComponents } from './model-components.js';
import { prepareModel } from './prepare-model.js';
import { inSummaryOrder, runScenario, type RunOptions } from './run-scenario.js';
import type { ScenarioResult } from './scenario-result.js';

/**
 * Below this many draws × simulated variable-years one thread is faster: starting a worker, loading
 * the engine and warming its code up cost ≈ 0.3 s (bench/simulate-bench.ts on this 2-core machine:
 * the Beijing model, 70 variable-years, took 0.35 s at 10⁵ draws in one thread and 0.70 s in two;
 * at 10⁶, 3.1 s and 2.1 s). From about 350,000 draws of that model on.
 */
export const parallelMinimumWork = 25_000_000;

/** What a worker gets: everything it needs to run its part (structured-cloned). */
export interface ScenarioPartJob {
  readonly model: ModelSpec;
  readonly data: DataSet;
  readonly scenario: ScenarioSpec;
  readonly draws: number;
  readonly seed: number;
  readonly variables: readonly string[];
  readonly exactQuantiles?: boolean;
}

export type ScenarioPartReply =
  | { readonly summaries: readonly SummaryRow[]; readonly targets: readonly TargetResult[]; readonly error?: undefined }
  | { readonly error: WorkerError; readonly summaries?: undefined; readonly targets?: undefined };

export interface ParallelRunOptions extends Omit<RunOptions, 'variables' | 'observers'> {
  /** Threads to use at most (1: this thread only); parts beyond the model's components are not made. */
  readonly threads: number;
  /** Use threads even for small runs (tests; the result is the same either way). */
  readonly force?: boolean;
}

/** The compiled worker beside this module, or undefined when running from TypeScript sources (vitest). */
function workerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./scenario-part-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Runs a scenario like runScenario, with the model's independent components spread over up to
 * `threads` threads when the run is large enough to pay for a worker (parallelMinimumWork).
 * @returns exactly what runScenario returns (same numbers, same order)
 * @throws what runScenario throws (InputError and ModelError keep their class across the thread)
 * @example await runScenarioInParallel(model, data, scenario, { draws: 1_000_000, threads: 2 }); // => ScenarioResult
 */
export async function runScenarioInParallel(model: ModelSpec, data: DataSet, scenario: ScenarioSpec, options: ParallelRunOptions): Promise<ScenarioResult> {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const url = workerUrl();
  // In this thread: the whole model or one part (with the progress callback).
  const runHere = (variables?: readonly string[]) => runScenario(model, data, scenario, { ...options, draws, variables });
  if (options.threads <= 1 || !url) return runHere();
  const prepared = prepareModel(model, data, scenario);
  const variableYears = prepared.variables.reduce((sum, v) => sum + Math.max(0, prepared.horizon - v.firstYear + 1), 0);
  const targetsOn = new Map<string, number>();
  for (const { variable } of judgedTargets(prepared, data).judged) targetsOn.set(variable.spec.name, (targetsOn.get(variable.spec.name) ?? 0) + 1);
  const parts = splitComponents(prepared, options.threads, (name) => targetsOn.get(name) ?? 0);
  if (parts.length <= 1 || (!options.force && draws * variableYears < parallelMinimumWork)) return runHere();

  // 1. Parts 1…n−1 in workers (started first: they load the engine while this thread works).
  const workers = parts.slice(1).map((variables) => {
    const job: ScenarioPartJob = { model, data, scenario, draws, seed, variables, exactQuantiles: options.exactQuantiles };
    return new Promise<ScenarioPartReply>((resolve, reject) => {
      const worker = new Worker(url, { workerData: job });
      worker.once('message', (reply: ScenarioPartReply) => {
        resolve(reply);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`internal: scenario worker stopped with exit code ${code}`));
      });
    });
  });
  // 2. Part 0 here (with the progress callback).
  let own: ScenarioResult;
  try {
    own = runHere(parts[0]);
  } finally {
    // Wait for the workers even when this part failed, so none outlives the call.
    await Promise.allSettled(workers);
  }
  const replies = await Promise.all(workers);
  const failed = replies.find((reply) => reply.error);
  if (failed?.error) throw fromWorkerError(failed.error);

  // 3. Merge in the order of a one-thread run.
  const summaries = inSummaryOrder([...own.summaries, ...replies.flatMap((r) => r.summaries!)], own.model);
  const byId = new Map([...own.targets, ...replies.flatMap((r) => r.targets!)].map((t) => [t.target.id, t]));
  const targets = data.targets.flatMap((t) => byId.get(t.id) ?? []);
  return { ...own, summaries, targets };
}
