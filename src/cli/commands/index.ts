// Every command of `forecast`, in the order `--help` lists them. One file per command, loaded only
// when it is the command being run (start-up stays fast: `forecast data` never loads vega or mathjs).
import type { CommandDefinition } from '../command.js';

export interface CommandEntry {
  /** The command's name, the first word of its yargs command string. */
  readonly name: string;
  readonly load: () => Promise<CommandDefinition>;
}

export const commandEntries: readonly CommandEntry[] = [
  { name: 'run', load: async () => (await import('./run.js')).runCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'compare', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'sweep', load: async () => (await import('./sweep.js')).sweepCommand },
  { name: 'sensitivity', load: async () => (await import('./sensitivity.js')).sensitivityCommand },
  { name: 'solve', load: async () => (await import('./solve.js')).solveCommand },
  { name: 'explain', load: async () => (await import('./explain.js')).explainCommand },
  { name: 'backtest', load: async () => (await import('./backtest.js')).backtestCommand },
  { name: 'validate', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'data', load: async () => (await import('./data.js')).dataCommand },
  { name: 'targets', load: async () => (await import('./targets.js')).targetsCommand },
];

/** The commands needed to parse `argv`: only the named one when argv names one, else all (for help). */
export async function loadCommands(argv: readonly string[]): Promise<CommandDefinition[]> {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const named = commandEntries.find((entry) => entry.name === first);
  const entries = named ? [named] : commandEntries;
  return Promise.all(entries.map((entry) => entry.load()));
}
