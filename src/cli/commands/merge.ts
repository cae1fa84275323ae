// `forecast merge <parts..>`: the shards of one run (`forecast run --shard k/n`) into the run's outputs.
import type { ScenarioDraws } from '../../output/draws-table.js';
import { mergeRun, readParts, type ReadParts } from '../../pipeline/merge-run.js';
import type { RunPartFile, SweepPartFile } from '../../pipeline/part-file.js';
import { sweepVariantRows, writeSweepOutputs } from '../sweep-view.js';
import type { CommandDefinition } from '../command.js';
import { writeRunOutputs } from '../run-outputs.js';
import { checkProbability, type RunArguments } from './run.js';

export const mergeCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .positional('parts', { type: 'string', array: true, describe: 'the part files, or the --out folders the shards wrote them into' })
      .option('out', { type: 'string', default: 'out', describe: 'output folder' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('precision', { type: 'number', describe: 'significant digits in CSV (default 8)' })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html (fan charts, target verdicts, sources) and its chart specs' })
      .option('format', { type: 'string', choices: ['iamc'], describe: 'also write iamc.csv and iamc-variables.csv' })
      .option('check', { type: 'boolean', default: false, describe: `exit 1 when a projected target's probability of being met is below ${checkProbability}` })
      .check((argv) => {
        if (argv.precision !== undefined && (!Number.isInteger(argv.precision) || (argv.precision as number) < 2 || (argv.precision as number) > 17)) {
          throw new Error(`--precision must be a whole number from 2 to 17, got ${argv.precision}`);
        }
        return true;
      })
      .example('forecast merge part-* --out out', 'the outputs of the whole run (or sweep), byte-identical to running it on one machine'),
  async run(argv, io) {
    const started = Date.now();
    const read = readParts(io.cwd, (argv.parts as string[] | undefined) ?? []);
    if (read.parts[0].part.command === 'sweep') {
      const { mergeSweep } = await import('../../planner/merge-sweep.js');
      const args = { out: String(argv.out ?? 'out'), precision: argv.precision as number | undefined, quiet: Boolean(argv.quiet) };
      const sweep = mergeSweep(io.cwd, read as ReadParts<SweepPartFile>, sweepVariantRows(args.precision));
      if (!args.quiet) io.stdout(`merged ${read.shards} shard${read.shards === 1 ? '' : 's'}\n`);
      return writeSweepOutputs(sweep, args, io);
    }
    const merged = mergeRun(io.cwd, read as ReadParts<RunPartFile>);
    const { run } = merged;
    const args: RunArguments = {
      scenarios: run.scenarios,
      data: run.data,
      out: String(argv.out ?? 'out'),
      ...(run.draws !== null && { draws: run.draws }),
      ...(run.seed !== null && { seed: run.seed }),
      ...(run.asOf !== null && { asOf: run.asOf }),
      quiet: Boolean(argv.quiet),
      check: Boolean(argv.check),
      precision: argv.precision as number | undefined,
      exportDraws: run.exportDraws,
      threads: 1,
      progress: false,
      exactQuantiles: run.exactQuantiles,
    };
    const sampledDraws: ScenarioDraws[] = merged.results.map((result, i) => ({ scenario: result.scenario.scenario, points: merged.points[i] }));
    if (!args.quiet) io.stdout(`merged ${merged.shards} shard${merged.shards === 1 ? '' : 's'}\n`);
    return writeRunOutputs({ args, format: argv.format as string | undefined, report: Boolean(argv.report), inputs: merged.inputs, results: merged.results, sampledDraws, started, command: 'forecast merge' }, io);
  },
};
