// Steps 1–2 for a run, and every check the run makes before simulating: read the data folder, the
// scenarios and their models, then check each scenario against its model and the data (calibration
// included). `forecast validate` and every command that runs scenarios come through here, so a
// scenario that validates is a scenario that starts.
//
//   1 data folder            data/*.csv, data/targets.yaml (every problem at once)
//   2 scenarios and models   each scenario's extends chain and model file, read only inside the
//                            project, the data folder and the folders named on the command line
//   3 across files           scenario names unique; every target's variable names a model variable
//   4 before simulating      calibration, horizon, starts, shocks, targets, size (checkBeforeSimulating)
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { asOf } from '../data/as-of.js';
import type { DataSet } from '../data/types.js';
import { didYouMean } from '../errors/did-you-mean.js';
import { InputError } from '../errors/input-error.js';
import { messages, runMessages } from '../errors/messages.js';
import { commandLineFile, type Problem } from '../errors/problem.js';
import { checkBeforeSimulating } from '../pipeline/check-before-simulating.js';
import { parseModelSpec } from '../spec/parse-model-spec.js';
import { loadScenario } from '../spec/load-scenario.js';
import type { ModelSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { validateScenarioAgainstModel } from '../spec/validate-scenario-against-model.js';
import { activeLimits, raiseHint } from './limits.js';
import { loadDataFolder } from './load-data-folder.js';
import { FileRefused, readText } from './read-text.js';

export interface RunInputs {
  readonly data: DataSet;
  readonly scenarios: readonly { readonly scenario: ScenarioSpec; readonly model: ModelSpec }[];
  /** Every file read (relative to cwd) with its text, for the manifest's hashes. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

export interface LoadOptions {
  /** `--draws`, when the command line overrides the scenarios' (the size limits are checked with it). */
  readonly draws?: number;
  /** `--export-draws`: sampled paths kept per scenario (draws.csv's size is checked with it). */
  readonly exportDraws?: number;
  /** `--exact-quantiles`: the limit on held values counts every draw of every summary. */
  readonly exactQuantiles?: boolean;
  /** The command pairs the draws of runs (`compare`, `sensitivity`): the limit on held values counts their per-draw outcomes. */
  readonly pairsDraws?: boolean;
  /** Skip the checks before simulating (step 4): for callers that only read the files. */
  readonly skipRunChecks?: boolean;
}

/** The scenario files of a folder: every `*.yaml` / `*.yml`, sorted by name. */
export function scenarioFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * Loads the data set (filtered as of `asOfDate` when given) and each scenario with its model, and
 * checks everything a run checks before it simulates. A file named inside a scenario (`extends`,
 * `model`) must lie inside the working directory (the project), the data folder or the folder of
 * a file named on the command line, and be a regular text file within the size limit.
 * @returns the data set as of the date, the scenarios with their models, every file read
 * @throws InputError with every problem in every file, each located (file:line:col, or file and field)
 * @example loadRunInputs('/project', 'data', ['scenarios/baseline.yaml']).scenarios.length; // => 1
 */
export function loadRunInputs(cwd: string, dataDir: string, scenarioFiles: readonly string[], asOfDate?: string, options: LoadOptions = {}): RunInputs {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  const display = (path: string) => relative(cwd, path) || path;
  const roots = [cwd, resolve(cwd, dataDir), ...scenarioFiles.map((file) => dirname(resolve(cwd, file)))];
  const read = (path: string) => {
    const text = readText(path, { roots, shown: display(path) });
    files.set(display(path), text);
    return text;
  };
  const collect = (task: () => void) => {
    try {
      task();
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  };

  // 1. The data folder.
  let data: DataSet | undefined;
  collect(() => {
    data = loadDataFolder(resolve(cwd, dataDir), display(resolve(cwd, dataDir)));
    for (const name of ['observations.csv', 'series.csv', 'sources.csv', 'targets.yaml']) {
      try {
        read(resolve(cwd, dataDir, name));
      } catch {
        /* the loader already reported a missing file */
      }
    }
  });

  // 2. Scenarios and their models.
  const models = new Map<string, ModelSpec>();
  const scenarios: { scenario: ScenarioSpec; model: ModelSpec }[] = [];
  for (const file of scenarioFiles) {
    collect(() => {
      const scenario = loadScenario(display(resolve(cwd, file)), (path) => read(resolve(cwd, path)));
      const model = loadModelOf(scenario);
      if (!model) return;
      const mismatch = validateScenarioAgainstModel(scenario, model);
      if (mismatch.length > 0) problems.push(...mismatch);
      else scenarios.push({ scenario, model });
    });
  }

  /** The scenario's model, read once per file; a problem with the file is reported at the scenario's `model:` line. */
  function loadModelOf(scenario: ScenarioSpec): ModelSpec | undefined {
    const modelPath = resolve(cwd, scenario.model);
    const shown = display(modelPath);
    // Messages name the file as the scenario wrote it; the hint says where it was looked for.
    const written = scenario.modelWritten ?? (shown.startsWith('..') ? modelPath : shown);
    const at = (message: string, hint?: string): Problem => {
      const location = scenario.keyLocations?.model;
      return location ? { file: location.file, line: location.line, col: location.col, field: 'model', message, ...(hint !== undefined && { hint }), frame: location.frame } : { file: scenario.file, field: 'model', message, hint };
    };
    if (!/\.ya?ml$/i.test(scenario.model)) {
      problems.push(at(runMessages.modelFileKind(written)));
      return undefined;
    }
    let model = models.get(modelPath);
    if (model) return model;
    let text: string;
    try {
      text = read(modelPath);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      const lookedFor = shown.startsWith('..') ? modelPath : shown;
      const close = error.reason === 'missing' ? didYouMean(basename(modelPath), yamlFilesBeside(modelPath)) : undefined;
      problems.push(at(messages.referenceRefused('model', 'a model file', written), error.reason === 'missing' ? `looked for ${lookedFor}${close ? `; ${close}` : ''}` : error.explanation));
      return undefined;
    }
    model = parseModelSpec(shown, text);
    models.set(modelPath, model);
    return model;
  }

  // 3. Across files: one name per scenario (outputs are keyed by it); targets name real variables.
  const firstFile = new Map<string, string>();
  for (const { scenario } of scenarios) {
    const first = firstFile.get(scenario.scenario);
    if (first === undefined) firstFile.set(scenario.scenario, scenario.file);
    else {
      const location = scenario.keyLocations?.scenario;
      const message = runMessages.duplicateScenario(scenario.scenario, first);
      problems.push(location ? { file: location.file, line: location.line, col: location.col, field: 'scenario', message, frame: location.frame } : { file: scenario.file, field: 'scenario', message });
    }
  }
  if (data) problems.push(...unknownTargetVariables(data, [...models.values(), ...projectModels(cwd, models)]));

  if (problems.length > 0 || !data) throw new InputError(dedupe(problems));
  const fullData = data;
  const dataAsOf = asOfDate ? asOf(data, asOfDate) : data;

  // 4. What the run checks before it simulates, for every scenario.
  if (!options.skipRunChecks) {
    const textOf = (file: string) => files.get(file);
    let exportRows = 0;
    for (const { scenario, model } of scenarios) {
      const checked = checkBeforeSimulating({ model, scenario, data: dataAsOf, fullData, asOf: asOfDate, draws: options.draws, exactQuantiles: options.exactQuantiles, pairsDraws: options.pairsDraws, textOf });
      problems.push(...checked.problems);
      exportRows += Math.min(options.exportDraws ?? 0, options.draws ?? scenario.draws) * checked.pointsPerDraw;
    }
    // draws.csv is built in memory: its size is known now, before any draw is made.
    const limit = activeLimits().exportRows;
    if (exportRows > limit) problems.push({ file: commandLineFile, field: '--export-draws', message: runMessages.exportRows(limit, exportRows), hint: `${raiseHint('exportRows')}; or lower --export-draws` });
    if (problems.length > 0) throw new InputError(dedupe(problems));
  }
  return { data: dataAsOf, scenarios, files: [...files.entries()].sort().map(([path, content]) => ({ path, content })) };
}

/**
 * The models of the project's `models/` folder not already loaded: a target may judge a variable of
 * any of them. A model file that does not parse is skipped here (validate reports it on its own).
 */
function projectModels(cwd: string, loaded: ReadonlyMap<string, ModelSpec>): ModelSpec[] {
  const folder = resolve(cwd, 'models');
  let names: string[];
  try {
    names = scenarioFilesIn(folder);
  } catch {
    return [];
  }
  const models: ModelSpec[] = [];
  for (const path of names) {
    if (loaded.has(path)) continue;
    try {
      models.push(parseModelSpec(relative(cwd, path), readText(path)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return models;
}

/** Targets whose `variable` is no variable of any model: they would be skipped without a word. */
function unknownTargetVariables(data: DataSet, models: readonly ModelSpec[]): Problem[] {
  if (models.length === 0) return [];
  const known = new Set(models.flatMap((model) => model.variables.map((v) => v.name)));
  return data.targets
    .filter((target) => target.variable !== undefined && !known.has(target.variable))
    .map((target) => {
      const field = `${target.id}.variable`;
      return {
        file: target.file,
        line: target.line,
        field,
        message: runMessages.unknownTargetVariable(field, [...known].sort(), target.variable!),
        ...(didYouMean(target.variable!, known) !== undefined && { hint: didYouMean(target.variable!, known) }),
      };
    });
}

/** The YAML files in the folder of `path` (for a did-you-mean on a mistyped model file name). */
function yamlFilesBeside(path: string): string[] {
  try {
    return readdirSync(dirname(path)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return [];
  }
}

/** The same problem found for several scenarios of one model is reported once. */
function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.col, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

