// `forecast sweep <scenario> --vary <path>=<values> | --design <file>`: run every combination of assumption values, or
// every row of a design file; write sweep.csv and sweep-effects.csv (or a shard's part). What it prints: ../sweep-view.ts.
import { relative, resolve } from 'node:path';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import { parseVary } from '../../planner/parse-vary.js';
import { readDesign, withDesign } from '../../planner/load-design.js';
import { pointsFromDesign, pointsFromVaries } from '../../planner/sweep-points.js';
import { countProgress, stderrProgress } from '../progress.js';
import { threadsOption } from '../../planner/planner-options.js';
import { planSweep, runSweep } from '../../planner/run-sweep.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { planSummary, sweepVariantRows, writeSweepOutputs } from '../sweep-view.js';
import { parseShard, runArguments, scenarioOptions } from './run.js';
import { plannerMessages, shardMessages } from '../../errors/messages.js';
import { engineVersion } from '../../io/engine-version.js';
import { sha256 } from '../../output/manifest.js';
import { encodePart, maxShards, partFileName, partFormat, partVersion, type SweepPartFile } from '../../pipeline/part-file.js';
import { portableTargetResult } from '../../pipeline/portable-target-result.js';

export const sweepCommand: CommandDefinition = {
  builder: (yargs) =>
    threadsOption(scenarioOptions(yargs, false))
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('vary', {
        type: 'string',
        array: true,
        describe: 'assumption path (or a driver\'s drivers.<name>.persistence, .factor.<field>, .loadings.<variable>.growth|rate) and values: a list a,b,c or a range low:high:step; "12%" reads as 0.12 (several --vary: every combination)',
      })
      .option('design', {
        type: 'string',
        describe: 'a CSV file of the variants instead of a grid: a header of assumption paths, one row of values per variant (docs/planner.md)',
      })
      .option('shard', { type: 'string', describe: 'run only shard k of n (k from 0) of the sweep\'s variants and write its part.json.gz to --out; `forecast merge` writes sweep.csv and sweep-effects.csv (docs/scale.md)' })
      .check((argv) => {
        if (argv.vary === undefined && argv.design === undefined) throw new Error(plannerMessages.varyOrDesign());
        if (argv.vary !== undefined && argv.design !== undefined) throw new Error(plannerMessages.designWithVary());
        if (argv.shard !== undefined && !parseShard(argv.shard)) throw new Error(shardMessages.shardFormat(maxShards, argv.shard));
        return true;
      })
      .option('progress', { type: 'boolean', default: false, describe: 'show progress on stderr even when it is not a terminal' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'check every variant against the model and print the plan (variants, paths, a shard\'s range); run nothing, write nothing' })
      .example('forecast sweep scenarios/baseline.yaml --vary assumptions.aiCoreIndustry.growth.mean=10%:20%:2%', 'six growth rates')
      .example('forecast sweep scenarios/baseline.yaml --vary aiCoreIndustry.growth=0.1,0.15 --vary newAiUnicorns.mean=4,6,8', 'a 2 × 3 grid')
      .example('forecast sweep scenarios/baseline.yaml --design scenarios/designs/lhs-40.csv', 'the 40 variants of a Latin hypercube design, one a row')
      .example('forecast sweep scenarios/optimistic.yaml --vary drivers.aiFinancing.persistence=0:0.9:0.3', 'how long the shared financing cycle lasts'),
  async run(argv, io) {
    const args = runArguments({ ...argv, scenarios: [argv.scenario] });
    const shown = stderrProgress(io, args);
    // The points first: a malformed --vary, or a design over the variants limit, is refused before the inputs are read.
    const design = argv.design === undefined ? undefined : readDesign(io.cwd, String(argv.design));
    const points = design ? pointsFromDesign(design.path, design.content) : pointsFromVaries((argv.vary as string[]).map(parseVary));
    const loaded = loadVariantInputs(io.cwd, args.data, String(argv.scenario), args);
    const { inputs } = loaded;
    const files = design ? withDesign(loaded.files, design) : loaded.files;
    if (argv.dryRun) {
      io.stdout(planSummary(inputs.scenario.scenario, inputs.draws, inputs.seed, planSweep(inputs, points), design?.path, args.shard));
      return exitCodes.ok;
    }
    const options = {
      threads: argv.threads as number,
      onProgress: countProgress(shown.sink, shown.enabled, 'variants'),
      ...(args.shard && { shard: args.shard }),
    };
    // Each variant is kept as what its output needs (its rows, or a shard's numbers), not as its outcome.
    if (!args.shard) return writeSweepOutputs(await runSweep(inputs, points, options, sweepVariantRows(args.precision)), args, io);
    const sweep = await runSweep(inputs, points, options, (v) => v.outcome.targets.map(portableTargetResult));
    // A shard: its variants' results, for forecast merge.
    const part: SweepPartFile = {
      format: partFormat,
      version: partVersion,
      engine: engineVersion(),
      command: 'sweep',
      shard: args.shard,
      sweep: {
        scenario: relative(io.cwd, resolve(io.cwd, String(argv.scenario))) || String(argv.scenario),
        data: args.data,
        asOf: args.asOf ?? null,
        draws: args.draws ?? null,
        seed: args.seed ?? null,
        vary: (argv.vary as string[] | undefined) ?? [],
        design: design?.path ?? null,
      },
      inputs: files.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
      variants: sweep.variants.map((v) => ({ variant: v.variant, values: Float64Array.from(v.values), targets: v.outcome })),
    };
    writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: partFileName, content: encodePart(part) }], { cwd: io.cwd, shown: args.out });
    if (!args.quiet) {
      const variants = sweep.variants.length === 0 ? 'no variants' : `variants ${sweep.variants[0].variant}–${sweep.variants[sweep.variants.length - 1].variant}`;
      io.stdout(`shard ${args.shard.index} of ${args.shard.count}: ${variants}\nwrote ${partFileName} to ${args.out}/ (combine the parts with forecast merge)\n`);
    }
    return exitCodes.ok;
  },
};

