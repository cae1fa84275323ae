// Every scenario of a loaded project, run in turn: what `forecast run` does between reading the
// files and writing them, and what a notebook calls (src/index.ts).
import type { RunInputs } from '../io/load-run-inputs.js';
import { trackDraws, type DrawPoint, type DrawsTracker } from '../evaluate/track-draws.js';
import { runScenarioInParallel } from './run-scenario-in-parallel.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export interface ProjectRunOptions {
  /** Overrides every scenario's draws. */
  readonly draws?: number;
  /** Overrides every scenario's seed. */
  readonly seed?: number;
  /** Threads a large run shares its blocks out over (default 1; the numbers do not depend on it). */
  readonly threads?: number;
  /** Exact type-7 quantiles at any draw count. */
  readonly exactQuantiles?: boolean;
  /** Sampled paths to keep per scenario (draws spread evenly by `drawIndices`); 0 keeps none. */
  readonly exportDraws?: number;
  /** Which draws to keep for `exportDraws` paths (the CLI's: selectDrawIndices). */
  readonly drawIndices?: (draws: number, count: number) => number[];
  /** Progress: scenario `index` of `count` has `done` of its `total` draws. */
  readonly onProgress?: (scenario: string, index: number, count: number, done: number, total: number) => void;
}

export interface ProjectRun {
  readonly results: readonly ScenarioResult[];
  /** Sampled paths per scenario (empty without exportDraws). */
  readonly sampledDraws: readonly { readonly scenario: string; readonly points: readonly DrawPoint[] }[];
}

/**
 * Runs every scenario of `project` (loaded by loadProject / loadRunInputs), one after the other; a
 * large run shares its blocks out over `threads` threads, and sampled paths are kept in one thread.
 * @returns each scenario's result and sampled paths, in the project's scenario order
 * @example (await runProject(loadProject('.'), { draws: 10_000 })).results.map((r) => r.scenario.scenario); // => ['baseline', 'jilin', 'optimistic', 'pessimistic', 'suzhou']
 */
export async function runProject(project: Pick<RunInputs, 'data' | 'scenarios'>, options: ProjectRunOptions = {}): Promise<ProjectRun> {
  const results: ScenarioResult[] = [];
  const sampledDraws: { scenario: string; points: readonly DrawPoint[] }[] = [];
  for (const [index, { scenario, model }] of project.scenarios.entries()) {
    const common = {
      draws: options.draws,
      seed: options.seed,
      exactQuantiles: options.exactQuantiles,
      onProgress: (done: number, total: number) => options.onProgress?.(scenario.scenario, index, project.scenarios.length, done, total),
    };
    const exportDraws = options.exportDraws ?? 0;
    if (exportDraws > 0) {
      if (!options.drawIndices) throw new Error('internal: exportDraws needs drawIndices');
      const pick = options.drawIndices;
      let tracker: DrawsTracker | undefined;
      const result = runScenario(model, project.data, scenario, { ...common, observers: (prepared, draws) => [(tracker = trackDraws(prepared, pick(draws, exportDraws)))] });
      results.push(result);
      sampledDraws.push({ scenario: scenario.scenario, points: tracker?.points() ?? [] });
    } else {
      results.push(await runScenarioInParallel(model, project.data, scenario, { ...common, threads: options.threads ?? 1 }));
      sampledDraws.push({ scenario: scenario.scenario, points: [] });
    }
  }
  return { results, sampledDraws };
}
