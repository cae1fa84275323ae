// Step 2 for a scenario: read it and the scenarios it extends, check each file, merge, and record provenance.
//
//   1 read the chain: scenario → extends → … (relative to each file's folder; cycles are errors)
//   2 check every file's shape with the zod schema (all problems of all files at once)
//   3 merge, ancestors first: maps deep-merge, lists and distributions replace, null removes
//   4 check what the chain as a whole must give (model, horizon, draws, seed), what each null
//     removes, the shocks and the drivers
//   5 build the spec: model path resolved, law switches, removals, drivers, provenance of every
//     assumption, frozen
import { dirname, isAbsolute, join } from 'node:path';
import { closestMatch } from '../errors/did-you-mean.js';
import { InputError } from '../errors/input-error.js';
import { messages, specMessages, specRules } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { codeFrame } from '../io/code-frame.js';
import { cachedByContent, contentCacheOn } from '../io/content-cache.js';
import { activeLimits } from '../io/limits.js';
import { FileRefused, readText as readTextFile } from '../io/read-text.js';
import { formatPath, parseYamlDocument, type PathSegment, type YamlDocument } from '../io/yaml-document.js';
import type { LawName } from '../laws/law.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import type { Distribution } from '../model/distribution.js';
import { buildDrivers } from './build-drivers.js';
import { deepFreeze } from './deep-freeze.js';
import { lowestPlausible } from './lowest-plausible.js';
import { parameterUnit, withUnitHints } from './bare-range-hint.js';
import { mergeWithProvenance, originOf, type Origin } from './merge-with-provenance.js';
import type { SourceLocation } from './model-spec.js';
import type { KeyLocation, ScenarioRemoval, ScenarioSpec, Shock } from './scenario-spec.js';
import { specSchemas } from './schemas.js';
import { locateIssues, specIssuesFromZod, valueAt } from './zod-problems.js';

/** The assumption every variable accepts besides its parameters: its starting level. */
const startAssumption = 'start';

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The file an `extends` names: a bare name means `<name>.yaml` in the same folder; a name ending in
 * `.yaml` or `.yml` is a path relative to the extending file's folder.
 * @example extendsPath('scenarios/optimistic.yaml', 'baseline'); // => 'scenarios/baseline.yaml'
 */
export function extendsPath(file: string, name: string): string {
  const target = /\.ya?ml$/.test(name) ? name : `${name}.yaml`;
  return isAbsolute(target) ? target : join(dirname(file), target);
}

/** The key of a variable's assumptions that switches its law (every other key is a parameter or `start`). */
export const lawAssumption = 'law';

/** The unit of a scenario field, when its name tells (the model is not read yet): for bare-range hints. */
function scenarioFieldUnit(path: readonly PathSegment[]): string | undefined {
  if (path[0] === 'shocks') return path[2] === 'growth' ? 'rate' : path[2] === 'level' ? 'fraction' : undefined;
  if (path[0] === 'assumptions' && typeof path[2] === 'string') return parameterUnit(path[2]);
  return undefined;
}

/** Keys that describe the chain or the editor, not the scenario: left out of `resolved`. */
const chainKeys = ['extends', '$schema'];

/** Fields the chain as a whole must give. */
const requiredKeys = ['model', 'horizon', 'draws', 'seed'] as const;

/**
 * Loads a scenario file and every scenario it extends, checks them, and merges them.
 * @param file path of the scenario (as shown in messages; ancestors are found relative to it)
 * @param readText reads a file's text; defaults to the file system (io/read-text.ts)
 * @returns the resolved scenario, frozen: `model` is the model file's path resolved against the
 *   file that named it, `provenance` maps `variable.param` to where its winning value was written
 * @throws InputError listing every problem in every file of the chain, each with file:line:col
 * @example loadScenario('scenarios/optimistic.yaml').chain; // => ['scenarios/optimistic.yaml', 'scenarios/baseline.yaml']
 */
export function loadScenario(file: string, readText: (path: string) => string = readTextFile): ScenarioSpec {
  if (!contentCacheOn()) return checkScenarioChain(file, readText);
  // Kept in the content cache under the file's name and text (and the limits), with the text of every
  // file its chain read: a stored scenario holds while each of those reads the same, read again here
  // in the chain's order (so a caller that records what was read sees the same files, in the same order).
  let first: string;
  try {
    first = readText(file);
  } catch {
    return checkScenarioChain(file, readText); // it reports the file's problem
  }
  let firstRead = true;
  const reader = (path: string) => (path === file && firstRead ? ((firstRead = false), first) : readText(path));
  const stored = cachedByContent(
    'scenario',
    [file, first, JSON.stringify(activeLimits())],
    () => {
      const chain: [string, string][] = [];
      const scenario = checkScenarioChain(file, (path) => {
        const text = reader(path);
        chain.push([path, text]);
        return text;
      });
      return { chain, scenario };
    },
    ({ chain }) =>
      chain.slice(1).every(([path, text]) => {
        try {
          return readText(path) === text;
        } catch {
          return false;
        }
      }),
  );
  return deepFreeze(stored.scenario);
}

/** loadScenario's work: read and check the chain, then merge it. */
function checkScenarioChain(file: string, readText: (path: string) => string): ScenarioSpec {
  const { scenarioFileSchema } = specSchemas();
  const problems: Problem[] = [];

  // 1–2. Read and check the chain.
  const docs: YamlDocument[] = [];
  let current: string | undefined = file;
  let child: YamlDocument | undefined;
  let chainBroken = false;
  while (current !== undefined) {
    let text: string;
    try {
      text = readText(current);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (!child) throw error;
      const name = (child.value as Record<string, unknown>).extends as string;
      // A file that exists but may not be read (outside the project, a device, too large) is named
      // by the reason only: its content is never shown.
      if (error instanceof FileRefused && error.reason !== 'missing') {
        problems.push(child.problem(['extends'], messages.referenceRefused('extends', 'a scenario file', name), error.explanation));
      } else problems.push(child.problem(['extends'], specMessages.extendsMissing('extends', name), `looked for ${current}`));
      chainBroken = true;
      break;
    }
    let doc: YamlDocument;
    try {
      doc = parseYamlDocument(current, text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      chainBroken = true;
      break;
    }
    docs.push(doc);
    const checked = scenarioFileSchema.safeParse(doc.value);
    if (!checked.success) {
      const issues = specIssuesFromZod(checked.error.issues, scenarioFileSchema, doc.value, [], specMessages.scenarioFile);
      problems.push(...locateIssues(doc, withUnitHints(issues, doc.value, scenarioFieldUnit)));
    }

    const parent: unknown = isMap(doc.value) ? doc.value.extends : undefined;
    if (typeof parent !== 'string' || parent === '') break;
    const next = extendsPath(current, parent);
    const seen = docs.map((d) => d.file);
    if (seen.includes(next)) {
      const chain = [...seen.slice(seen.indexOf(next)), next];
      problems.push(doc.problem(['extends'], specMessages.extendsCycle('extends', chain)));
      chainBroken = true;
      break;
    }
    child = doc;
    current = next;
  }
  // A broken chain (missing file, cycle, bad YAML) leaves nothing sound to merge.
  if (chainBroken) throw new InputError(problems);

  // 3. Merge, ancestors first.
  const ordered = [...docs].reverse();
  const { value: merged, origins, removals: chainRemovals } = mergeWithProvenance(ordered.map((doc) => doc.value));
  for (const key of chainKeys) delete merged[key];
  const docOf = (origin: Origin) => ordered[origin.source];
  const locationOf = (path: readonly PathSegment[]): SourceLocation | undefined => {
    const origin = originOf(origins, path);
    if (!origin) return undefined;
    const doc = docOf(origin);
    const { line, col } = doc.locate(origin.path);
    return { file: doc.file, line, col };
  };
  const keyLocationIn = (origin: Origin, atKey = true): KeyLocation => {
    const doc = docOf(origin);
    const { line, col, width } = atKey ? doc.locateKey(origin.path) : doc.locate(origin.path);
    return { file: doc.file, line, col, frame: codeFrame(doc.text, line, col, width) };
  };
  const keyLocationOf = (path: readonly PathSegment[], atKey = true): KeyLocation | undefined => {
    const origin = originOf(origins, path);
    return origin ? keyLocationIn(origin, atKey) : undefined;
  };
  const problemAt = (path: readonly PathSegment[], message: string, hint?: string): Problem => {
    const origin = originOf(origins, path);
    return origin ? docOf(origin).problem(origin.path, message, hint) : docs[0].problem([], message, hint);
  };

  // 4. Whole-chain rules.
  // A misspelt key (`horizn:`) is already reported with its did-you-mean; do not add its consequence.
  const unknownKeys = docs.flatMap((doc) => (isMap(doc.value) ? Object.keys(doc.value) : []).filter((key) => !(key in scenarioFileSchema.shape)));
  const misspelt = new Set(unknownKeys.map((key) => closestMatch(key, requiredKeys)));
  for (const key of requiredKeys) {
    if (merged[key] !== undefined && merged[key] !== null) continue;
    const removal = chainRemovals.find((r) => r.at.path.length === 1 && r.at.path[0] === key);
    if (removal) {
      const removed = docOf(removal.removed);
      const why = `a scenario needs one; it removes ${JSON.stringify(valueAt(removed.value, removal.removed.path))} of ${removed.file}:${removed.locate(removal.removed.path).line}`;
      problems.push(docOf(removal.at).problem(removal.at.path, specMessages.removedRequired(key, why)));
    } else if (merged[key] === null) problems.push(problemAt([key], specMessages.removedRequired(key, 'a scenario needs one')));
    else if (!misspelt.has(key)) problems.push(docs[0].problem([], specMessages.requiredInChain(key)));
  }
  // A null left after merging removed nothing in the chain: under assumptions.<variable> it removes
  // the model's setting (checked against the model), anywhere else it is a mistake.
  const modelRemovals: PathSegment[][] = [];
  for (const path of nullPaths(merged)) {
    if (requiredKeys.includes(path[0] as (typeof requiredKeys)[number]) && path.length === 1) continue;
    if (path.length === 3 && path[0] === 'assumptions') modelRemovals.push(path);
    else problems.push(problemAt(path, specMessages.removesNothing(formatPath(path), chainRemovalWhere(docs.length))));
  }
  if (problems.length > 0) throw new InputError(problems);
  const parsed = scenarioFileSchema.safeParse(merged);
  if (!parsed.success) {
    // Each file was valid on its own, so this is a bug in merging, not the user's.
    throw new Error(`loadScenario: merged scenario failed its schema: ${parsed.error.message}`);
  }
  const result = parsed.data;
  const shocksIn = result.shocks ?? [];
  shocksIn.forEach((shock, index) => {
    if (shock.growth === undefined && shock.level === undefined) {
      problems.push(problemAt(['shocks', index], specMessages.shockEffect(formatPath(['shocks', index]))));
    }
    if (result.horizon != null && shock.year > result.horizon) {
      problems.push(problemAt(['shocks', index, 'year'], specMessages.shockAfterHorizon(formatPath(['shocks', index, 'year']), result.horizon, shock.year)));
    }
    // A hit of −100% or more would make the level zero or negative: never what a scenario means.
    for (const part of ['growth', 'level'] as const) {
      const distribution = shock[part];
      if (distribution && !(lowestPlausible(distribution) > -1)) {
        const path = ['shocks', index, part];
        problems.push(problemAt(path, messages.mustBe(formatPath(path), specRules.shockAboveMinus100, describeDistribution(distribution))));
      }
    }
  });
  const built = buildDrivers(result.drivers, merged.drivers, problemAt, (path) => locationOf(path)!);
  problems.push(...built.problems);

  // `law` switches the variable's law; `start: { year, value }` gives the starting level with its
  // year; every other assumption is a value; a null (removal) is recorded apart.
  const assumptions: Record<string, Record<string, Distribution>> = {};
  const startYears: Record<string, number> = {};
  const laws: Record<string, LawName> = {};
  for (const [variable, params] of Object.entries(result.assumptions ?? {})) {
    if (!params) continue;
    assumptions[variable] = {};
    for (const [param, value] of Object.entries(params) as [string, Distribution | { year: number; value: Distribution } | string | null | undefined][]) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'string') {
        laws[variable] = value as LawName;
        continue;
      }
      if ('dist' in value) assumptions[variable][param] = value;
      else if (param === startAssumption) {
        assumptions[variable][param] = value.value;
        startYears[variable] = value.year;
      } else {
        const path = ['assumptions', variable, param];
        problems.push(problemAt(path, messages.mustBe(formatPath(path), specRules.yearOnlyForStart, { year: value.year })));
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  // 5. Build.
  const modelOrigin = docOf(originOf(origins, ['model'])!);
  const model = isAbsolute(result.model!) ? result.model! : join(dirname(modelOrigin.file), result.model!);
  merged.model = model;

  const provenance: Record<string, SourceLocation> = {};
  const keyLocations: Record<string, KeyLocation> = {};
  // Top-level values, for problems found against the model and the data (horizon, draws, model file).
  for (const key of ['scenario', 'model', 'horizon', 'draws', 'seed']) {
    const location = keyLocationOf([key], false);
    if (location) keyLocations[key] = location;
  }
  for (const [variable, params] of Object.entries(result.assumptions ?? {})) {
    if (!params) continue;
    keyLocations[variable] = keyLocationOf(['assumptions', variable])!;
    for (const [param, value] of Object.entries(params)) {
      if (value === null || value === undefined) continue;
      provenance[`${variable}.${param}`] = locationOf(['assumptions', variable, param])!;
      keyLocations[`${variable}.${param}`] = keyLocationOf(['assumptions', variable, param])!;
      // A distribution's own fields (mean, sd, …): a problem with one of them points at it.
      if (typeof value === 'object' && !Array.isArray(value)) {
        for (const field of Object.keys(value)) {
          const location = keyLocationOf(['assumptions', variable, param, field], false);
          if (location) keyLocations[`${variable}.${param}.${field}`] = location;
        }
      }
    }
  }
  const removals: ScenarioRemoval[] = [
    ...chainRemovals.map((removal) => {
      const removed = docOf(removal.removed);
      const { line, col } = removed.locate(removal.removed.path);
      return { path: removal.at.path.map(String), location: keyLocationIn(removal.at), removes: { file: removed.file, line, col } };
    }),
    ...modelRemovals.map((path) => ({ path: path.map(String), location: keyLocationOf(path)! })),
  ];
  for (const driver of built.drivers) {
    for (const { variable, effect } of driver.loadings) {
      const path = ['drivers', driver.name, 'loadings', variable];
      keyLocations[formatPath(path)] = keyLocationOf(path)!;
      keyLocations[formatPath([...path, effect])] = keyLocationOf([...path, effect], false)!;
    }
  }
  const shocks: Shock[] = shocksIn.map((shock, index) => {
    for (const field of ['variable', 'year', 'growth', 'level']) {
      const location = keyLocationOf(['shocks', index, field], false);
      if (location) keyLocations[`shocks[${index}].${field}`] = location;
    }
    return {
      variable: shock.variable,
      year: shock.year,
      ...(shock.growth !== undefined && { growth: shock.growth }),
      ...(shock.level !== undefined && { level: shock.level }),
      ...(shock.note !== undefined && { note: shock.note }),
      location: locationOf(['shocks', index])!,
    };
  });

  // Where every value of the resolved scenario was written: maps are walked, distributions and
  // list items are one value each (extends replaces them whole).
  const own = isMap(docs[0].value) ? docs[0].value : {};
  const valueLocations: Record<string, SourceLocation> = {};
  const locate = (value: unknown, path: PathSegment[]) => {
    if (isMap(value) && !('dist' in value) && Object.keys(value).length > 0) {
      for (const [key, item] of Object.entries(value)) locate(item, [...path, key]);
      return;
    }
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((_, index) => {
        const location = locationOf([...path, index]);
        if (location) valueLocations[formatPath([...path, index])] = location;
      });
      return;
    }
    const location = locationOf(path);
    if (location) valueLocations[formatPath(path)] = location;
  };
  for (const [key, value] of Object.entries(merged)) {
    if ((key === 'scenario' || key === 'description' || key === 'rationale') && own[key] === undefined) continue;
    locate(value, [key]);
  }

  // A scenario's name and description are its own: never inherited from the scenario it extends.
  const name = typeof own.scenario === 'string' ? own.scenario : file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  const description = typeof own.description === 'string' ? own.description : '';
  const rationale = typeof own.rationale === 'string' ? own.rationale : undefined;
  merged.scenario = name;
  if (own.description === undefined) delete merged.description;
  if (own.rationale === undefined) delete merged.rationale;
  return deepFreeze({
    scenario: name,
    description,
    model,
    modelWritten: result.model!,
    chain: docs.map((doc) => doc.file),
    horizon: result.horizon!,
    draws: result.draws!,
    seed: result.seed!,
    assumptions,
    ...(Object.keys(startYears).length > 0 && { startYears }),
    shocks,
    ...(Object.keys(laws).length > 0 && { laws }),
    ...(removals.length > 0 && { removals }),
    ...(built.drivers.length > 0 && { drivers: built.drivers }),
    ...(rationale !== undefined && { rationale }),
    provenance,
    resolved: merged,
    file,
    keyLocations,
    valueLocations,
  });
}

/** Paths of every `null` in a plain value (maps and lists walked; a distribution is one value). */
function nullPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, [...path, index]));
  if (isMap(value)) return Object.entries(value).flatMap(([key, item]) => nullPaths(item, [...path, key]));
  return [];
}

/** Why a null removes nothing: no file before it sets the key. */
function chainRemovalWhere(files: number): string {
  return files > 1 ? 'no scenario it extends sets it' : 'the scenario extends none, so it inherits nothing here';
}
