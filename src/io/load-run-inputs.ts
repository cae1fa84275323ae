// Step 1–2 for a run: read the data folder, the scenarios and their models; every problem at once.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { asOf } from '../data/as-of.js';
import { loadDataSet } from '../data/load-data-set.js';
import type { DataSet } from '../data/types.js';
import { InputError } from '../errors/input-error.js';
import type { Problem } from '../errors/problem.js';
import { parseModelSpec } from '../spec/parse-model-spec.js';
import { loadScenario } from '../spec/load-scenario.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { validateScenarioAgainstModel } from '../spec/validate-scenario-against-model.js';
import { readText } from './read-text.js';

export interface RunInputs {
  readonly data: DataSet;
  readonly scenarios: readonly { readonly scenario: ScenarioSpec; readonly model: ModelSpec }[];
  /** Every file read (relative to cwd) with its text, for the manifest's hashes. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

/** The scenario files of a folder: every `*.yaml` / `*.yml`, sorted by name. */
export function scenarioFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * Loads the data set (filtered as of `asOfDate` when given) and each scenario with its model.
 * Problems in all files are collected and thrown together as one InputError.
 */
export function loadRunInputs(cwd: string, dataDir: string, scenarioFiles: readonly string[], asOfDate?: string): RunInputs {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  const display = (path: string) => relative(cwd, path) || path;
  const read = (path: string) => {
    const text = readText(path);
    files.set(display(path), text);
    return text;
  };

  let data: DataSet | undefined;
  try {
    data = loadDataSet(resolve(cwd, dataDir));
    for (const name of ['observations.csv', 'series.csv', 'sources.csv', 'targets.yaml']) {
      const path = resolve(cwd, dataDir, name);
      try { read(path); } catch { /* the loader already reported a missing file */ }
    }
  } catch (error) {
    if (error instanceof InputError) problems.push(...error.problems);
    else throw error;
  }

  const models = new Map<string, ModelSpec>();
  const scenarios: { scenario: ScenarioSpec; model: ModelSpec }[] = [];
  for (const file of scenarioFiles) {
    try {
      const scenario = loadScenario(display(resolve(cwd, file)), (path) => read(resolve(cwd, path)));
      const modelPath = resolve(cwd, scenario.model);
      let model = models.get(modelPath);
      if (!model) {
        model = parseModelSpec(display(modelPath), read(modelPath));
        models.set(modelPath, model);
      }
      const mismatch = validateScenarioAgainstModel(scenario, model);
      if (mismatch.length > 0) problems.push(...mismatch);
      else scenarios.push({ scenario, model });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }

  if (problems.length > 0 || !data) throw new InputError(problems);
  const dataAsOf = asOfDate ? asOf(data, asOfDate) : data;
  return { data: dataAsOf, scenarios, files: [...files.entries()].sort().map(([path, content]) => ({ path, content })) };
}
