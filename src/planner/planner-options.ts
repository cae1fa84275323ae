// The command-line option every command that can spread work over threads shares: the worker-thread count.
import type { Argv } from 'yargs';
import { plannerMessages } from '../errors/messages.js';
import { autoThreads, defaultThreads, isThreadCount } from '../pipeline/thread-count.js';

/**
 * The thread count `--threads` names: a whole number from 1 to maxThreads (src/pipeline/thread-count.ts),
 * or `auto` (autoThreads: every processor this process may keep busy, its cgroup's CPU limit included).
 * @throws Error (a usage error, exit 2) for anything else
 * @example threadsFrom('4'); // => 4
 * @example threadsFrom('auto'); // => 2 on a 2-core machine
 */
export function threadsFrom(value: unknown): number {
  if (value === 'auto') return autoThreads();
  const threads = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!isThreadCount(threads)) throw new Error(plannerMessages.threads(Number.isNaN(threads) ? value : threads));
  return threads;
}

/**
 * Adds `--threads N|auto` (default min(2, usable processors)). Results are identical for any N: a
 * planner's variant is a whole deterministic run placed by its index; a run's blocks draw their own streams.
 * @example threadsOption(yargs).parse(['--threads', '4']).threads; // => 4
 */
export function threadsOption(yargs: Argv): Argv {
  return yargs.option('threads', {
    type: 'string',
    default: String(defaultThreads()),
    defaultDescription: String(defaultThreads()),
    coerce: threadsFrom,
    describe: 'threads to use, or auto: every processor this process may use, its cgroup CPU limit included (results do not depend on it)',
  });
}
