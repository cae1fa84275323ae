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
import { partFileName, readPartFile, type PartRunOptions, type RunPartFile } from './part-file.js';
import { runSetup } from './run-setup.js';
import type { ScenarioResult } from './scenario-result.js';

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

/**
 * Reads the parts named (files or the folders shards wrote), checks they make one whole run of the
 * current inputs, and merges every scenario.
 * @param named part files or folders, as given (relative to `cwd`)
 * @throws InputError for every problem found: a file that is no part, parts of different runs, a
 *   shard missing or twice, inputs changed since the shards ran, a state that does not fit the run
 */
export function mergeRun(cwd: string, named: readonly string[]): MergedRun {
  if (named.length === 0) throw new InputError([{ file: commandLineFile, field: 'parts', message: shardMessages.noParts() }]);
  // 1. Every part, read and shaped.
  const parts: { shown: string; part: RunPartFile }[] = [];
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

  // 2. One run: every part agrees with the first; each shard once, none missing.
  const first = parts[0];
  const own = engineVersion();
  const seen = new Map<number, string>();
  for (const { shown, part } of parts) {
    const problem = (field: string, message: string) => problems.push({ file: shown, field, message });
    if (part.engine !== own) problem('engine', shardMessages.engine(own, part.engine));
    if (part.shard.count !== first.part.shard.count) problem('shard.count', shardMessages.sameRun('shard.count', first.shown, part.shard.count));
    if (JSON.stringify(part.run) !== JSON.stringify(first.part.run)) problem('run', shardMessages.sameRun('run', first.shown, part.run));
    if (JSON.stringify(part.inputs) !== JSON.stringify(first.part.inputs)) problem('inputs', shardMessages.sameRun('inputs', first.shown, part.inputs.map((i) => i.path)));
    const earlier = seen.get(part.shard.index);
    if (earlier !== undefined) problem('shard.index', shardMessages.shardTwice(part.shard.index, earlier));
    else seen.set(part.shard.index, shown);
  }
  const count = first.part.shard.count;
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length > 0 && problems.length === 0) problems.push({ file: commandLineFile, field: 'parts', message: shardMessages.shardsMissing(count, missing) });
  if (problems.length > 0) throw new InputError(problems);

  // 3. The inputs, read again: the very files the shards read.
  const run = first.part.run;
  const inputs = loadRunInputs(cwd, run.data, run.scenarios, run.asOf ?? undefined, { draws: run.draws ?? undefined, exportDraws: run.exportDraws });
  const recorded = new Map(first.part.inputs.map((i) => [i.path, i.sha256]));
  const now = inputs.files.map((f) => f.path);
  if (now.length !== recorded.size || now.some((path) => !recorded.has(path))) {
    throw new InputError([{ file: first.shown, field: 'inputs', message: shardMessages.inputsDiffer(now, [...recorded.keys()]) }]);
  }
  const changed = inputs.files.filter((f) => recorded.get(f.path) !== sha256(f.content));
  if (changed.length > 0) throw new InputError(changed.map((f) => ({ file: f.path, message: shardMessages.inputChanged(f.path) })));

  // 4. Each scenario, from every shard's state (in shard order).
  const ordered = [...parts].sort((a, b) => a.part.shard.index - b.part.shard.index);
  const results: ScenarioResult[] = [];
  const points: DrawPoint[][] = [];
  inputs.scenarios.forEach(({ scenario, model }, i) => {
    const setup = runSetup(model, inputs.data, scenario, { draws: run.draws ?? undefined, seed: run.seed ?? undefined });
    for (const { shown, part } of ordered) {
      if (part.scenarios.length !== inputs.scenarios.length) problems.push({ file: shown, field: 'scenarios', message: shardMessages.sameRun('scenarios', 'the run', `${part.scenarios.length} scenarios`) });
    }
    if (problems.length > 0) throw new InputError(problems);
    const merged = mergeScenarioParts(
      setup,
      run.exactQuantiles,
      ordered.map(({ shown, part }) => ({ file: shown, field: `scenarios[${i}]`, shard: part.shard, part: part.scenarios[i] })),
    );
    results.push(merged.result);
    points.push(merged.points);
  });
  return { run, inputs, results, points, shards: count };
}
