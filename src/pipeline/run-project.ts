// Every scenario of a loaded project: what `forecast run` does between reading the files and writing
// them, and what a notebook calls (src/index.ts).
//
//   one thread              each scenario in turn (a large one shares its blocks out over the threads)
//   several threads         small scenarios are shared out whole: this thread and a worker claim them
//                           from one counter; large ones follow, each sharing out its blocks
// Results come back in the project's scenario order, the same numbers for any thread count.
import type { RunInputs } from '../io/load-run-inputs.js';
import { fromWorkerError } from '../errors/worker-error.js';
import { trackDraws, type DrawPoint, type DrawsTracker } from '../evaluate/track-draws.js';
import { drawBlocks } from '../simulate/draw-blocks.js';
import { enginePool } from './engine-pool.js';
import { portableSetup } from './portable-setup.js';
import { parallelMinimumWork, runPart, runScenarioInParallel, workOf } from './run-scenario-in-parallel.js';
import { finishRun, runScenario, runScenarioSetup } from './run-scenario.js';
import { runSetup, type RunSetup } from './run-setup.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export interface ProjectRunOptions {
  /** Overrides every scenario's draws. */
  readonly draws?: number;
  /** Overrides every scenario's seed. */
  readonly seed?: number;
  /** Threads a large run shares its blocks out over, or a project its small scenarios (default 1; the numbers do not depend on it). */
  readonly threads?: number;
  /** Exact type-7 quantiles at any draw count. */
  readonly exactQuantiles?: boolean;
  /** Sampled paths to keep per scenario (draws spread evenly by `drawIndices`); 0 keeps none. */
  readonly exportDraws?: number;
  /** Which draws to keep for `exportDraws` paths (the CLI's: selectDrawIndices). */
  readonly drawIndices?: (draws: number, count: number) => number[];
  /**
   * Progress: scenario `index` of `count` has `done` of its `total` draws. With scenarios shared out
   * over threads, `index` counts the scenarios finished so far (by any thread).
   */
  readonly onProgress?: (scenario: string, index: number, count: number, done: number, total: number) => void;
}

export interface ProjectRun {
  readonly results: readonly ScenarioResult[];
  /** Sampled paths per scenario (empty without exportDraws). */
  readonly sampledDraws: readonly { readonly scenario: string; readonly points: readonly DrawPoint[] }[];
}

/**
 * Runs every scenario of `project` (loaded by loadProject / loadRunInputs). On one thread they run one
 * after the other; on several, small scenarios (below parallelMinimumWork) are shared out whole between
 * this thread and a worker, and a large one shares its blocks out; sampled paths are kept in one thread.
 * @returns each scenario's result and sampled paths, in the project's scenario order
 * @throws the error of the first failing scenario in project order, whichever thread met it
 * @example (await runProject(loadProject('.'), { draws: 10_000 })).results.map((r) => r.scenario.scenario); // => ['baseline', 'jilin', 'optimistic', 'pessimistic', 'plan', 'suzhou']
 */
export async function runProject(project: Pick<RunInputs, 'data' | 'scenarios'>, options: ProjectRunOptions = {}): Promise<ProjectRun> {
  const exportDraws = options.exportDraws ?? 0;
  const threads = options.threads ?? 1;
  if (exportDraws === 0 && threads > 1 && project.scenarios.length > 1) {
    const pool = enginePool();
    if (pool) return runSharedOut(project, options, pool);
  }
  const results: ScenarioResult[] = [];
  const sampledDraws: { scenario: string; points: readonly DrawPoint[] }[] = [];
  for (const [index, { scenario, model }] of project.scenarios.entries()) {
    const common = {
      draws: options.draws,
      seed: options.seed,
      exactQuantiles: options.exactQuantiles,
      onProgress: (done: number, total: number) => options.onProgress?.(scenario.scenario, index, project.scenarios.length, done, total),
    };
    if (exportDraws > 0) {
      if (!options.drawIndices) throw new Error('internal: exportDraws needs drawIndices');
      const pick = options.drawIndices;
      let tracker: DrawsTracker | undefined;
      const result = runScenario(model, project.data, scenario, { ...common, observers: (prepared, draws) => [(tracker = trackDraws(prepared, pick(draws, exportDraws)))] });
      results.push(result);
      sampledDraws.push({ scenario: scenario.scenario, points: tracker?.points() ?? [] });
    } else {
      results.push(await runScenarioInParallel(model, project.data, scenario, { ...common, threads }));
      sampledDraws.push({ scenario: scenario.scenario, points: [] });
    }
  }
  return { results, sampledDraws };
}

/**
 * Starts the worker that runProject shares scenarios out to (when it would), so that it loads the
 * engine while this thread reads the inputs; idle, it keeps no process alive.
 */
export function startProjectThreads(options: Pick<ProjectRunOptions, 'threads' | 'exportDraws'>): void {
  if ((options.threads ?? 1) > 1 && (options.exportDraws ?? 0) === 0) enginePool()?.start(1);
}

/** Slots of the counter the threads claim small scenarios from: the next position, and how many are finished. */
const scenarioSlots = { next: 0, finished: 1 } as const;

/**
 * runProject on several threads: the small scenarios are claimed one at a time by this thread and a
 * worker of the engine pool (which runs each whole and sends back its summaries and target results);
 * then each large scenario shares its blocks out. A failure is kept with its scenario, and the one
 * thrown is that of the first failing scenario in project order, as on one thread.
 */
async function runSharedOut(
  project: Pick<RunInputs, 'data' | 'scenarios'>,
  options: ProjectRunOptions,
  pool: NonNullable<ReturnType<typeof enginePool>>,
): Promise<ProjectRun> {
  const count = project.scenarios.length;
  const threads = options.threads ?? 1;
  const results: (ScenarioResult | undefined)[] = new Array(count).fill(undefined);
  const failures = new Map<number, unknown>();
  const setups: (RunSetup | undefined)[] = project.scenarios.map(({ scenario, model }, index) => {
    try {
      return runSetup(model, project.data, scenario, options);
    } catch (error) {
      failures.set(index, error);
      return undefined;
    }
  });
  // Largest first: the last scenarios claimed are the shortest, so neither thread waits long for the
  // other at the end (a worker's first scenario also runs slower, its code not yet optimised).
  const work = setups.map((setup) => (setup ? workOf(setup, drawBlocks(setup.draws)) : Number.POSITIVE_INFINITY));
  const small = work.flatMap((w, index) => (w < parallelMinimumWork ? [index] : [])).sort((a, b) => work[b] - work[a] || a - b);
  const counter = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const finished = () => Atomics.load(counter, scenarioSlots.finished);
  const progress = (index: number) => (done: number, total: number) => options.onProgress?.(project.scenarios[index].scenario.scenario, finished(), count, done, total);
  const exactQuantiles = options.exactQuantiles ?? false;

  // 1. Small scenarios, claimed from one counter by this thread and a worker.
  const replies = small.length > 1 ? pool.runScenarios(1, small.map((index) => portableSetup(setups[index]!)), counter, exactQuantiles) : undefined;
  for (;;) {
    const position = Atomics.add(counter, scenarioSlots.next, 1);
    if (position >= small.length) break;
    const index = small[position];
    try {
      results[index] = runScenarioSetup(setups[index]!, { exactQuantiles, onProgress: progress(index) });
    } catch (error) {
      failures.set(index, error);
    }
    Atomics.add(counter, scenarioSlots.finished, 1);
  }
  for (const reply of replies ? await replies : []) {
    if (reply.type !== 'scenarios') throw new Error(`internal: an engine worker answered scenarios with ${reply.type}`);
    for (const job of reply.results) {
      const index = small[job.position];
      if ('error' in job) failures.set(index, fromWorkerError(job.error));
      else results[index] = resultFromWorker(setups[index]!, job.summaries, job.targets);
    }
  }

  // 2. Large scenarios in order, each over the threads, up to the first failure.
  const firstFailure = () => Math.min(...failures.keys());
  for (const [index, setup] of setups.entries()) {
    if (!setup || results[index] || index > firstFailure()) continue;
    try {
      const part = await runPart(setup, drawBlocks(setup.draws), { threads, exactQuantiles, onProgress: progress(index) });
      results[index] = finishRun(part.accumulator, part.quantiles);
    } catch (error) {
      failures.set(index, error);
    }
    Atomics.add(counter, scenarioSlots.finished, 1);
  }
  if (failures.size > 0) throw failures.get(firstFailure());
  return {
    results: results.map((result) => result!),
    sampledDraws: project.scenarios.map(({ scenario }) => ({ scenario: scenario.scenario, points: [] })),
  };
}

/** A scenario's result from the data a worker sent back, with this thread's own setup (model, targets). */
function resultFromWorker(setup: RunSetup, summaries: ScenarioResult['summaries'], targets: ScenarioResult['targets']): ScenarioResult {
  if (targets.length !== setup.judged.length) throw new Error(`internal: a worker judged ${targets.length} targets of ${setup.scenario.scenario}, expected ${setup.judged.length}`);
  return {
    scenario: setup.scenario,
    model: setup.prepared,
    summaries,
    // The same target objects as a run in this thread gives (a copy crossed the thread).
    targets: targets.map((result, k) => ({ ...result, target: setup.judged[k].target })),
    skippedTargets: setup.skippedTargets,
  };
}
