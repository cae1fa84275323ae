// `forecast sensitivity <scenario>`: tornado swings of every uncertain input and their rank correlations; sensitivity.csv.
import { resolve } from 'node:path';
import { plannerMessages } from '../../errors/messages.js';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { sensitivityCsv } from '../../output/sensitivity-table.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import { threadsOption } from '../../planner/planner-options.js';
import { countProgress, stderrProgress } from '../progress.js';
import { runSensitivity, type SensitivityResult } from '../../planner/run-sensitivity.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { runArguments, scenarioOptions } from './run.js';

export const sensitivityCommand: CommandDefinition = {
  builder: (yargs) =>
    threadsOption(scenarioOptions(yargs, false))
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
      .option('progress', { type: 'boolean', default: false, describe: 'show progress on stderr even when it is not a terminal' })
      .example('forecast sensitivity scenarios/baseline.yaml --draws 5000 --threads 4', 'which inputs matter most'),
  async run(argv, io) {
    const args = runArguments({ ...argv, scenarios: [argv.scenario] });
    const shown = stderrProgress(io, args);
    const { inputs } = loadVariantInputs(io.cwd, args.data, String(argv.scenario), { ...args, pairsDraws: true });
    const result = await runSensitivity(inputs, {
      threads: argv.threads as number,
      lowQuantile: argv.low as number,
      highQuantile: argv.high as number,
      onProgress: countProgress(shown.sink, shown.enabled, 'runs'),
    });
    writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: 'sensitivity.csv', content: sensitivityCsv(result, args.precision) }], { cwd: io.cwd, shown: args.out });
    if (!args.quiet) {
      io.stdout(sensitivitySummary(result, argv.top as number));
      io.stdout(`wrote sensitivity.csv to ${args.out}/\n`);
    }
    return exitCodes.ok;
  },
};

function sensitivitySummary(result: SensitivityResult, top: number): string {
  const num = (x: number, unit?: string) =>
    !Number.isFinite(x) ? '—' : unit === 'rate' ? `${(x * 100).toFixed(1)}%` : Math.abs(x) >= 100 ? x.toFixed(0) : String(Number(x.toPrecision(3)));
  const lq = `p${Math.round(result.lowQuantile * 100)}`;
  const hq = `p${Math.round(result.highQuantile * 100)}`;
  const lines = [
    `${result.scenario}: ${result.inputs.length} uncertain inputs, each pinned at its ${lq} and ${hq} (${result.draws} draws, seed ${result.seed})`,
    `  per input: its ${lq} … ${hq} value; P(met) with it low → high; the target-year median low → high; ρ = Spearman rank correlation with the outcome`,
  ];
  for (const { baseline, status, bound, entries } of result.targets) {
    const unit = baseline.unit;
    // A proxy's probabilities bound the target's own: every one is shown as the bound it is.
    const mark = bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : '';
    const pct = (p: number) => (Number.isFinite(p) ? `${mark}${(p * 100).toFixed(0)}%` : '—');
    lines.push('', `${baseline.target.id} (P(met) ${pct(baseline.probabilityMet)}, ${status}, median ${num(baseline.p50, unit)}${unit === 'rate' ? '' : ` ${unit}`})`);
    const shown = entries.slice(0, Math.max(0, top));
    const rows = shown.map((entry) => [
      `${String(entry.rank).padStart(2)}.`,
      `${entry.input.variable}.${entry.input.parameter}`,
      `${num(entry.lowValue)} … ${num(entry.highValue)}`,
      `${pct(entry.probabilityLow).padStart(4 + mark.length)} → ${pct(entry.probabilityHigh).padStart(4 + mark.length)}`,
      `${num(entry.p50Low, unit)} → ${num(entry.p50High, unit)}`,
      `ρ ${Number.isFinite(entry.spearman) ? entry.spearman.toFixed(2) : '—'}`,
    ]);
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
    for (const row of rows) lines.push(`  ${row.map((cell, i) => (i === 0 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()}`);
    const still = entries.slice(shown.length).length;
    if (still > 0) lines.push(`      … ${still} more in sensitivity.csv`);
  }
  return lines.join('\n') + '\n';
}
