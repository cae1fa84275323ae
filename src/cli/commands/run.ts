// `forecast run [scenario..]`: calibrate, simulate and judge every target; write the outputs atomically.
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeOutputsAtomically, type OutputFile } from '../../io/atomic-write.js';
import { engineVersion } from '../../io/engine-version.js';
import { loadRunInputs, scenarioFilesIn } from '../../io/load-run-inputs.js';
import { buildManifest } from '../../output/manifest.js';
import { drawsCsv, type ScenarioDraws } from '../../output/draws-table.js';
import { iamcCsv } from '../../output/iamc-table.js';
import { projectionColumns, projectionRows } from '../../output/projections-table.js';
import { requiredTrajectoryRows } from '../../output/required-trajectory-table.js';
import { toCsv } from '../../io/to-csv.js';
import { threadsOption } from '../../planner/planner-options.js';
import { runWithSampledDraws } from '../../planner/run-with-sampled-draws.js';
import { runScenarioInParallel } from '../../pipeline/run-scenario-in-parallel.js';
import type { RunOptions } from '../../pipeline/run-scenario.js';
import { firstPassageCsv, targetsCsv } from '../../output/targets-table.js';
import type { ScenarioResult } from '../../pipeline/scenario-result.js';
import { terminalSummary, useColour } from '../../report/terminal-summary.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** Probability below which `--check` counts a target as missed (its median misses it). */
export const checkProbability = 0.5;

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
}

/** Options shared by every command that runs scenarios (run, compare, report, …). */
export function scenarioOptions(yargs: Argv, scenarios: string | false = 'scenario files (default: every file in scenarios/)'): Argv {
  // Commands of one scenario (`sweep <scenario>`) declare their own positional: no `scenarios` in their help.
  return (scenarios === false ? yargs : yargs.positional('scenarios', { type: 'string', array: true, describe: scenarios }))
    .option('draws', { type: 'number', describe: 'Monte Carlo draws (overrides the scenarios)' })
    .option('seed', { type: 'number', describe: 'random seed (overrides the scenarios)' })
    .option('as-of', { type: 'string', describe: 'use only figures published by this date (YYYY-MM-DD)' })
    .option('out', { type: 'string', default: 'out', describe: 'output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
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
  };
}

/**
 * Runs the named scenarios (default: all in scenarios/), reporting progress on stderr after a second.
 * A large run spreads its model's independent components over `args.threads` threads
 * (runScenarioInParallel; same numbers); sampled paths (--export-draws) are kept in one thread.
 */
export async function runScenarios(args: RunArguments, io: CliIo) {
  const started = Date.now();
  const files = args.scenarios.length > 0 ? args.scenarios : scenarioFilesIn(resolve(io.cwd, 'scenarios'));
  const inputs = loadRunInputs(io.cwd, args.data, files, args.asOf, { draws: args.draws, exportDraws: args.exportDraws });
  const results: ScenarioResult[] = [];
  const sampledDraws: ScenarioDraws[] = [];
  let lastProgress = 0;
  for (const { scenario, model } of inputs.scenarios) {
    const runOptions: RunOptions = {
      draws: args.draws,
      seed: args.seed,
      onYear: (year, horizon) => {
        const now = Date.now();
        if (!args.quiet && now - started > 1000 && now - lastProgress > 250) {
          lastProgress = now;
          // On a terminal the line is rewritten in place (and cleared before the summary).
          const text = `  ${scenario.scenario}: simulated through ${year} of ${horizon}`;
          io.stderr(io.isTTY ? `\r\x1b[K${text}` : `${text}\n`);
        }
      },
    };
    const { result, draws } =
      args.exportDraws > 0
        ? runWithSampledDraws(model, inputs.data, scenario, runOptions, args.exportDraws)
        : { result: await runScenarioInParallel(model, inputs.data, scenario, { ...runOptions, threads: args.threads }), draws: { scenario: scenario.scenario, points: [] } };
    results.push(result);
    sampledDraws.push(draws);
  }
  if (lastProgress > 0 && io.isTTY) io.stderr('\r\x1b[K');
  return { inputs, results, sampledDraws, started };
}

export const runCommand: CommandDefinition = {
  command: 'run [scenarios..]',
  describe: 'project every variable under each scenario and judge every target',
  builder: (yargs) =>
    threadsOption(scenarioOptions(yargs))
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html (fan charts, target verdicts, sources) and its chart specs' })
      .option('format', { type: 'string', choices: ['iamc'], describe: 'also write iamc.csv: the IAMC wide table (median by year) that pyam reads' })
      .option('export-draws', { type: 'number', describe: 'also write draws.csv with this many sampled paths per scenario' })
      .check((argv) => {
        const n = argv['export-draws'];
        if (n !== undefined && (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 100_000)) {
          throw new Error(`--export-draws must be a whole number from 1 to 100000, got ${n}`);
        }
        return true;
      })
      .option('check', { type: 'boolean', default: false, describe: `exit 1 when a target's probability of being met is below ${checkProbability}` })
      .example('forecast run', 'every scenario in scenarios/, outputs in out/')
      .example('forecast run scenarios/baseline.yaml --draws 1000000 --out /tmp/big', 'one scenario, a million draws'),
  async run(argv, io) {
    const args = runArguments(argv);
    const { inputs, results, sampledDraws, started } = await runScenarios(args, io);
    const projections = [...projectionRows(results, inputs.data, args.precision), ...requiredTrajectoryRows(results, inputs.data, args.precision)];
    const outputs: OutputFile[] = [
      { name: 'projections.csv', content: toCsv(projectionColumns, projections) },
      { name: 'targets.csv', content: targetsCsv(results, args.precision) },
      { name: 'first-passage.csv', content: firstPassageCsv(results, args.precision) },
    ];
    if (argv.format === 'iamc') outputs.push({ name: 'iamc.csv', content: iamcCsv(results, inputs.data, { digits: args.precision }) });
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
      io.stdout(terminalSummary(results, useColour(io.isTTY, io.env)));
      io.stdout(`wrote ${outputs.map((o) => o.name).join(', ')} to ${args.out}/\n`);
    }
    const missed = results.some((r) => r.targets.some((t) => !(t.probabilityMet >= checkProbability)));
    return args.check && missed ? exitCodes.targetMissed : exitCodes.ok;
  },
};
