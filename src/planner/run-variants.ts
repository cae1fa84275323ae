// Runs many variants of one scenario on this thread and a small pool of worker threads; results in
// variant order.
//
//   this thread                          worker 1 … N − 1 (dist/src/planner/variant-worker.js)
//   inputs ── workerData (once) ──────▶  runVariant(inputs, overrides, { checkedBy }) per job
//   job 0 (the checking run), then       job k ── postMessage (two queued) ──▶ reply { index k, outcome | error }
//   the next job free, between replies   results[k] ◀───────────────────────
//
// This thread runs variants too: it starts on the first job at once, while the workers load the
// engine, and its code is warm where the caller ran the scenario before (sensitivity's baseline). A
// worker always holds two jobs, so it never waits while this thread is busy with one.
// Each variant is a whole deterministic run with the same draws and seed, so the results do not
// depend on the thread count or on which thread ran what: they are placed by variant index.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkedThreads } from '../pipeline/thread-count.js';
import { runVariant, type VariantInputs, type VariantOutcome } from './run-variant.js';
import { LayoutMemo } from '../evaluate/layout-memo.js';
import { SharedOutcomeParts } from './shared-outcome-parts.js';
import type { AssumptionOverride } from './with-assumptions.js';
import { fromWorkerError, type WorkerError } from '../errors/worker-error.js';

/** A job sent to a worker. */
export interface VariantJobMessage {
  readonly index: number;
  readonly overrides: readonly AssumptionOverride[];
  /** VariantRunOptions.checkedBy (absent: the job simulates every variable). */
  readonly checkedBy?: readonly AssumptionOverride[];
}

/** A worker's reply: the outcome of job `index`, or the error it raised. */
export type VariantReplyMessage =
  | { readonly index: number; readonly outcome: VariantOutcome; readonly error?: undefined }
  | { readonly index: number; readonly error: WorkerError; readonly outcome?: undefined };

/**
 * The compiled worker script beside this module, or undefined when this module is not compiled
 * JavaScript (under vitest the source is TypeScript, which a worker thread cannot load): callers
 * then run every variant in this thread, with identical results.
 */
export function variantWorkerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./variant-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface RunVariantsOptions {
  /** Threads in all, this one among them (1: only this one). */
  readonly threads: number;
  /** Called after each variant completes, with the count done. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The overrides of a run of the same inputs, done before, that simulated every variable
   * (sensitivity's baseline: `[]`): every job is checked by it (VariantRunOptions.checkedBy).
   * Without it the first job is that run: it simulates every variable and checks the others, and
   * its error, should it fail, is the one reported (the lowest failing index).
   */
  readonly checkedBy?: readonly AssumptionOverride[];
}

/**
 * Jobs a worker holds at once: the one it runs and the next, so that while this thread runs a job
 * of its own (and cannot send any) the worker goes on.
 */
const workerJobsQueued = 2;

/** What job k is checked by (VariantRunOptions.checkedBy): see RunVariantsOptions.checkedBy. */
function checkedByOf(jobs: readonly (readonly AssumptionOverride[])[], k: number, options: RunVariantsOptions): readonly AssumptionOverride[] | undefined {
  return options.checkedBy ?? (k === 0 ? undefined : jobs[0]);
}

/**
 * Runs `runVariant(inputs, jobs[k])` for every k and returns the outcomes in job order. With more
 * than one thread (and the compiled worker available) this thread runs jobs beside a pool of
 * `threads − 1` worker threads (see the top of this file).
 * Every job runs even when one fails; then the error of the lowest failing index is thrown, so
 * the outcome (and the error) is the same for any thread count.
 * With `keep`, each outcome is handed to it as it arrives and only what it returns is kept (a sweep
 * of thousands of variants keeps each one's CSV rows, not its outcome).
 * @throws the first failing job's error (InputError / ModelError keep their class)
 * @example await runVariants(inputs, [[], [override]], { threads: 2 }); // => [baselineOutcome, variantOutcome]
 */
export async function runVariants(inputs: VariantInputs, jobs: readonly (readonly AssumptionOverride[])[], options: RunVariantsOptions): Promise<VariantOutcome[]>;
export async function runVariants<T>(
  inputs: VariantInputs,
  jobs: readonly (readonly AssumptionOverride[])[],
  options: RunVariantsOptions,
  keep: (outcome: VariantOutcome, index: number) => T,
): Promise<T[]>;
export async function runVariants<T>(
  inputs: VariantInputs,
  jobs: readonly (readonly AssumptionOverride[])[],
  options: RunVariantsOptions,
  keep?: (outcome: VariantOutcome, index: number) => T,
): Promise<(T | VariantOutcome)[]> {
  const url = variantWorkerUrl();
  const threads = Math.min(checkedThreads(options.threads), jobs.length);
  // Job k on this thread, with its layouts of the variant before.
  const layouts = new LayoutMemo();
  const runHere = (k: number): VariantOutcome => {
    const checkedBy = checkedByOf(jobs, k, options);
    return runVariant(inputs, jobs[k], { layouts, ...(checkedBy ? { checkedBy } : {}) });
  };
  if (!url || threads <= 1) {
    return jobs.map((_, k) => {
      const outcome = runHere(k);
      options.onProgress?.(k + 1, jobs.length);
      return keep ? keep(outcome, k) : outcome;
    });
  }

  const outcomes: (T | VariantOutcome | undefined)[] = new Array(jobs.length);
  const errors = new Map<number, WorkerError>();
  const ownErrors = new Map<number, unknown>();
  // Each reply is a copy: the parts every variant shares are kept once, when outcomes are kept whole.
  const shared = new SharedOutcomeParts();
  let done = 0;
  const finished = (index: number, outcome: T | VariantOutcome) => {
    outcomes[index] = outcome;
    options.onProgress?.(++done, jobs.length);
  };
  const job = (index: number): VariantJobMessage => {
    const checkedBy = checkedByOf(jobs, index, options);
    return { index, overrides: jobs[index], ...(checkedBy ? { checkedBy } : {}) };
  };
  // This thread takes job 0 (the checking run, which simulates every variable) before the workers take theirs.
  let next = 1;
  const workers = Array.from({ length: threads - 1 }, () => new Worker(url, { workerData: inputs }));
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let queued = 0;
        const send = () => {
          while (queued < workerJobsQueued && next < jobs.length) {
            worker.postMessage(job(next++));
            queued++;
          }
          if (queued === 0) resolve();
        };
        worker.on('message', (reply: VariantReplyMessage) => {
          queued--;
          if (reply.error) errors.set(reply.index, reply.error);
          else finished(reply.index, keep ? keep(reply.outcome, reply.index) : shared.share(reply.outcome));
          send();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`internal: variant worker stopped with exit code ${code}`));
        });
        send();
      }),
  );
  // This thread's jobs: one at a time, the workers' replies handled (and their next jobs sent) between them.
  const ownDone = (async () => {
    let index = 0;
    for (;;) {
      try {
        const outcome = runHere(index);
        finished(index, keep ? keep(outcome, index) : outcome);
      } catch (error) {
        ownErrors.set(index, error);
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (next >= jobs.length) return;
      index = next++;
    }
  })();
  try {
    await Promise.all([ownDone, ...workersDone]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  // The lowest failing index's error, whichever thread ran it (this thread's keeps its own object).
  const failed = Math.min(...errors.keys(), ...ownErrors.keys());
  if (ownErrors.has(failed)) throw ownErrors.get(failed);
  if (errors.has(failed)) throw fromWorkerError(errors.get(failed)!);
  return outcomes as (T | VariantOutcome)[];
}
