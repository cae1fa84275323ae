// `forecast solve <scenario> --target <id> … --probability p --vary <path>`: goal seek an assumption by bisection, for each target.
import { resolve } from 'node:path';
import { plannerMessages } from '../../errors/messages.js';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import { parseNumberLike } from '../../planner/parse-vary.js';
import { notBracketedMessage, runSolves, solvedStatus, type SolveResult } from '../../planner/run-solve.js';
import { solveCsv } from '../../planner/solve-table.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** Distributions a scenario author usually writes (scenario files also take the calibrated forms). */
const scenarioDistributions: readonly string[] = ['constant', 'normal', 'lognormal', 'uniform', 'triangular', 'pert'];

function parseRange(text: string): [number, number] | undefined {
  const parts = text.split(':').map(parseNumberLike);
  if (parts.length !== 2 || parts.some((p) => p === undefined)) return undefined;
  const [low, high] = parts as number[];
  return low < high ? [low, high] : undefined;
}

export const solveCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('target', { type: 'string', array: true, demandOption: 'give --target <id>', describe: 'target id (data/targets.yaml); several --target solve each on the same assumption' })
      .option('probability', { type: 'number', default: 0.8, describe: 'wanted probability of meeting the target' })
      .option('vary', { type: 'string', demandOption: 'give --vary <assumption path>', describe: 'the assumption solved for, e.g. assumptions.aiCoreIndustry.growth.mean' })
      .option('range', { type: 'string', describe: 'search range low:high (default: around the current value, widened until it brackets)' })
      .option('tolerance', { type: 'number', describe: 'stop when the bracket is this narrow (default: range × 1e-6)' })
      .option('draws', { type: 'number', describe: 'Monte Carlo draws (overrides the scenario)' })
      .option('seed', { type: 'number', describe: 'random seed (overrides the scenario)' })
      .option('as-of', { type: 'string', describe: 'use only figures published by this date (YYYY-MM-DD)' })
      .option('out', { type: 'string', describe: 'also write solve.csv into this folder' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .check((argv) => {
        const p = argv.probability as number;
        if (!(p > 0 && p < 1)) throw new Error(plannerMessages.probability(argv.probability));
        if (argv.range !== undefined && !parseRange(String(argv.range))) throw new Error(plannerMessages.range(argv.range));
        if (argv.draws !== undefined && (!Number.isInteger(argv.draws) || (argv.draws as number) < 1)) throw new Error(`--draws must be a whole number from 1 to 10000000, got ${argv.draws}`);
        if (argv.tolerance !== undefined && !((argv.tolerance as number) > 0)) throw new Error(`--tolerance must be greater than 0, got ${argv.tolerance}`);
        const targets = (argv.target as string[]).map(String);
        const twice = targets.find((t, i) => targets.indexOf(t) !== i);
        if (twice !== undefined) throw new Error(plannerMessages.targetTwice(twice));
        return true;
      })
      .example('forecast solve scenarios/baseline.yaml --target bj-ai-core-2027 --probability 0.8 --vary assumptions.aiCoreIndustry.growth.mean', 'the mean growth that gives an 80% chance')
      .example('forecast solve scenarios/baseline.yaml --target bj-ai-industry-2026 --target bj-ai-core-2027 --target bj-ai-cluster-2030 --vary assumptions.aiCoreIndustry.growth.mean', 'what each of three targets asks of the same growth'),
  async run(argv, io) {
    const { inputs } = loadVariantInputs(io.cwd, String(argv.data ?? 'data'), String(argv.scenario), {
      asOf: argv.asOf as string | undefined,
      draws: argv.draws as number | undefined,
      seed: argv.seed as number | undefined,
    });
    const range = argv.range !== undefined ? parseRange(String(argv.range)) : undefined;
    const results = runSolves(
      inputs,
      (argv.target as string[]).map((target) => ({
        target: String(target),
        probability: argv.probability as number,
        path: String(argv.vary),
        range,
        tolerance: argv.tolerance as number | undefined,
      })),
    );
    if (argv.out !== undefined) {
      writeOutputsAtomically(resolve(io.cwd, String(argv.out)), [{ name: 'solve.csv', content: solveCsv(results) }], { cwd: io.cwd, shown: String(argv.out) });
    }
    const solved = results.filter((r) => r.status !== 'notBracketed');
    if (!argv.quiet && solved.length > 0) io.stdout(solved.map(solveSummary).join('\n'));
    const missed = results.filter((r) => r.status === 'notBracketed');
    for (const result of missed) io.stderr(`error  ${notBracketedMessage(result)}\n${evaluationsText(result)}`);
    return missed.length > 0 ? exitCodes.inputError : exitCodes.ok;
  },
};

function evaluationsText(result: SolveResult): string {
  return result.evaluations.map((e) => `  ${String(Number(e.value.toPrecision(8))).padStart(14)}  P(met) ${e.probability}\n`).join('');
}

function solveSummary(result: SolveResult): string {
  const show = (x: number) => String(Number(x.toPrecision(6)));
  const { variable, parameter, distribution } = result.override;
  // The solved field as found; every other field exactly as the run had it, so the pasted
  // assumption reproduces the run.
  // (15 digits: exact but for binary noise such as 0.41000000000000014.)
  const exact = (x: number | string) => (typeof x === 'number' ? String(Number(x.toPrecision(15))) : x);
  const flow = Object.entries(distribution).map(([key, value]) => `${key}: ${exact(value)}`).join(', ');
  const yaml = `assumptions:\n  ${variable}:\n    ${parameter}: ${distribution.dist === 'constant' ? exact(distribution.value) : `{ ${flow} }`}\n`;
  // A proxy's probability bounds the target's own: said beside every figure, and once in words.
  const mark = result.bound === 'lower' ? '≥ ' : result.bound === 'upper' ? '≤ ' : '';
  const lines = [
    `${result.scenario}: ${result.target} met with probability ≥ ${result.wanted} when ${result.path} = ${result.value}` +
      (result.bound === 'upper' ? ` (by its judged variable, a broader quantity: the target's own P(met) is at most that)` : ''),
    `  gives P(met) ${mark}${show(result.probability)} ± ${show(result.probabilitySe)} (${solvedStatus(result, result.probability)}; Monte Carlo se, ${result.draws} draws, seed ${result.seed})`,
    ...(result.bound !== '' ? [`  (P(met) is of the judged variable ${result.baseline.variable}, a proxy ${result.bound === 'lower' ? 'narrower than the target: a lower bound on the target\'s own' : 'broader than the target: an upper bound on the target\'s own'})`] : []),
    `  now: ${result.path} = ${show(result.currentValue)}, P(met) ${mark}${show(result.baseline.probabilityMet)} (${result.baselineStatus})` +
      (Number.isFinite(result.baseline.requiredCagr) ? `; required CAGR from the last observation ${(result.baseline.requiredCagr * 100).toFixed(2)}%` : ''),
    `  bisection bracket [${String(Number(result.low.toPrecision(10)))}, ${String(Number(result.high.toPrecision(10)))}] after ${result.evaluations.length} runs` +
      `${result.increasing ? '' : ' (P falls as the value rises)'}; the value is rounded ${result.increasing ? 'up' : 'down'} to the fewest digits within one se of ${result.wanted}`,
    ...result.notes.map((note) => `  note: ${note}`),
    '',
    `to use it, write into the scenario${scenarioDistributions.includes(distribution.dist) ? '' : ` (the calibrated ${distribution.dist}, moved to the solved value)`}:`,
    ...yaml.trimEnd().split('\n').map((line) => `  ${line}`),
  ];
  return lines.join('\n') + '\n';
}
