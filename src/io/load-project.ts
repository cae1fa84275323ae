// A project folder loaded for the library (src/index.ts): its data, and its scenarios with their models.
import { resolve } from 'node:path';
import { loadRunInputs, scenarioFilesIn, type RunInputs } from './load-run-inputs.js';

export interface LoadProjectOptions {
  /** The data folder, relative to the project (default `data`). */
  readonly data?: string;
  /** Scenario files, relative to the project (default: every file in `scenarios/`). */
  readonly scenarios?: readonly string[];
  /** Use only figures published by this date (YYYY-MM-DD). */
  readonly asOf?: string;
  /** The draws the project will be run with (checked against the size limits before anything runs). */
  readonly draws?: number;
}

/**
 * Loads a project folder as `forecast run` does: the data set (as of `asOf`), each scenario and its
 * model, every problem in every file at once.
 * @param folder the project folder (the one holding data/, models/ and scenarios/)
 * @returns the data, the scenarios with their models, and every file read (for hashes)
 * @throws InputError with every problem found
 * @example loadProject('.').scenarios.map((s) => s.scenario.scenario); // => ['baseline', 'jilin', 'optimistic', 'pessimistic', 'suzhou']
 */
export function loadProject(folder: string, options: LoadProjectOptions = {}): RunInputs {
  const cwd = resolve(folder);
  const scenarios = options.scenarios ?? scenarioFilesIn(resolve(cwd, 'scenarios'));
  return loadRunInputs(cwd, options.data ?? 'data', scenarios, options.asOf, { draws: options.draws });
}
