// Every command of `forecast`, in the order `--help` lists them: its usage and one-line description
// here, its options and its work in one file per command, loaded only when it is the command being
// run. So `forecast --help` loads no command at all, and `forecast data` never loads the engine,
// vega or mathjs.
import type { CommandDefinition } from '../command.js';

export interface CommandEntry {
  /** The command's name, the first word of its usage. */
  readonly name: string;
  /** yargs usage string, e.g. `data [series]`. */
  readonly command: string;
  /** One line for `forecast --help`. */
  readonly describe: string;
  readonly load: () => Promise<CommandDefinition>;
  /**
   * Keep the main thread's young generation at V8's starting size, from before the command is loaded:
   * `run` and `merge` only (src/io/young-generation.ts has the measurements behind that choice).
   */
  readonly smallYoungGeneration?: true;
}

export const commandEntries: readonly CommandEntry[] = [
  {
    name: 'run',
    command: 'run [scenarios..]',
    describe: 'project every variable under each scenario and judge every target',
    load: async () => (await import('./run.js')).runCommand,
    smallYoungGeneration: true,
  },
  {
    name: 'merge',
    command: 'merge <parts..>',
    describe: 'combine the part files of a run split into shards (forecast run --shard k/n) into its outputs, byte-identical to one machine\'s',
    load: async () => (await import('./merge.js')).mergeCommand,
    smallYoungGeneration: true,
  },
  {
    name: 'report',
    command: 'report [scenarios..]',
    describe: 'write report.html (fan charts, target verdicts, sources; works offline) and each chart as a Vega-Lite spec',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'compare',
    command: 'compare <scenarios..>',
    describe: 'compare targets across scenarios, with paired Monte Carlo errors of the differences and the assumptions that differ',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'sweep',
    command: 'sweep <scenario>',
    describe: 'run a scenario over a grid of assumption values (several --vary give every combination), or over the variants of a design file',
    load: async () => (await import('./sweep.js')).sweepCommand,
  },
  {
    name: 'design',
    command: 'design',
    describe: 'write a Latin hypercube of assumption values, its columns nearly uncorrelated, as a design file for forecast sweep --design',
    load: async () => (await import('./design.js')).designCommand,
  },
  {
    name: 'sensitivity',
    command: 'sensitivity <scenario>',
    describe: 'rank every uncertain input by how far it swings each target (tornado) and by rank correlation',
    load: async () => (await import('./sensitivity.js')).sensitivityCommand,
  },
  {
    name: 'solve',
    command: 'solve <scenario>',
    describe: 'find the value of an assumption at which a target is met with a given probability (bisection, common random numbers)',
    load: async () => (await import('./solve.js')).solveCommand,
  },
  {
    name: 'explain',
    command: 'explain <scenario>',
    describe: 'show a scenario fully resolved: every value, where it came from, its uncertainty and the evidence behind it',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    name: 'backtest',
    command: 'backtest [scenario]',
    describe: 'score each law by rolling-origin hindcasts on the model\'s history (or on a yardstick such as M3 with --m3)',
    load: async () => (await import('./backtest.js')).backtestCommand,
  },
  {
    name: 'validate',
    command: 'validate [files..]',
    describe: 'check data, model and scenario files and report every problem (nothing is run or written)',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'data',
    command: 'data [series]',
    describe: 'list the data series (id, scope, unit, years, points), or show one series with its sources and quotes',
    load: async () => (await import('./data.js')).dataCommand,
  },
  {
    name: 'targets',
    command: 'targets',
    describe: 'list every official target, what it asks from the latest full year on record, what the record decides, and targets that pull against each other',
    load: async () => (await import('./targets.js')).targetsCommand,
  },
];

/** The entry `argv` names (its first word that is not an option), or undefined (help, version, a typo). */
export function namedCommand(argv: readonly string[]): CommandEntry | undefined {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return commandEntries.find((entry) => entry.name === first);
}
