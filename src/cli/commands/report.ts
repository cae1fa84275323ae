// `forecast report [scenario..]`: run the scenarios and write report.html plus the Vega-Lite spec of every chart.
import { resolve } from 'node:path';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { parseCsv } from '../../io/read-csv.js';
import { readText } from '../../io/read-text.js';
import { buildReport } from '../../report/build-report.js';
import { parseSensitivityTable } from '../../report/parse-sensitivity-table.js';
import { chartsFolder, reportOutputFiles } from '../../report/report-output-files.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { threadsOption } from '../../planner/planner-options.js';
import { runArguments, runScenarios, scenarioOptions, simulationOptions } from './run.js';

/**
 * Runs the scenarios exactly as `forecast run` does (same options), builds the report and writes
 * `report.html` and `charts/<name>.vl.json` all or nothing.
 * @returns exit code 0; input errors surface as InputError (exit 2) through main
 */
async function runReport(argv: Record<string, unknown>, io: CliIo): Promise<number> {
  const args = runArguments(argv);
  const sensitivityFile = argv.sensitivity === undefined ? undefined : String(argv.sensitivity);
  const sensitivity = sensitivityFile === undefined ? undefined : parseSensitivityTable(parseCsv(sensitivityFile, readText(resolve(io.cwd, sensitivityFile))));
  const { inputs, results } = await runScenarios(args, io);
  const report = await buildReport(results, inputs.data, { sensitivity });
  const outputs = reportOutputFiles(report);
  writeOutputsAtomically(resolve(io.cwd, args.out), outputs, { cwd: io.cwd, shown: args.out });
  for (const warning of report.warnings) io.stderr(`warning  ${warning}\n`);
  if (!args.quiet) {
    io.stdout(`wrote report.html and ${outputs.length - 1} chart specs (${chartsFolder}/*.vl.json) to ${args.out}/\n`);
  }
  return exitCodes.ok;
}

export const reportCommand: CommandDefinition = {
  builder: (yargs) =>
    simulationOptions(threadsOption(scenarioOptions(yargs)))
      .option('sensitivity', {
        type: 'string',
        describe: 'sensitivity.csv from `forecast sensitivity` (or columns scenario,target,input,low,high,swingProbability): adds tornado charts',
      })
      .example('forecast report', 'every scenario in scenarios/, out/report.html and out/charts/*.vl.json')
      .example('forecast report scenarios/baseline.yaml --draws 2000 --out /tmp/quick', 'a quick look at one scenario')
      .example('forecast report --sensitivity out/sensitivity.csv', 'with tornado charts from `forecast sensitivity`'),
  run: runReport,
};
