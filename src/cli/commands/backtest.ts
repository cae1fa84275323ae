// `forecast backtest`: rolling-origin hindcasts of each law on a model's history, or the M3 yardstick.
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { backtestMetrics } from '../../backtest/backtest-metrics.js';
import { backtestCsv } from '../../backtest/backtest-csv.js';
import { backtestMetricsCsv } from '../../backtest/backtest-metrics-csv.js';
import { VINTAGE_RULES, type VintageRule } from '../../backtest/data-at-cutoff.js';
import { accuracyByLengthCsv, accuracyMetricsCsv } from '../../backtest/accuracy-metrics-csv.js';
import { readM3Csv } from '../../backtest/read-m3-csv.js';
import { runBacktest } from '../../backtest/run-backtest.js';
import { runAccuracyBenchmark } from '../../backtest/run-accuracy-benchmark.js';
import { vintageHindcast } from '../../backtest/vintage-hindcast.js';
import { vintageHindcastCsv } from '../../backtest/vintage-hindcast-csv.js';
import { vintageHindcastTable } from '../../backtest/vintage-hindcast-table.js';
import { InputError } from '../../errors/input-error.js';
import { backtestMessages } from '../../errors/messages.js';
import { readText } from '../../io/read-text.js';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { loadRunInputs, scenarioFilesIn } from '../../io/load-run-inputs.js';
import { lawNames, type GrowthLawName } from '../../laws/registry.js';
import type { CliIo } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** The as-of dates of the vintage hindcast in docs/backtest.md §9: mid-year, after the previous year's statistics are out. */
export const VINTAGE_HINDCAST_DATES = ['2019-07-31', '2020-07-31', '2021-07-31', '2022-07-31', '2023-07-31', '2024-07-31'] as const;

/** Laws tried when --laws is not given: the level laws that calibrate without a given capacity. */
export const defaultBacktestLaws: readonly GrowthLawName[] = ['compound', 'ensemble', 'linear', 'dampedTrend', 'meanReverting'];

const list = (value: unknown): string[] =>
  ((Array.isArray(value) ? value : value === undefined ? [] : [value]) as unknown[]).flatMap((item) => String(item).split(',')).map((s) => s.trim()).filter(Boolean);

export const backtestCommand: CommandDefinition = {
  builder: (yargs: Argv) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'scenario whose model is tested (default: the first file in scenarios/)' })
      .option('variable', { type: 'string', array: true, describe: 'variables to test (default: every variable with a series)' })
      .option('laws', { type: 'string', describe: `comma-separated laws (default ${defaultBacktestLaws.join(',')})` })
      .option('horizon', { type: 'number', default: 3, describe: 'years after each cutoff to score' })
      .option('draws', { type: 'number', default: 2000, describe: 'Monte Carlo draws per forecast' })
      .option('seed', { type: 'number', default: 1, describe: 'random seed' })
      .option('vintage', { type: 'string', default: 'dated', describe: 'published-date rule: dated (undated rows by year), strict, none' })
      .option('as-of', { type: 'string', array: true, describe: "vintage hindcast: as-of dates (YYYY-MM-DD or YYYY-MM, several or comma-separated); each forecast uses only what was published by its date, with the model's own laws, and is scored on the record of today (writes vintage.csv, prints the table of docs/backtest.md §9)" })
      .option('m3', { type: 'string', describe: 'run the accuracy yardstick on this collection instead (M3 layout, e.g. M3 or tourism yearly; writes <name>-metrics.csv and <name>-by-length.csv)' })
      .option('out', { type: 'string', default: 'out', describe: 'output folder' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .check((argv) => {
        for (const name of list(argv.laws)) {
          if (!(lawNames as readonly string[]).includes(name)) throw new Error(backtestMessages.unknownLaw(lawNames, name));
        }
        const h = argv.horizon as number;
        if (!Number.isInteger(h) || h < 1 || h > 20) throw new Error(backtestMessages.horizon(argv.horizon));
        const d = argv.draws as number;
        if (!Number.isInteger(d) || d < 10 || d > 1_000_000) throw new Error(backtestMessages.draws(argv.draws));
        if (!(VINTAGE_RULES as readonly string[]).includes(String(argv.vintage))) throw new Error(backtestMessages.vintage(argv.vintage));
        for (const date of list(argv['as-of'])) if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date)) throw new Error(backtestMessages.asOfDate(date));
        return true;
      })
      .example('forecast backtest', 'every variable with a history, default laws, h = 3; writes out/backtest.csv and out/metrics.csv')
      .example('forecast backtest --variable nationalSoftwareRevenue --laws compound,ensemble --horizon 2', 'one variable, two laws')
      .example(`forecast backtest --as-of ${VINTAGE_HINDCAST_DATES.join(',')}`, 'the vintage hindcast of docs/backtest.md §9: what the model said in mid-2019 … mid-2024, against the record of today')
      .example('forecast backtest --m3 ../shared/benchmarks/m3-yearly.csv --out out/m3', 'the M3 yearly yardstick (any collection in the same layout works)'),

  async run(argv, io) {
    const out = resolve(io.cwd, String(argv.out ?? 'out'));
    const quiet = Boolean(argv.quiet);
    if (argv.m3 !== undefined) return runM3Command(resolve(io.cwd, String(argv.m3)), out, quiet, io);

    const scenarioFile = argv.scenario !== undefined ? String(argv.scenario) : scenarioFilesIn(resolve(io.cwd, 'scenarios'))[0];
    const inputs = loadRunInputs(io.cwd, String(argv.data ?? 'data'), [scenarioFile]);
    const { model } = inputs.scenarios[0];
    const withSeries = model.variables.filter((v) => v.series !== undefined && v.formula === undefined).map((v) => v.name);
    const variables = list(argv.variable);
    for (const name of variables) {
      if (!withSeries.includes(name)) {
        io.stderr(`${backtestMessages.unknownVariable(withSeries, name)}\n`);
        return exitCodes.inputError;
      }
    }
    const dates = list(argv['as-of']);
    if (dates.length > 0) {
      const hindcast = vintageHindcast(model, inputs.data, {
        asOf: dates,
        horizon: argv.horizon as number,
        draws: argv.draws as number,
        seed: argv.seed as number,
        variables: variables.length > 0 ? variables : undefined,
      });
      writeOutputsAtomically(out, [{ name: 'vintage.csv', content: vintageHindcastCsv(hindcast) }], { cwd: io.cwd, shown: String(argv.out ?? 'out') });
      if (!quiet) {
        io.stdout(vintageHindcastTable(hindcast));
        io.stdout(`wrote vintage.csv to ${String(argv.out ?? 'out')}/\n`);
      }
      return exitCodes.ok;
    }
    const chosenLaws = list(argv.laws);
    const result = runBacktest(model, inputs.data, {
      laws: chosenLaws.length > 0 ? (chosenLaws as GrowthLawName[]) : defaultBacktestLaws,
      horizon: argv.horizon as number,
      draws: argv.draws as number,
      seed: argv.seed as number,
      vintage: String(argv.vintage) as VintageRule,
      variables: variables.length > 0 ? variables : withSeries,
    });
    const metrics = backtestMetrics(result.points);
    writeOutputsAtomically(out, [
      { name: 'backtest.csv', content: backtestCsv(result.points, result.skipped) },
      { name: 'metrics.csv', content: backtestMetricsCsv(metrics) },
    ], { cwd: io.cwd, shown: String(argv.out ?? 'out') });
    if (!quiet) {
      const pooled = metrics.filter((row) => row.horizon === 'all' && row.variable !== 'all');
      io.stdout(`backtest of ${model.model}: ${result.points.length} scored forecasts, ${result.skipped.length} skipped (reasons in backtest.csv)\n`);
      io.stdout('variable                   law            n   sMAPE   MASE  cov80  cov95  skill_naive  skill_drift\n');
      for (const row of pooled) {
        const f = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : '—');
        io.stdout(
          `${row.variable.padEnd(26)} ${row.law.padEnd(13)} ${String(row.n).padStart(2)}  ${f(row.smape, 2).padStart(6)} ${f(row.mase, 3).padStart(6)}  ${f(row.coverage80, 2).padStart(5)}  ${f(row.coverage95, 2).padStart(5)}  ${f(row.skillNaive, 3).padStart(11)}  ${f(row.skillDrift, 3).padStart(11)}\n`,
        );
      }
      io.stdout(`wrote backtest.csv, metrics.csv to ${String(argv.out ?? 'out')}/\n`);
    }
    return exitCodes.ok;
  },
};

/** `--m3 <file>`: the yardstick of bench/accuracy.ts through the same code, to <out>/<name>-metrics.csv and <name>-by-length.csv. */
function runM3Command(file: string, out: string, quiet: boolean, io: CliIo): number {
  // Read as every input is (a regular text file within the size limit); a missing file says where the data lives.
  const shown = relative(io.cwd, file) || file;
  if (!existsSync(file)) throw new InputError([{ file: shown, message: backtestMessages.m3Missing(file) }]);
  const { rows, selection } = runAccuracyBenchmark(readM3Csv(readText(file, { shown }), shown));
  const name = basename(file).replace(/\.csv$/i, '');
  writeOutputsAtomically(out, [
    { name: `${name}-metrics.csv`, content: accuracyMetricsCsv(rows) },
    { name: `${name}-by-length.csv`, content: accuracyByLengthCsv(rows) },
  ], { cwd: io.cwd });
  if (!quiet) {
    io.stdout(`default: w = ${selection.trendWeight} (chosen on hindcasts inside the training parts)\n`);
    io.stdout('method                      sMAPE   MASE  cov80  cov95\n');
    for (const row of rows) {
      const f = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : '—');
      io.stdout(`${row.method.padEnd(26)} ${f(row.smape, 2).padStart(6)} ${f(row.mase, 3).padStart(6)}  ${f(row.coverage80, 3)}  ${f(row.coverage95, 3)}\n`);
    }
    io.stdout(`wrote ${name}-metrics.csv, ${name}-by-length.csv to ${out}\n`);
  }
  return exitCodes.ok;
}
