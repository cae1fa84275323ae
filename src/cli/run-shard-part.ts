// `forecast run --shard k/n`: the shard's blocks of every scenario, written as one part file for `forecast merge`.
import { relative, resolve } from 'node:path';
import { writeOutputsAtomically } from '../io/atomic-write.js';
import { engineVersion } from '../io/engine-version.js';
import { loadRunInputs, scenarioFilesIn } from '../io/load-run-inputs.js';
import { trackDraws, type DrawsTracker } from '../evaluate/track-draws.js';
import { sha256 } from '../output/manifest.js';
import { encodePart, partFileName, partFormat, partVersion, type PartScenario, type RunPartFile } from '../pipeline/part-file.js';
import { runSetup } from '../pipeline/run-setup.js';
import { runShard } from '../pipeline/run-shard.js';
import { shardBlocks, type Shard } from '../pipeline/shard-blocks.js';
import { selectDrawIndices } from '../planner/select-draw-indices.js';
import type { CliIo } from './cli-io.js';
import type { RunArguments } from './commands/run.js';
import { exitCodes } from './exit-codes.js';
import { progressReporter, stderrProgress } from './progress.js';

/**
 * Runs shard `shard` of every scenario and writes `part.json.gz` into `args.out` (atomically).
 * The part records the run's options and every input's SHA-256, so `forecast merge` can refuse parts
 * of another run or inputs that changed since.
 * @returns exit code 0
 */
export async function runShardCommand(args: RunArguments, shard: Shard, io: CliIo): Promise<number> {
  const files = args.scenarios.length > 0 ? args.scenarios : scenarioFilesIn(resolve(io.cwd, 'scenarios'));
  const inputs = loadRunInputs(io.cwd, args.data, files, args.asOf, { draws: args.draws, exportDraws: args.exportDraws, exactQuantiles: args.exactQuantiles });
  const { sink, enabled } = stderrProgress(io, args);
  const progress = progressReporter(sink, enabled);
  const scenarios: PartScenario[] = [];
  for (const [index, { scenario, model }] of inputs.scenarios.entries()) {
    const setup = runSetup(model, inputs.data, scenario, { draws: args.draws, seed: args.seed });
    let tracker: DrawsTracker | undefined;
    const state = await runShard(setup, shard, {
      threads: args.threads,
      exactQuantiles: args.exactQuantiles,
      onProgress: (done, total) => progress.update(scenario.scenario, index, inputs.scenarios.length, done, total),
      ...(args.exportDraws > 0 && { observers: (prepared, draws) => [(tracker = trackDraws(prepared, selectDrawIndices(draws, args.exportDraws)))] }),
    });
    scenarios.push({ scenario: scenario.scenario, draws: setup.draws, seed: setup.seed, state, points: tracker?.points() ?? [] });
  }
  progress.finish();
  const part: RunPartFile = {
    format: partFormat,
    version: partVersion,
    engine: engineVersion(),
    command: 'run',
    shard,
    run: {
      // The scenario files as the run resolved them, so merge reads the very same list.
      scenarios: files.map((file) => relative(io.cwd, resolve(io.cwd, file)) || file),
      data: args.data,
      asOf: args.asOf ?? null,
      draws: args.draws ?? null,
      seed: args.seed ?? null,
      exactQuantiles: args.exactQuantiles,
      exportDraws: args.exportDraws,
    },
    inputs: inputs.files.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
    scenarios,
  };
  writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: partFileName, content: encodePart(part) }], { cwd: io.cwd, shown: args.out });
  if (!args.quiet) {
    const blocks = scenarios.map((s) => shardBlocks(s.draws, shard).length);
    io.stdout(`shard ${shard.index} of ${shard.count}: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}, ${blocks.join(', ')} block${blocks.length === 1 && blocks[0] === 1 ? '' : 's'} of 4096 draws\n`);
    io.stdout(`wrote ${partFileName} to ${args.out}/ (combine the parts with forecast merge)\n`);
  }
  return exitCodes.ok;
}
