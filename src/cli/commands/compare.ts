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
import { compactWritten, signedGap } from '../../report/display-number.js';
import { displayWidth, probabilityCell } from '../../report/terminal-summary.js';
import { judgedFromDraws, verdictBound } from '../../evaluate/probability-bound.js';
import { runArguments, scenarioOptions } from './run.js';

const percent = (p: number) => (Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '—');
const points = (d: number) => (Number.isFinite(d) ? `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}` : '—');

export const compareCommand: CommandDefinition = {
  builder: (yargs) =>
    scenarioOptions(yargs, 'scenario files, at least two; the first is the reference')
      .check((argv) => {
        const count = ((argv.scenarios as string[] | undefined) ?? []).length;
        if (count < 2) throw new Error(`${plannerMessages.compareCount(count)}\n\nExample usage:\n  forecast compare scenarios/baseline.yaml scenarios/optimistic.yaml`);
        return true;
      })
      .example('forecast compare scenarios/baseline.yaml scenarios/optimistic.yaml scenarios/pessimistic.yaml', 'each against the baseline'),
  async run(argv, io) {
    const args = runArguments(argv);
    const loaded = loadRunInputs(io.cwd, args.data, args.scenarios, args.asOf, { draws: args.draws, pairsDraws: true });
    // Every scenario runs with the same draws and seed, so draw i uses the same random numbers in each.
    const draws = args.draws ?? loaded.scenarios[0].scenario.draws;
    const seed = args.seed ?? loaded.scenarios[0].scenario.seed;
    const runs = loaded.scenarios.map(({ scenario, model }) => runInstrumented(model, loaded.data, scenario, { draws, seed, trackOutcomes: true, targetsOnly: true }));
    const comparison = compareScenarios(runs, seed, loaded.data);
    const outputs: OutputFile[] = [
      { name: 'compare.csv', content: compareCsv(comparison, args.precision) },
      { name: 'compare-assumptions.csv', content: compareAssumptionsCsv(comparison) },
    ];
    writeOutputsAtomically(resolve(io.cwd, args.out), outputs, { cwd: io.cwd, shown: args.out });
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
  const header = ['target', 'scenario', 'P(met)', 'Δ pts ± se', 'median', 'Δ median', 'gap', 'basis', 'status'];
  const rows = comparison.rows.map((row) => {
    const r = row.result;
    const v = row.verdict;
    const target = (r ?? row.referenceResult)?.target ?? v.target;
    const rate = target.unit === 'rate';
    const own = row.scenario === row.reference;
    const difference = (x: number) => (!Number.isFinite(x) ? '—' : `${x >= 0 ? '+' : '−'}${rate ? `${Math.abs(x * 100).toFixed(1)} pts` : compactWritten(target, Math.abs(x))}`);
    return [
      row.target,
      row.scenario,
      judgedFromDraws(v) ? probabilityCell(v.probabilityMet, verdictBound(v)) : percent(v.probabilityMet),
      own || !Number.isFinite(row.differenceProbability) ? '' : `${points(row.differenceProbability)} ± ${(row.differenceProbabilitySe * 100).toFixed(1)}`,
      r ? (rate ? `${(r.p50 * 100).toFixed(1)}%` : compactWritten(target, r.p50)) : '—',
      own ? '' : difference(row.differenceP50),
      r && judgedFromDraws(v) ? signedGap(rate ? r.gap : r.gapRelative, rate) : '—',
      v.basis ?? '—',
      v.status,
    ];
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const fill = (c: string, i: number) => ' '.repeat(Math.max(0, widths[i] - displayWidth(c)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i >= cells.length - 2 ? c + fill(c, i) : fill(c, i) + c)).join('  ').trimEnd();
  lines.push(line(header));
  rows.forEach((cells, k) => {
    if (k > 0 && comparison.rows[k].target !== comparison.rows[k - 1].target) lines.push('');
    lines.push(line(cells));
  });
  if (comparison.assumptions.length > 0) {
    lines.push('', 'assumptions that differ (as written after extends; → what the run used where it is an assumption):');
    for (const difference of comparison.assumptions) {
      lines.push(`  ${difference.path}`);
      difference.values.forEach((value, i) => {
        const used = difference.used[i];
        lines.push(`    ${comparison.scenarios[i].padEnd(14)} ${assumptionCell(value) || '(not set)'}${used && value === undefined ? ` → ${used}` : ''}`);
      });
    }
  }
  return lines.join('\n') + '\n\n';
}
