// The files of a run — CSV, manifest, report — written atomically, and its summary on screen; the
// same for `forecast run` and `forecast merge` (whose results are the run's own).
import { resolve } from 'node:path';
import type { DataSet } from '../data/types.js';
import { writeOutputsAtomically, type OutputFile } from '../io/atomic-write.js';
import { engineVersion } from '../io/engine-version.js';
import { drawsCsv, type ScenarioDraws } from '../output/draws-table.js';
import { iamcCsv, iamcMappingCsv } from '../output/iamc-table.js';
import { buildManifest } from '../output/manifest.js';
import { projectionsCsv } from '../output/projections-table.js';
import { requiredCsv } from '../output/required-trajectory-table.js';
import { firstPassageCsv, recordCsv, targetsCsv } from '../output/targets-table.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import { terminalSummary, useColour } from '../report/terminal-summary.js';
import type { CliIo } from './cli-io.js';
import { checkProbability, checkVerdicts, type RunArguments } from './commands/run.js';
import { exitCodes } from './exit-codes.js';

export interface RunOutputs {
  readonly args: RunArguments;
  /** `iamc` for iamc.csv. */
  readonly format?: string;
  readonly report: boolean;
  readonly inputs: { readonly data: DataSet; readonly files: readonly { readonly path: string; readonly content: string }[] };
  readonly results: readonly ScenarioResult[];
  readonly sampledDraws: readonly ScenarioDraws[];
  /** Milliseconds (Date.now) when the command started. */
  readonly started: number;
  /** The command, for the manifest. */
  readonly command: string;
}

/**
 * Writes projections.csv, required.csv, targets.csv, first-passage.csv, record.csv, manifest.json
 * (and iamc.csv, draws.csv, report.html when asked) to `args.out`, prints the summary, and applies
 * `--check`.
 * @returns the exit code: ok, or targetMissed under --check
 */
export async function writeRunOutputs(run: RunOutputs, io: CliIo): Promise<number> {
  const { args, inputs, results } = run;
  const outputs: OutputFile[] = [
    { name: 'projections.csv', content: projectionsCsv(results, inputs.data, args.precision) },
    { name: 'required.csv', content: requiredCsv(results, inputs.data, args.precision) },
    { name: 'targets.csv', content: targetsCsv(results, inputs.data, args.precision) },
    { name: 'first-passage.csv', content: firstPassageCsv(results, args.precision) },
    { name: 'record.csv', content: recordCsv(inputs.data, args.precision, results) },
  ];
  if (run.format === 'iamc') {
    outputs.push({ name: 'iamc.csv', content: iamcCsv(results, inputs.data, { digits: args.precision }) });
    outputs.push({ name: 'iamc-variables.csv', content: iamcMappingCsv(results) });
  }
  if (args.exportDraws > 0) outputs.push({ name: 'draws.csv', content: drawsCsv(run.sampledDraws, args.precision) });
  if (run.report) {
    // Loaded only when asked for: the charting libraries are the heaviest part of start-up.
    const { buildReport } = await import('../report/build-report.js');
    const { reportOutputFiles } = await import('../report/report-output-files.js');
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
    startedAt: new Date(run.started).toISOString(),
    seconds: (Date.now() - run.started) / 1000,
    command: run.command,
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
}
