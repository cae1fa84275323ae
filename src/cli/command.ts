// One CLI command: its yargs wiring and the function that runs it (one file per command in commands/).
import type { Argv } from 'yargs';
import type { CliIo } from './cli-io.js';

/** A command of `forecast`: `builder` declares its options; `run` does the work and returns an exit code. */
export interface CommandDefinition {
  /** yargs command string, e.g. `data [series]`. */
  readonly command: string;
  readonly describe: string;
  builder(yargs: Argv): Argv;
  run(argv: Record<string, unknown>, io: CliIo): Promise<number>;
}
