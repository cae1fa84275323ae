// `forecast compare <scenario..>`: targets side by side, paired differences against the first scenario, differing assumptions.
import { resolve } from 'node:path';
import { writeOutputsAtomically, type OutputFile } from '../../io/atomic-write.js';
import { loadRunInputs } from '../../io/load-run-inputs.js';
import { plannerMessages } from '../../errors/messages.js';
import { assumptionCell, compareAssumptionsCsv, compareCsv } from '../../output/compare-table.js';
import { compareScenarios, type ScenarioComparison } from '../../planner/compare-scenarios.js';
import { runInstrumented } from '../../planner/run-instrumented.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { runArguments, scenarioOptions } from './run.js';

const percent = (p: number) => (Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '—');
const points = (d: number) => (Number.isFinite(d) ? `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}` : '—');

export const compareCommand: CommandDefinition = {
  command: 'compare <scenarios..>',
  describe: 'compare targets across scenarios, with paired Monte Carlo errors of the differences and the assumptions that differ',
  builder: (yargs) =>
    scenarioOptions(yargs)
      .check((argv) => {
        const count = ((argv.scenarios as string[] | undefined) ?? []).length;
        if (count < 2) throw new Error(`${plannerMessages.compareCount(count)}\n\nExample usage:\n  forecast compare scenarios/baseline.yaml scenarios/optimistic.yaml`);
        return true;
      })
      .example('forecast compare scenarios/baseline.yaml scenarios/optimistic.yaml scenarios/pessimistic.yaml', 'each against the baseline'),
  async run(argv, io) {
    const args = runArguments(argv);
    const loaded = loadRunInputs(io.cwd, args.data, args.scenarios, args.asOf);
    // Every scenario runs with the same draws and seed, so draw i uses the same random numbers in each.
    const draws = args.draws ?? loaded.scenarios[0].scenario.draws;
    const seed = args.seed ?? loaded.scenarios[0].scenario.seed;
    const runs = loaded.scenarios.map(({ scenario, model }) => runInstrumented(model, loaded.data, scenario, { draws, seed, trackOutcomes: true }));
    const comparison = compareScenarios(runs, seed);
    const outputs: OutputFile[] = [
      { name: 'compare.csv', content: compareCsv(comparison, args.precision) },
      { name: 'compare-assumptions.csv', content: compareAssumptionsCsv(comparison) },
    ];
    writeOutputsAtomically(resolve(io.cwd, args.out), outputs);
    if (!args.quiet) {
      io.stdout(compareSummary(comparison, draws, seed));
      io.stdout(`wrote ${outputs.map((o) => o.name).join(', ')} to ${args.out}/\n`);
    }
    return exitCodes.ok;
  },
};

/** The terminal view: one line per target × scenario, then the differing assumptions side by side. */
function compareSummary(comparison: ScenarioComparison, draws: number, seed: number): string {
  const lines = [`compared against ${comparison.scenarios[0]} (${draws} draws, seed ${seed}, common random numbers)`, ''];
  lines.push(`${'target'.padEnd(28)} ${'scenario'.padEnd(14)} ${'P(met)'.padStart(7)} ${'Δ pts ± se'.padStart(14)}  status`);
  for (const row of comparison.rows) {
    const delta = row.scenario === row.reference ? '' : `${points(row.differenceProbability)} ± ${(row.differenceProbabilitySe * 100).toFixed(1)}`;
    lines.push(`${row.target.padEnd(28)} ${row.scenario.padEnd(14)} ${percent(row.result?.probabilityMet ?? Number.NaN).padStart(7)} ${delta.padStart(14)}  ${row.result?.status ?? 'not judged'}`);
  }
  if (comparison.assumptions.length > 0) {
    lines.push('', 'assumptions that differ:');
    for (const difference of comparison.assumptions) {
      lines.push(`  ${difference.path}`);
      difference.values.forEach((value, i) => lines.push(`    ${comparison.scenarios[i].padEnd(14)} ${assumptionCell(value) || '(not set)'}`));
    }
  }
  return lines.join('\n') + '\n\n';
}
