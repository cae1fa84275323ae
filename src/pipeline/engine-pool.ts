// A warm pool of engine worker threads, started on the first large run and kept for the process.
//
//   calling thread                                   worker k (engine-worker.js)
//   part: setup, blocks, shared counter ────────▶   revives the setup (laws, formulas), ready
//   runs the pilot
//   shaping: pilot values of the worker's share ─▶  lays out the summaries of its share it claims
//   lays out its share, helps with the workers'      ◀── its layouts
//   layouts ─────────────────────────────────────▶  claims blocks from the counter, counts them
//   claims blocks from the same counter              ◀── state of the blocks it counted
//   absorbs every state
// A shard that counts only some pilot blocks lays out every summary in the calling thread.
// Workers are unreferenced while idle, so a pool never keeps the process alive.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerError } from '../errors/worker-error.js';
import type { HistogramLayoutSpec } from '../evaluate/histogram-quantile-accumulator.js';
import type { PortableSetup } from './portable-setup.js';
import type { ScenarioState } from './scenario-accumulator.js';

/** A worker's place among the threads that lay out the histograms together (shared-layouts.ts). */
export interface LayoutShare {
  /** Threads of the part (this thread and the workers) and this worker's number among them (1 …). */
  readonly threads: number;
  readonly thread: number;
}

/** What the calling thread sends a worker. */
export type EngineRequest =
  | { readonly type: 'part'; readonly id: number; readonly setup: PortableSetup; readonly counter: Int32Array; readonly blocks: Int32Array; readonly share: LayoutShare | null }
  /** The pilot values of this worker's share of the summaries (null elsewhere): it lays out those it claims. */
  | { readonly type: 'shaping'; readonly id: number; readonly values: readonly (Float64Array | null)[] }
  /** The histogram layouts from the pilot (null for an exact summary); null instead of the list: the run is called off. */
  | { readonly type: 'layouts'; readonly id: number; readonly layouts: readonly (HistogramLayoutSpec | null)[] | null };

/** What a worker sends back: the layouts it made, the state of the blocks it counted, or the error it met. */
export type EngineReply =
  /** The layouts this worker made of its share (layOutClaimed), by summary (undefined for the others). */
  | { readonly type: 'plans'; readonly id: number; readonly layouts: readonly (HistogramLayoutSpec | null | undefined)[] }
  | { readonly type: 'state'; readonly id: number; readonly state: ScenarioState }
  | { readonly type: 'cancelled'; readonly id: number }
  /** `block`: the block being simulated when it arose (−1: before any), so the lowest can be reported. */
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError; readonly block: number };

/** Whether a reply ends the worker's part in a job (nothing more comes for it). */
export function endsPart(reply: EngineReply): boolean {
  return reply.type === 'state' || reply.type === 'cancelled' || reply.type === 'error';
}

/** The compiled worker beside this module, or undefined when running from TypeScript sources (vitest). */
export function engineWorkerUrl(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./engine-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** One job handed to the pool: messages go to its workers, their replies come back one by one. */
export interface PoolJob {
  /** How many workers the job has. */
  readonly workers: number;
  /** Lets the workers start counting (every worker gets the same layouts), or calls the job off (null). */
  start(layouts: readonly (HistogramLayoutSpec | null)[] | null, to?: readonly number[]): void;
  /** Sends worker k of the job the pilot values of its share of the summaries (moved, not copied). */
  shape(k: number, values: readonly (Float64Array | null)[]): void;
  /** The next reply of worker k of the job (in the order sent); rejects when the worker dies. */
  next(k: number): Promise<EngineReply>;
  /** The reply that ends worker k's part (whether or not next() has read it); rejects when the worker dies. */
  end(k: number): Promise<EngineReply>;
}

/** The replies of one worker to one job, in order, waiting for their reader; and the one that ends its part. */
class Inbox {
  private readonly queue: EngineReply[] = [];
  private readonly readers: { resolve(reply: EngineReply): void; reject(error: Error): void }[] = [];
  private failure?: Error;
  private endReply?: EngineReply;
  private readonly endReaders: { resolve(reply: EngineReply): void; reject(error: Error): void }[] = [];

  put(reply: EngineReply): void {
    if (endsPart(reply)) {
      this.endReply = reply;
      for (const reader of this.endReaders.splice(0)) reader.resolve(reply);
    }
    const reader = this.readers.shift();
    if (reader) reader.resolve(reply);
    else this.queue.push(reply);
  }

  fail(error: Error): void {
    this.failure = error;
    for (const reader of [...this.readers.splice(0), ...this.endReaders.splice(0)]) reader.reject(error);
  }

  next(): Promise<EngineReply> {
    const reply = this.queue.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.readers.push({ resolve, reject }));
  }

  end(): Promise<EngineReply> {
    if (this.endReply) return Promise.resolve(this.endReply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.endReaders.push({ resolve, reject }));
  }
}

interface PooledWorker {
  readonly worker: Worker;
  /** Jobs whose part this worker has not ended yet. */
  readonly jobs: Map<number, Inbox>;
}

/** Young-generation size of each engine worker, MB (V8 default: 16 semi-space ×3 on 64-bit). */
const workerYoungGenerationMb = 3;

let nextJob = 1;

/** The pool's workers; kept across runs in one process. */
class EnginePool {
  private readonly url: URL;
  private readonly workers: PooledWorker[] = [];

  constructor(url: URL) {
    this.url = url;
  }

  /**
   * Sends a part to `count` workers (started as needed). With `shareLayouts` they get ready to lay
   * out their shares of the histograms; without, they wait for the layouts.
   */
  run(count: number, setup: PortableSetup, counter: Int32Array, blocks: Int32Array, shareLayouts: boolean): PoolJob {
    while (this.workers.length < count) this.workers.push(this.spawn());
    const id = nextJob++;
    const used = this.workers.slice(0, count);
    const inboxes = used.map((pooled, k) => {
      const inbox = new Inbox();
      pooled.jobs.set(id, inbox);
      pooled.worker.ref();
      const share = shareLayouts ? { threads: count + 1, thread: k + 1 } : null;
      pooled.worker.postMessage({ type: 'part', id, setup, counter, blocks, share } satisfies EngineRequest);
      return inbox;
    });
    return {
      workers: count,
      start: (layouts, to = used.map((_, k) => k)) => to.forEach((k) => used[k].worker.postMessage({ type: 'layouts', id, layouts } satisfies EngineRequest)),
      shape: (k, values) => used[k].worker.postMessage({ type: 'shaping', id, values } satisfies EngineRequest, values.flatMap((v) => (v ? [v.buffer as ArrayBuffer] : []))),
      next: (k) => inboxes[k].next(),
      end: (k) => inboxes[k].end(),
    };
  }

  private spawn(): PooledWorker {
    // A small young generation: the worker's garbage is per block (a few columns), and the process's peak
    // memory counts every thread's heap. Measured on the baseline at 10⁶ draws, 2 threads: 16 MB semi-spaces
    // cost the run about 30 MB; 3 MB instead of 6 MB of young generation, 16 MB less peak memory at the
    // same CPU time (1 MB: no less than 3).
    const worker = new Worker(this.url, { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb } });
    const pooled: PooledWorker = { worker, jobs: new Map() };
    worker.unref();
    worker.on('message', (reply: EngineReply) => {
      const inbox = pooled.jobs.get(reply.id);
      if (endsPart(reply)) {
        pooled.jobs.delete(reply.id);
        if (pooled.jobs.size === 0) worker.unref();
      }
      inbox?.put(reply);
    });
    const fail = (error: Error) => {
      const at = this.workers.indexOf(pooled);
      if (at >= 0) this.workers.splice(at, 1);
      for (const inbox of pooled.jobs.values()) inbox.fail(error);
      pooled.jobs.clear();
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
