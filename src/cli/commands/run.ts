// `forecast run [scenario..]`: calibrate, simulate and judge every target; write the outputs atomically.
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeOutputsAtomically, type OutputFile } from '../../io/atomic-write.js';
import { engineVersion } from '../../io/engine-version.js';
import { loadRunInputs, scenarioFilesIn } from '../../io/load-run-inputs.js';
import { buildManifest } from '../../output/manifest.js';
import { drawsCsv, type ScenarioDraws } from '../../output/draws-table.js';
import { iamcCsv, iamcMappingCsv } from '../../output/iamc-table.js';
import { projectionsCsv } from '../../output/projections-table.js';
import { requiredCsv } from '../../output/required-trajectory-table.js';
import { threadsOption } from '../../planner/planner-options.js';
import { runWithSampledDraws } from '../../planner/run-with-sampled-draws.js';
import { runScenarioInParallel } from '../../pipeline/run-scenario-in-parallel.js';
import type { RunOptions } from '../../pipeline/run-scenario.js';
import { judgedFromDraws, verdictBound } from '../../evaluate/probability-bound.js';
import { firstPassageCsv, recordCsv, targetsCsv } from '../../output/targets-table.js';
import { targetVerdicts } from '../../evaluate/target-verdict.js';
import type { ScenarioResult } from '../../pipeline/scenario-result.js';
import type { DataSet } from '../../data/types.js';
import { probabilityCell, terminalSummary, useColour } from '../../report/terminal-summary.js';
import { exactQuantileMaxDraws } from '../../evaluate/quantile-summaries.js';
import { progressReporter } from '../progress.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

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
        throw new Error(`--seed must be a whole number ≥ 0, got ${argv.seed}`);
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
    .option('exact-quantiles', { type: 'boolean', default: false, describe: `exact quantiles at any draw count (default: exact up to ${exactQuantileMaxDraws.toLocaleString('en-US')} draws, within 1/20 of a standard error above; docs/scale.md)` });
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
  };
}

/**
 * Runs the named scenarios (default: all in scenarios/), with progress on stderr for runs over a
 * second (on a terminal, or anywhere with --progress; never with --quiet).
 * A large run spreads its model's independent components over `args.threads` threads
 * (runScenarioInParallel; same numbers); sampled paths (--export-draws) are kept in one thread.
 */
export async function runScenarios(args: RunArguments, io: CliIo) {
  const started = Date.now();
  const files = args.scenarios.length > 0 ? args.scenarios : scenarioFilesIn(resolve(io.cwd, 'scenarios'));
  const inputs = loadRunInputs(io.cwd, args.data, files, args.asOf, { draws: args.draws, exportDraws: args.exportDraws });
  const results: ScenarioResult[] = [];
  const sampledDraws: ScenarioDraws[] = [];
  const terminal = Boolean(io.stderrIsTTY);
  const progress = progressReporter({ write: io.stderr, now: Date.now, terminal }, !args.quiet && (terminal || args.progress));
  for (const [index, { scenario, model }] of inputs.scenarios.entries()) {
    const runOptions: RunOptions = {
      draws: args.draws,
      seed: args.seed,
      exactQuantiles: args.exactQuantiles,
      onProgress: (done, total) => progress.update(scenario.scenario, index, inputs.scenarios.length, done, total),
    };
    const { result, draws } =
      args.exportDraws > 0
        ? runWithSampledDraws(model, inputs.data, scenario, runOptions, args.exportDraws)
        : { result: await runScenarioInParallel(model, inputs.data, scenario, { ...runOptions, threads: args.threads }), draws: { scenario: scenario.scenario, points: [] } };
    results.push(result);
    sampledDraws.push(draws);
  }
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
      .example('forecast run', 'every scenario in scenarios/, outputs in out/')
      .example('forecast run scenarios/baseline.yaml --draws 1000000 --out /tmp/big', 'one scenario, a million draws'),
  async run(argv, io) {
    const args = runArguments(argv);
    const { inputs, results, sampledDraws, started } = await runScenarios(args, io);
    const outputs: OutputFile[] = [
      { name: 'projections.csv', content: projectionsCsv(results, inputs.data, args.precision) },
      { name: 'required.csv', content: requiredCsv(results, inputs.data, args.precision) },
      { name: 'targets.csv', content: targetsCsv(results, inputs.data, args.precision) },
      { name: 'first-passage.csv', content: firstPassageCsv(results, args.precision) },
      { name: 'record.csv', content: recordCsv(inputs.data, args.precision, results) },
    ];
    if (argv.format === 'iamc') {
      outputs.push({ name: 'iamc.csv', content: iamcCsv(results, inputs.data, { digits: args.precision }) });
      outputs.push({ name: 'iamc-variables.csv', content: iamcMappingCsv(results) });
    }
    if (args.exportDraws > 0) outputs.push({ name: 'draws.csv', content: drawsCsv(sampledDraws, args.precision) });
    if (argv.report) {
      // Loaded only when asked for: the charting libraries are the heaviest part of start-up.
      const { buildReport } = await import('../../report/build-report.js');
      const { reportOutputFiles } = await import('../../report/report-output-files.js');
      const report = await buildReport(results, inputs.data);
      for (const warning of report.warnings) io.stderr(`warning  ${warning}\n`);
      outputs.push(...reportOutputFiles(report));
    }
    const manifest = buildManifest({
      engineVersion: engineVersion(),
      inputs: inputs.files,
      results,
      draws: args.draws,
      seed: args.seed,
      asOf: args.asOf,
      outputs: [...outputs.map((o) => o.name), 'manifest.json'],
      startedAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      command: 'forecast run',
      options: args,
    });
    outputs.push({ name: 'manifest.json', content: JSON.stringify(manifest, null, 2) + '\n' });
    writeOutputsAtomically(resolve(io.cwd, args.out), outputs, { cwd: io.cwd, shown: args.out });

    if (!args.quiet) {
      io.stdout(terminalSummary(results, inputs.data, useColour(io.isTTY, io.env)));
      io.stdout(`wrote ${outputs.map((o) => o.name).join(', ')} to ${args.out}/\n`);
    }
    if (!args.check) return exitCodes.ok;
    const { failures, notShown } = checkVerdicts(results, inputs.data);
    for (const failure of failures) io.stderr(`check  ${failure} < ${checkProbability * 100}%\n`);
    for (const line of notShown) io.stderr(`check  ${line}: a lower bound below ${checkProbability * 100}% shows no likely miss (not counted)\n`);
    return failures.length > 0 ? exitCodes.targetMissed : exitCodes.ok;
  },
};
