// `forecast run` and `forecast merge` keep their main thread's young generation at V8's starting size
// (1 MB semi-spaces, the size the engine workers are given: `workerYoungGenerationMb` in
// src/pipeline/engine-pool.ts), or one step above it: a run on two threads may grow it once, to 2 MB,
// in the moment between a worker's start and the next pilot block.
//
// Why: V8 doubles a thread's semi-spaces whenever more bytes have survived scavenges since the last
// growth than they hold, up to 16 MB each on 64-bit. Loading the run's code and data, calibrating and
// laying out the histograms keep much of what they allocate, so the main thread's grew to 16 MB, and
// every page of both then stayed in RSS for the rest of the run, while what the engine allocates as it
// counts is garbage within a block (a few columns).
//
// How: V8 reads its growth factor at each growth, so a factor of 1 set at run time stops the growths
// still to come. V8 raises the factor back to 2 whenever it sets up a heap (Heap::ConfigureHeap):
// node's `--semi-space-growth-factor=1` is undone before any code runs, and a worker's start undoes
// it for the whole process. So the CLI sets it before it loads either command (src/cli/main.ts, a
// command entry's `smallYoungGeneration`), and a run that starts workers sets it again after each
// pilot block, while they start (src/pipeline/run-scenario-in-parallel.ts). A library user who does
// not call keepYoungGenerationSmall keeps V8's behaviour.
//
// Measured with farm-bench against the build before, interleaved pairs: `run --draws 1000000` on two
// threads peaks at 117.1 MB against 133.8 (5 pairs) at 0.988× the wall time; the default run at 102.3
// against 121.7 MB (9 pairs) at 1.023×; `merge` of the two parts of a 10⁶-draw run at 114.4 against
// 156.2 MB (7 pairs) at 1.046× (each build merging its own parts). Set in the command's handler
// instead, after its modules had loaded, the run's peak was 122.3 MB: they grow it once already.
//
// Those two only: other commands that keep much of what they allocate pay in time (`backtest --m3`
// on M3 yearly: 1.13× the wall time; `compare` 1.06×), and the sweep's and sensitivity's peaks are
// made of other things (185.6 against 187.1 MB; 226 against 228).
//
// Not earlier than the command: node rejects the code cache of a built-in module compiled after a V8
// flag has changed (the cache is keyed by a hash of the flags), which cost `forecast --help` 12 ms
// when the flag was set first thing (0.096 against 0.084 s, 15 pairs). node's
// `--max-semi-space-size=1`, which bounds the semi-spaces for good, costs every command the same way
// from node's command line (0.105 against 0.089 s for `--help`), and as `#!/usr/bin/env -S node …`
// it would not start where `env` has no -S (BusyBox). Should a later V8 ignore the factor set at run
// time, runs only take more memory, and test/cli/young-generation.test.ts fails.
// @see https://nodejs.org/api/v8.html#v8setflagsfromstringflags
import { setFlagsFromString } from 'node:v8';

const noGrowth = '--semi-space-growth-factor=1';
let kept = false;

/** From now on this process's young generations keep their size (the CLI calls it for run and merge). */
export function keepYoungGenerationSmall(): void {
  kept = true;
  setFlagsFromString(noGrowth);
}

/** Sets the factor again if keepYoungGenerationSmall was called: a worker's start sets it back. */
export function keepYoungGenerationSmallAgain(): void {
  if (kept) setFlagsFromString(noGrowth);
}
