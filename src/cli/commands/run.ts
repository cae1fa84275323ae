// `forecast run [scenario..]`: calibrate, simulate and judge every target; write the outputs atomically.
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { loadRunInputs, scenarioFilesIn } from '../../io/load-run-inputs.js';
import { threadsOption } from '../../planner/planner-options.js';
import { runProject } from '../../pipeline/run-project.js';
import { selectDrawIndices } from '../../planner/select-draw-indices.js';
import { judgedFromDraws, verdictBound } from '../../evaluate/probability-bound.js';
import { targetVerdicts } from '../../evaluate/target-verdict.js';
import type { ScenarioResult } from '../../model/scenario-result.js';
import type { DataSet } from '../../data/types.js';
import { probabilityCell } from '../../report/terminal-summary.js';
import { exactQuantileMaxDraws } from '../../evaluate/quantile-summaries.js';
import { progressReporter, stderrProgress } from '../progress.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { cliMessages, shardMessages } from '../../errors/messages.js';
import { maxShards } from '../../pipeline/part-file.js';
import type { Shard } from '../../pipeline/shard-blocks.js';
import { writeRunOutputs } from '../run-outputs.js';
import { runShardCommand } from '../run-shard-part.js';
import { groupedNumber } from '../../report/display-number.js';

/** Probability below which `--check` counts a target judged from the draws as likely missed (its median misses it). */
export const checkProbability = 0.5;

/** What `--check` found: verdicts that show a likely miss, and proxies' lower bounds that cannot show one. */
export interface CheckFindings {
  /** One line per failing target and scenario, e.g. `pessimistic: bj-ai-core-2027 P(met) 0.0% (very unlikely)`. */
  readonly failures: readonly string[];
  /** A lower bound below checkProbability: the target's own P(met) may be above it, so no miss is shown. */
  readonly notShown: readonly string[];
}

/**
 * The verdicts `--check` fails on: a projection (or a nowcast of a closed window) whose P(met) is
 * below checkProbability, so that more likely than not the target is (or was) missed. A proxy's
 * P(met) is a bound on the target's own (targets.csv's probabilityMetBound): an upper bound below
 * it shows a likely miss too (the target's own is lower still); a lower bound below it does not
 * (the target's own may be higher), so it never fails the check and is listed in `notShown`.
 * Outcomes on record (achieved, missed, unknown) are history, not a forecast, and never fail it.
 * @example checkVerdicts(results, data).failures[0]; // => 'pessimistic: bj-ai-core-2027 P(met) 0.0% (very unlikely)'
 */
export function checkVerdicts(results: readonly ScenarioResult[], data: DataSet): CheckFindings {
  const failures: string[] = [];
  const notShown: string[] = [];
  for (const result of results) {
    for (const v of targetVerdicts(result, data)) {
      if (!judgedFromDraws(v) || v.probabilityMet >= checkProbability) continue;
      const bound = verdictBound(v);
      const line = `${result.scenario.scenario}: ${v.target.id} P(met) ${probabilityCell(v.probabilityMet, bound).replace(/^([≥≤])/, '$1 ')} (${v.status})`;
      (bound === 'lower' ? notShown : failures).push(line);
    }
  }
  return { failures, notShown };
}

export interface RunArguments {
  readonly scenarios: readonly string[];
  readonly data: string;
  readonly out: string;
  readonly draws?: number;
  readonly seed?: number;
  readonly asOf?: string;
  readonly quiet: boolean;
  readonly check: boolean;
  readonly precision?: number;
  /** Sampled paths to keep per scenario for draws.csv (0: none). */
  readonly exportDraws: number;
  /** Threads a large run may spread its model's independent components over (results do not depend on it). */
  readonly threads: number;
  /** Show progress on stderr even when it is not a terminal. */
  readonly progress: boolean;
  /** Exact type-7 quantiles at any draw count (default: exact up to exactQuantileMaxDraws). */
  readonly exactQuantiles: boolean;
  /** Run only this shard's blocks and write its part file (`--shard k/n`). */
  readonly shard?: Shard;
}

/**
 * `k/n` as a shard, or undefined when it is not one (0 ≤ k < n ≤ maxShards).
 * @example parseShard('2/7'); // => { index: 2, count: 7 }
 */
export function parseShard(text: unknown): Shard | undefined {
  const match = typeof text === 'string' ? /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim()) : null;
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && count <= maxShards && index < count ? { index, count } : undefined;
}

/** Options shared by every command that runs scenarios (run, compare, report, …). */
export function scenarioOptions(yargs: Argv, scenarios: string | false = 'scenario files (default: every file in scenarios/)'): Argv {
  // Commands of one scenario (`sweep <scenario>`) declare their own positional: no `scenarios` in their help.
  return (scenarios === false ? yargs : yargs.positional('scenarios', { type: 'string', array: true, describe: scenarios }))
    .option('draws', { type: 'number', describe: 'Monte Carlo draws (overrides the scenarios)' })
    .option('seed', { type: 'number', describe: 'random seed (overrides the scenarios)' })
    .option('as-of', { type: 'string', describe: 'use only figures published by this date (YYYY-MM-DD)' })
    .option('out', { type: 'string', default: 'out', describe: 'output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors (no progress either)' })
    .option('precision', { type: 'number', describe: 'significant digits in CSV (default 8)' })
    .check((argv) => {
      if (argv.draws !== undefined && (!Number.isInteger(argv.draws) || (argv.draws as number) < 1 || (argv.draws as number) > 10_000_000)) {
        throw new Error(`--draws must be a whole number from 1 to 10000000, got ${argv.draws}\n\nExample usage:\n  forecast run scenarios/baseline.yaml --draws 100000`);
      }
      if (argv.seed !== undefined && (!Number.isInteger(argv.seed) || (argv.seed as number) < 0)) {
        throw new Error(cliMessages.seed(argv.seed));
      }
      if (argv['as-of'] !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(String(argv['as-of']))) {
        throw new Error(`--as-of must be a date YYYY-MM-DD, got ${JSON.stringify(argv['as-of'])}`);
      }
      if (argv.precision !== undefined && (!Number.isInteger(argv.precision) || (argv.precision as number) < 2 || (argv.precision as number) > 17)) {
        throw new Error(`--precision must be a whole number from 2 to 17, got ${argv.precision}`);
      }
      return true;
    });
}

/** Options of the commands that run scenarios through runScenarios (run, report): progress and quantile path. */
export function simulationOptions(yargs: Argv): Argv {
  return yargs
    .option('progress', { type: 'boolean', default: false, describe: 'show progress on stderr even when it is not a terminal (on a terminal it shows anyway for runs over a second)' })
    .option('exact-quantiles', { type: 'boolean', default: false, describe: `exact quantiles at any draw count (default: exact up to ${groupedNumber(exactQuantileMaxDraws)} draws, within 1/20 of a standard error above; docs/scale.md)` });
}

/** Reads the arguments every scenario-running command shares. */
export function runArguments(argv: Record<string, unknown>): RunArguments {
  return {
    scenarios: (argv.scenarios as string[] | undefined) ?? [],
    data: String(argv.data ?? 'data'),
    out: String(argv.out ?? 'out'),
    draws: argv.draws as number | undefined,
    seed: argv.seed as number | undefined,
    asOf: argv.asOf as string | undefined,
    quiet: Boolean(argv.quiet),
    check: Boolean(argv.check),
    precision: argv.precision as number | undefined,
    exportDraws: (argv.exportDraws as number | undefined) ?? 0,
    threads: (argv.threads as number | undefined) ?? 1,
    progress: Boolean(argv.progress),
    exactQuantiles: Boolean(argv.exactQuantiles),
    ...(argv.shard !== undefined ? { shard: parseShard(argv.shard) } : {}),
  };
}

/**
 * Runs the named scenarios (default: all in scenarios/) through the library (runProject), with
 * progress on stderr for runs over a second (on a terminal, or anywhere with --progress; never with --quiet).
 */
export async function runScenarios(args: RunArguments, io: CliIo) {
  const started = Date.now();
  const files = args.scenarios.length > 0 ? args.scenarios : scenarioFilesIn(resolve(io.cwd, 'scenarios'));
  const inputs = loadRunInputs(io.cwd, args.data, files, args.asOf, { draws: args.draws, exportDraws: args.exportDraws, exactQuantiles: args.exactQuantiles });
  const { sink, enabled } = stderrProgress(io, args);
  const progress = progressReporter(sink, enabled);
  const { results, sampledDraws } = await runProject(inputs, {
    draws: args.draws,
    seed: args.seed,
    threads: args.threads,
    exactQuantiles: args.exactQuantiles,
    exportDraws: args.exportDraws,
    drawIndices: selectDrawIndices,
    onProgress: (scenario, index, count, done, total) => progress.update(scenario, index, count, done, total),
  });
  progress.finish();
  return { inputs, results, sampledDraws, started };
}

export const runCommand: CommandDefinition = {
  builder: (yargs) =>
    simulationOptions(threadsOption(scenarioOptions(yargs)))
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html (fan charts, target verdicts, sources) and its chart specs' })
      .option('format', { type: 'string', choices: ['iamc'], describe: 'also write iamc.csv (the IAMC wide table pyam reads: median, quantiles and mean as variables A|B|C, A|B|C|p05, …) and iamc-variables.csv (their mapping to the model ids)' })
      .option('export-draws', { type: 'number', describe: 'also write draws.csv with this many sampled paths per scenario' })
      .check((argv) => {
        const n = argv['export-draws'];
        if (n !== undefined && (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 100_000)) {
          throw new Error(`--export-draws must be a whole number from 1 to 100000, got ${n}`);
        }
        return true;
      })
      .option('check', { type: 'boolean', default: false, describe: `exit 1 when a target's probability of being met, projected or nowcast, is below ${checkProbability} (a proxy's lower bound never fails it; outcomes on record never do)` })
      .option('shard', { type: 'string', describe: 'run only shard k of n (k from 0) and write its part.json.gz to --out; `forecast merge` makes the outputs (docs/scale.md)' })
      .check((argv) => {
        if (argv.shard === undefined) return true;
        if (!parseShard(argv.shard)) throw new Error(shardMessages.shardFormat(maxShards, argv.shard));
        for (const option of ['report', 'format', 'check'] as const) if (argv[option]) throw new Error(shardMessages.notWithShard(option));
        return true;
      })
      .example('forecast run', 'every scenario in scenarios/, outputs in out/')
      .example('forecast run scenarios/baseline.yaml --draws 1000000 --out /tmp/big', 'one scenario, a million draws')
      .example('forecast run --draws 10000000 --shard 3/8 --out part-3', 'shard 3 of 8 of a large run (then: forecast merge part-* --out out)'),
  async run(argv, io) {
    const args = runArguments(argv);
    if (args.shard) return runShardCommand(args, args.shard, io);
    const { inputs, results, sampledDraws, started } = await runScenarios(args, io);
    return writeRunOutputs({ args, format: argv.format as string | undefined, report: Boolean(argv.report), inputs, results, sampledDraws, started, command: 'forecast run' }, io);
  },
};
