// Command-line options the planner's commands share beyond scenarioOptions: the worker-thread count.
import type { Argv } from 'yargs';
import { plannerMessages } from '../errors/messages.js';
import { defaultThreads } from './run-variants.js';

/**
 * Adds `--threads N` (worker threads for the variants; default min(2, cores)). Results are identical
 * for any N: each variant is a whole deterministic run, placed by its index.
 * @example threadsOption(yargs).parse(['--threads', '4']).threads; // => 4
 */
export function threadsOption(yargs: Argv): Argv {
  return yargs
    .option('threads', { type: 'number', default: defaultThreads(), describe: 'worker threads for the variants (results do not depend on it)' })
    .check((argv) => {
      const threads = argv.threads as number;
      if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new Error(plannerMessages.threads(argv.threads));
      return true;
    });
}
