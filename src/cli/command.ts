// One CLI command: its yargs wiring and the function that runs it (one file per command in commands/).
import type { Argv } from 'yargs';
import type { CliIo } from './cli-io.js';

/**
 * A command of `forecast`: `builder` declares its options; `run` does the work and returns an exit
 * code. Its usage and description live in commands/index.ts, so help needs no command loaded.
 */
export interface CommandDefinition {
  builder(yargs: Argv): Argv;
  run(argv: Record<string, unknown>, io: CliIo): Promise<number>;
}
