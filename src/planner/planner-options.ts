// The command-line option every command that can spread work over threads shares: the worker-thread count.
import type { Argv } from 'yargs';
import { plannerMessages } from '../errors/messages.js';
import { defaultThreads } from './run-variants.js';

/**
 * Adds `--threads N` (default min(2, cores)). Results are identical for any N: a planner's variant is
 * a whole deterministic run placed by its index; a run's model components draw their own streams.
 * @example threadsOption(yargs).parse(['--threads', '4']).threads; // => 4
 */
export function threadsOption(yargs: Argv): Argv {
  return yargs
    .option('threads', { type: 'number', default: defaultThreads(), describe: 'threads to use (results do not depend on it)' })
    .check((argv) => {
      const threads = argv.threads as number;
      if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new Error(plannerMessages.threads(argv.threads));
      return true;
    });
}
