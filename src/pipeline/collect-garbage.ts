// A full garbage collection on demand, for the one moment a run drops a large block of memory at
// once: the pilot's values, once every histogram is laid out. Left to itself, V8 frees that block
// only at its next full collection of the old generation, which a run that allocates little while
// it counts may not reach before it ends; the block then stays in the peak memory of the whole run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Pilots smaller than this are left to the collector: a full collection costs ≈ 5–10 ms. */
export const collectAfterPilotBytes = 16 * 1024 * 1024;

let collect: (() => void) | undefined;

/**
 * Runs a full, synchronous garbage collection of this thread's heap. V8 gives contexts made after
 * `--expose-gc` is set a global `gc` function, so the flag is set once and a new context hands the
 * function over (the flag does nothing but add that global to later contexts; `node --expose-gc`
 * sets it at start).
 * @see https://nodejs.org/api/v8.html#v8setflagsfromstringflags
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
