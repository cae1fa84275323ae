// How many threads a run or a planner's variants may use: one rule for the CLI's --threads and for
// library callers (runProject, runScenarioInParallel, runSweep, runSensitivity).
import { usableProcessors } from '../io/processors.js';

/** The most threads a command or a library call takes (docs/security.md). */
export const maxThreads = 64;

/** Whether `threads` is a thread count: a whole number from 1 to maxThreads. */
export function isThreadCount(threads: number): boolean {
  return Number.isInteger(threads) && threads >= 1 && threads <= maxThreads;
}

/**
 * `threads` when it is a thread count (isThreadCount).
 * @throws RangeError otherwise: a library caller's mistake, before any worker starts
 * @example checkedThreads(2); // => 2
 */
export function checkedThreads(threads: number): number {
  if (!isThreadCount(threads)) throw new RangeError(`threads must be a whole number from 1 to ${maxThreads}, got ${threads}`);
  return threads;
}

/**
 * The default: two threads (this one and a worker), or one where this process may keep only one
 * processor busy (a single core, or a container given one CPU); more rarely pays for the copies.
 */
export function defaultThreads(): number {
  return Math.min(2, usableProcessors());
}

/** `auto`: every processor this process may keep busy (usableProcessors), at most maxThreads. */
export function autoThreads(): number {
  return Math.min(maxThreads, usableProcessors());
}
