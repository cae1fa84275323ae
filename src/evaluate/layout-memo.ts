// Histogram layouts found again by their pilot's values, for runs of one scenario that differ in a
// few assumptions (a sweep's variants, sensitivity's runs, solve's bisection).
//
// Every such run draws the same random numbers (common random numbers: the streams are keyed by
// seed, variable and block), so a variable the changed assumptions do not reach has the same pilot
// values in every run, and so the same layout: a layout is a pure function of the pilot's values,
// the probabilities and the run's draw count (planHistogramLayout, histogramLayoutOf). In a sweep of
// the AI core's growth at 100,000 draws, 9 of the 15 layouts of each variant after the first are
// found again (a variant lays out only its targets' summaries: RunOptions.targetsOnly).
import { createHash } from 'node:crypto';
import { histogramLayoutOf, planHistogramLayout, type HistogramLayout } from './histogram-quantile-accumulator.js';

/**
 * The layouts of this run and of the run before it, by the SHA-256 of the pilot's bytes with the
 * probabilities and the draw count: two generations, so memory stays that of two runs' layouts
 * however many runs there are. Layouts are frozen (nothing writes to their tables), so runs share them.
 */
export class LayoutMemo {
  private previous = new Map<string, HistogramLayout>();
  private current = new Map<string, HistogramLayout>();
  /** Layouts made and layouts found again, since the memo was made. */
  made = 0;
  found = 0;

  /** Begins a run: the layouts of the run before stay findable, older ones are let go. */
  nextRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /**
   * The layout of a summary whose pilot gave `values`: planHistogramLayout and histogramLayoutOf,
   * unless this run or the one before laid out the same values for the same probabilities and draws.
   */
  layoutOf(values: Float64Array, probabilities: readonly number[], expectedCount: number): HistogramLayout {
    // The header first (its fields cannot run into each other), then the values' bytes.
    const key = createHash('sha256')
      .update(`${values.length} ${expectedCount} ${probabilities.join(',')}\0`)
      .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
      .digest('base64');
    let layout = this.current.get(key) ?? this.previous.get(key);
    if (layout) this.found++;
    else {
      layout = histogramLayoutOf(planHistogramLayout(values, probabilities, expectedCount));
      this.made++;
    }
    this.current.set(key, layout);
    return layout;
  }
}
