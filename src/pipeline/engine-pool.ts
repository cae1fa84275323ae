// A warm pool of engine worker threads, started on the first large run and kept for the process.
//
//   calling thread                                   worker k (engine-worker.js)
//   part: setup, blocks, shared counter ────────▶   revives the setup (laws, formulas)
//   runs the pilot, lays out the histograms
//   layouts ─────────────────────────────────────▶  claims blocks from the counter, counts them
//   claims blocks from the same counter              ◀── state of the blocks it counted
//   absorbs every state
// Workers are unreferenced while idle, so a pool never keeps the process alive.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerError } from '../errors/worker-error.js';
import type { HistogramLayout } from '../evaluate/histogram-quantile-accumulator.js';
import type { PortableSetup } from './portable-setup.js';
import type { ScenarioState } from './scenario-accumulator.js';

/** What the calling thread sends a worker. */
export type EngineRequest =
  | { readonly type: 'part'; readonly id: number; readonly setup: PortableSetup; readonly counter: Int32Array; readonly blocks: Int32Array }
  /** The histogram layouts from the pilot (null for an exact summary); null instead of the list: the run is called off. */
  | { readonly type: 'layouts'; readonly id: number; readonly layouts: readonly (HistogramLayout | null)[] | null };

/** What a worker sends back: the state of the blocks it counted, or the error it met. */
export type EngineReply =
  | { readonly type: 'state'; readonly id: number; readonly state: ScenarioState }
  | { readonly type: 'cancelled'; readonly id: number }
  /** `block`: the block being simulated when it arose (−1: before any), so the lowest can be reported. */
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError; readonly block: number };

/** The compiled worker beside this module, or undefined when running from TypeScript sources (vitest). */
export function engineWorkerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./engine-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** One job handed to the pool: its layouts go out once the pilot is done; the states come back. */
export interface PoolJob {
  /** Lets the workers start counting (every worker gets the same layouts), or calls the job off (null). */
  start(layouts: readonly (HistogramLayout | null)[] | null): void;
  /** One reply per worker, in worker order. */
  readonly replies: Promise<EngineReply[]>;
}

interface PooledWorker {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve(reply: EngineReply): void; reject(error: Error): void }>;
}

/**
 * Young-generation size of each engine worker, MB (V8 default: 16 semi-space ×3 on 64-bit): 1 MB
 * semi-spaces, the size the CLI keeps its main thread's to (src/io/young-generation.ts).
 */
const workerYoungGenerationMb = 3;

let nextJob = 1;

/** The pool's workers; kept across runs in one process. */
class EnginePool {
  private readonly url: URL;
  private readonly workers: PooledWorker[] = [];

  constructor(url: URL) {
    this.url = url;
  }

  /** Sends a part to `count` workers (started as needed). */
  run(count: number, setup: PortableSetup, counter: Int32Array, blocks: Int32Array): PoolJob {
    while (this.workers.length < count) this.workers.push(this.spawn());
    const id = nextJob++;
    const used = this.workers.slice(0, count);
    const replies = used.map(
      (pooled) =>
        new Promise<EngineReply>((resolve, reject) => {
          pooled.pending.set(id, { resolve, reject });
          pooled.worker.ref();
          pooled.worker.postMessage({ type: 'part', id, setup, counter, blocks } satisfies EngineRequest);
        }),
    );
    return {
      start: (layouts) => used.forEach((pooled) => pooled.worker.postMessage({ type: 'layouts', id, layouts } satisfies EngineRequest)),
      replies: Promise.all(replies),
    };
  }

  private spawn(): PooledWorker {
    // A small young generation: the worker's garbage is per block (a few columns), and the process's peak
    // memory counts every thread's heap. Measured on the baseline at 10⁶ draws, 2 threads: 16 MB semi-spaces
    // cost the run about 30 MB; 3 MB instead of 6 MB of young generation, 16 MB less peak memory at the
    // same CPU time (1 MB: no less than 3).
    const worker = new Worker(this.url, { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb } });
    const pooled: PooledWorker = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: EngineReply) => {
      const waiting = pooled.pending.get(reply.id);
      pooled.pending.delete(reply.id);
      if (pooled.pending.size === 0) worker.unref();
      waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      const at = this.workers.indexOf(pooled);
      if (at >= 0) this.workers.splice(at, 1);
      for (const waiting of pooled.pending.values()) waiting.reject(error);
      pooled.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`internal: an engine worker stopped with exit code ${code}`)));
    return pooled;
  }
}

let shared: EnginePool | undefined;

/**
 * The process's engine pool, or undefined when the compiled worker is not available (the engine then
 * runs in the calling thread, with the same numbers).
 */
export function enginePool(): EnginePool | undefined {
  if (shared) return shared;
  const url = engineWorkerUrl();
  return url ? (shared = new EnginePool(url)) : undefined;
}
