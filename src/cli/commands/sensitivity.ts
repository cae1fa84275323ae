// `forecast sensitivity <scenario>`: tornado swings of every uncertain input and their rank correlations; sensitivity.csv.
import { resolve } from 'node:path';
import { plannerMessages } from '../../errors/messages.js';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { sensitivityCsv } from '../../output/sensitivity-table.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import { threadsOption } from '../../planner/planner-options.js';
import { progressReporter } from '../../planner/progress-reporter.js';
import { runSensitivity, type SensitivityResult } from '../../planner/run-sensitivity.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { runArguments, scenarioOptions } from './run.js';

export const sensitivityCommand: CommandDefinition = {
  command: 'sensitivity <scenario>',
  describe: 'rank every uncertain input by how far it swings each target (tornado) and by rank correlation',
  builder: (yargs) =>
    threadsOption(scenarioOptions(yargs))
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('low', { type: 'number', default: 0.1, describe: 'quantile each input is pinned at for its low run' })
      .option('high', { type: 'number', default: 0.9, describe: 'quantile each input is pinned at for its high run' })
      .option('top', { type: 'number', default: 5, describe: 'inputs shown per target on the terminal (the CSV has all)' })
      .check((argv) => {
        const low = argv.low as number;
        const high = argv.high as number;
        if (!(low > 0 && low < high && high < 1)) throw new Error(plannerMessages.quantiles(low, high));
        return true;
      })
      .example('forecast sensitivity scenarios/baseline.yaml --draws 5000 --threads 4', 'which inputs matter most'),
  async run(argv, io) {
    const args = runArguments({ ...argv, scenarios: [argv.scenario] });
    const { inputs } = loadVariantInputs(io.cwd, args.data, String(argv.scenario), args);
    const result = await runSensitivity(inputs, {
      threads: argv.threads as number,
      lowQuantile: argv.low as number,
      highQuantile: argv.high as number,
      onProgress: progressReporter(io, args.quiet, Date.now(), 'runs'),
    });
    writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: 'sensitivity.csv', content: sensitivityCsv(result, args.precision) }]);
    if (!args.quiet) {
      io.stdout(sensitivitySummary(result, argv.top as number));
      io.stdout(`wrote sensitivity.csv to ${args.out}/\n`);
    }
    return exitCodes.ok;
  },
};

function sensitivitySummary(result: SensitivityResult, top: number): string {
  const pct = (p: number) => (Number.isFinite(p) ? `${(p * 100).toFixed(0)}%` : '—');
  const lines = [
    `${result.scenario}: ${result.inputs.length} uncertain inputs, each pinned at its p${Math.round(result.lowQuantile * 100)} and p${Math.round(result.highQuantile * 100)} (${result.draws} draws, seed ${result.seed})`,
  ];
  for (const { baseline, entries } of result.targets) {
    lines.push('', `${baseline.target.id} (P(met) ${pct(baseline.probabilityMet)})`);
    for (const entry of entries.slice(0, Math.max(0, top))) {
      const name = `${entry.input.variable}.${entry.input.parameter}`;
      lines.push(`  ${String(entry.rank).padStart(2)}. ${name.padEnd(40)} ${pct(entry.probabilityLow).padStart(4)} → ${pct(entry.probabilityHigh).padStart(4)}   ρ ${Number.isFinite(entry.spearman) ? entry.spearman.toFixed(2) : '—'}`);
    }
  }
  return lines.join('\n') + '\n';
}
