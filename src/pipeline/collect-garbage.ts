// A full garbage collection on demand, for the one moment a run drops a large block of memory at
// once: the pilot's values, once every histogram is laid out. Left to itself, V8 frees that block
// only at its next full collection of the old generation, which a run that allocates little while
// it counts may not reach before it ends; the block then stays in the peak memory of the whole run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Pilots smaller than this are left to the collector: a full collection costs ≈ 5–10 ms. */
export const collectAfterPilotBytes = 16 * 1024 * 1024;

let collect: (() => void) | undefined;
/** What the collection under way must not free (a module variable: a root however the caller is compiled). */
let keptThrough: unknown;

/**
 * Runs a full, synchronous garbage collection of this thread's heap. V8 gives contexts made after
 * `--expose-gc` is set a global `gc` function, so the flag is set once and a new context hands the
 * function over (the flag does nothing but add that global to later contexts; `node --expose-gc`
 * sets it at start).
 *
 * `keep` stays reachable through the collection. A full collection frees every map that no live
 * object has any more (the maps objects take as their constructors fill them in are held only
 * weakly by the maps before them) and deoptimises the code V8 optimised for those maps (the reason
 * `--trace-deopt-verbose` gives is "weak objects"). Between two blocks of a run no stream, law
 * runtime or law input is alive, so the collection after the pilot threw away the optimised code of
 * the random streams' fills, the parameter draws and the laws' steps, and the first block counted
 * ran it cold: 45–60 ms instead of 20–30 (10⁶ draws, one thread, three runs each). Kept through it,
 * the last pilot block's objects keep their maps.
 * @see https://nodejs.org/api/v8.html#v8setflagsfromstringflags
 * @see https://v8.dev/blog/fast-properties (maps and their transitions)
 */
export function collectGarbage(keep?: unknown): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  keptThrough = keep;
  collect();
  keptThrough = undefined;
}
