// The histogram layouts of a part laid out by all its threads at once (the pilot's values are this
// thread's; laying out ≈ 100 summaries from 32,768 values each takes it a third of a second alone):
//   1 this thread runs the pilot; each worker that is ready (its setup revived) gets the pilot values
//     of its share of the summaries (summary k: thread k mod threads)
//   2 every thread lays out its share; this thread then helps with the workers' shares, claiming
//     their summaries from the same counter: a worker that starts late costs no waiting (this thread
//     then lays out its whole share)
//   3 the layouts are put together and sent to every worker
// A layout depends only on the pilot values, so the layouts — and the files — are those of one
// thread laying out everything (tested: identical files for 1, 2 and 3 threads).
import type { HistogramLayoutSpec } from '../evaluate/histogram-quantile-accumulator.js';
import type { QuantileSummaries } from '../evaluate/quantile-summaries.js';
import { claimSlots } from './claim-blocks.js';

/** The thread (0: the calling thread, 1 …: the workers) whose share summary k is in. */
export function plannerOf(k: number, threads: number): number {
  return k % threads;
}

/** The summaries of thread `thread`'s share, ascending. */
export function shareOf(thread: number, threads: number, summaries: number): number[] {
  return Array.from({ length: summaries }, (_, k) => k).filter((k) => plannerOf(k, threads) === thread);
}

/** The counter's slot of worker `worker`'s share (the next position to claim). */
export function shareSlot(worker: number): number {
  return claimSlots.layouts + 2 * (worker - 1);
}

/** The counter's slot that worker `worker` sets to 1 once it is ready to lay out. */
export function readySlot(worker: number): number {
  return shareSlot(worker) + 1;
}

/**
 * Copies of the pilot values of worker `worker`'s share of the summaries (null elsewhere, and where a
 * summary has none), to be handed to it.
 */
export function shareValues(quantiles: QuantileSummaries, worker: number, threads: number): (Float64Array | null)[] {
  return Array.from({ length: quantiles.size }, (_, k) => {
    const values = plannerOf(k, threads) === worker ? quantiles.pilotValues(k) : undefined;
    return values && values.length > 0 ? values.slice() : null;
  });
}

/**
 * Lays out the summaries of worker `worker`'s share that this thread claims (position by position
 * from the counter's slot of that share, until it is used up). `quantiles` holds the pilot values
 * (this thread's own), or `given` does (a worker's, by summary).
 * @returns the layouts made, by summary (undefined for those not claimed here), and how many of the share
 */
export function layOutClaimed(
  quantiles: QuantileSummaries,
  counter: Int32Array,
  worker: number,
  threads: number,
  given?: readonly (Float64Array | null)[],
): { readonly layouts: (HistogramLayoutSpec | null | undefined)[]; readonly made: number; readonly share: number } {
  const share = shareOf(worker, threads, quantiles.size);
  const layouts: (HistogramLayoutSpec | null | undefined)[] = new Array(quantiles.size).fill(undefined);
  let made = 0;
  for (;;) {
    const position = Atomics.add(counter, shareSlot(worker), 1);
    if (position >= share.length) return { layouts, made, share: share.length };
    const k = share[position];
    layouts[k] = quantiles.planLayout(k, given?.[k] ? [given[k]!] : []);
    made++;
  }
}
