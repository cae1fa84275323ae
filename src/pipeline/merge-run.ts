// `forecast merge`: the part files of every shard of one run, checked against each other and the
// inputs, folded into the run's results (byte-identical outputs to the run on one machine).
//
//   read       each part file (size, gzip, JSON, the shape of every field)
//   one run    same engine, format, options, inputs and shard count in every part; shards 0 … n−1 once each
//   inputs     the run's files read again from the working directory; each SHA-256 must match the parts'
//   merge      per scenario: calibrate, lay out from the pilot, check and absorb every shard's state
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { shardMessages } from '../errors/messages.js';
import { commandLineFile, type Problem } from '../errors/problem.js';
import { engineVersion } from '../io/engine-version.js';
import { loadRunInputs, type RunInputs } from '../io/load-run-inputs.js';
import type { DrawPoint } from '../evaluate/track-draws.js';
import { sha256 } from '../output/manifest.js';
import { mergeScenarioParts } from './merge-parts.js';
import { partFileName, readPartFile, type PartFile, type PartRunOptions, type RunPartFile } from './part-file.js';
import { runSetup } from './run-setup.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export interface MergedRun {
  readonly run: PartRunOptions;
  readonly inputs: RunInputs;
  readonly results: readonly ScenarioResult[];
  /** Sampled paths per scenario (`--export-draws`), in draw order. */
  readonly points: readonly (readonly DrawPoint[])[];
  readonly shards: number;
}

/** A part named on the command line: the file itself, or the --out folder a shard wrote it into. */
function partPath(cwd: string, named: string): string {
  const path = resolve(cwd, named);
  return existsSync(path) && statSync(path).isDirectory() ? join(path, partFileName) : path;
}

/** The parts of one shard-split command, read and checked to belong together, in shard order. */
export interface ReadParts<Part extends PartFile = PartFile> {
  readonly parts: readonly { readonly shown: string; readonly part: Part }[];
  /** The number of shards (each present once). */
  readonly shards: number;
}

/**
 * Reads the parts named (files or the folders shards wrote) and checks they make one whole split:
 * same engine (this one), command, options, inputs and shard count in every part; each shard once.
 * @param named part files or folders, as given (relative to `cwd`)
 * @throws InputError for every problem found
 */
export function readParts(cwd: string, named: readonly string[]): ReadParts {
  if (named.length === 0) throw new InputError([{ file: commandLineFile, field: 'parts', message: shardMessages.noParts() }]);
  // 1. Every part, read and shaped.
  const parts: { shown: string; part: PartFile }[] = [];
  const problems: Problem[] = [];
  for (const name of named) {
    const shown = existsSync(resolve(cwd, name)) && statSync(resolve(cwd, name)).isDirectory() ? join(name, partFileName) : name;
    try {
      parts.push({ shown, part: readPartFile(partPath(cwd, name), shown) });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  // 2. One split: every part agrees with the first; each shard once, none missing.
  const first = parts[0];
  const own = engineVersion();
  const seen = new Map<number, string>();
  const optionsOf = (part: PartFile) => JSON.stringify(part.command === 'run' ? part.run : part.sweep);
  for (const { shown, part } of parts) {
    const problem = (field: string, message: string) => problems.push({ file: shown, field, message });
    if (part.engine !== own) problem('engine', shardMessages.engine(own, part.engine));
    if (part.command !== first.part.command) problem('command', shardMessages.sameRun('command', first.shown, part.command));
    else if (optionsOf(part) !== optionsOf(first.part)) problem(part.command, shardMessages.sameRun(part.command, first.shown, JSON.parse(optionsOf(part))));
    if (part.shard.count !== first.part.shard.count) problem('shard.count', shardMessages.sameRun('shard.count', first.shown, part.shard.count));
    if (JSON.stringify(part.inputs) !== JSON.stringify(first.part.inputs)) problem('inputs', shardMessages.sameRun('inputs', first.shown, part.inputs.map((i) => i.path)));
    const earlier = seen.get(part.shard.index);
    if (earlier !== undefined) problem('shard.index', shardMessages.shardTwice(part.shard.index, earlier));
    else seen.set(part.shard.index, shown);
  }
  const count = first.part.shard.count;
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length > 0 && problems.length === 0) problems.push({ file: commandLineFile, field: 'parts', message: shardMessages.shardsMissing(count, missing) });
  if (problems.length > 0) throw new InputError(problems);
  return { parts: [...parts].sort((a, b) => a.part.shard.index - b.part.shard.index), shards: count };
}

/**
 * Checks the inputs read now are the files the shards read: the same paths, each with the SHA-256
 * the parts recorded.
 * @throws InputError naming each file that changed (or the part, when the list differs)
 */
export function checkInputsUnchanged(files: readonly { readonly path: string; readonly content: string }[], recorded: PartFile['inputs'], shown: string): void {
  const hashes = new Map(recorded.map((i) => [i.path, i.sha256]));
  const now = files.map((f) => f.path);
  if (now.length !== hashes.size || now.some((path) => !hashes.has(path))) {
    throw new InputError([{ file: shown, field: 'inputs', message: shardMessages.inputsDiffer(now, [...hashes.keys()]) }]);
  }
  const changed = files.filter((f) => hashes.get(f.path) !== sha256(f.content));
  if (changed.length > 0) throw new InputError(changed.map((f) => ({ file: f.path, message: shardMessages.inputChanged(f.path) })));
}

/**
 * Merges the parts of one `forecast run --shard` split (read by readParts) into the run's results:
 * the inputs read again and checked unchanged, then every scenario from every shard's state.
 * @throws InputError when the inputs changed or a part's state does not fit the run
 */
export function mergeRun(cwd: string, read: ReadParts<RunPartFile>): MergedRun {
  const first = read.parts[0];
  const run = first.part.run;
  const inputs = loadRunInputs(cwd, run.data, run.scenarios, run.asOf ?? undefined, { draws: run.draws ?? undefined, exportDraws: run.exportDraws, exactQuantiles: run.exactQuantiles });
  checkInputsUnchanged(inputs.files, first.part.inputs, first.shown);
  const problems: Problem[] = [];
  for (const { shown, part } of read.parts) {
    if (part.scenarios.length !== inputs.scenarios.length) problems.push({ file: shown, field: 'scenarios', message: shardMessages.sameRun('scenarios', 'the run', `${part.scenarios.length} scenarios`) });
  }
  if (problems.length > 0) throw new InputError(problems);
  const results: ScenarioResult[] = [];
  const points: DrawPoint[][] = [];
  inputs.scenarios.forEach(({ scenario, model }, i) => {
    const setup = runSetup(model, inputs.data, scenario, { draws: run.draws ?? undefined, seed: run.seed ?? undefined });
    const merged = mergeScenarioParts(
      setup,
      run.exactQuantiles,
      read.parts.map(({ shown, part }) => ({ file: shown, field: `scenarios[${i}]`, shard: part.shard, part: part.scenarios[i] })),
    );
    results.push(merged.result);
    points.push(merged.points);
  });
  return { run, inputs, results, points, shards: read.shards };
}
