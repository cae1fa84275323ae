// Anything that watches a simulation draw by draw: target trackers, sampled paths, per-draw outcomes.
import type { YearColumns } from './simulate.js';

export interface DrawObserver {
  /** Variables whose previous year this observer reads through YearColumns.previous. */
  readonly previousOf?: readonly string[];
  /** The base columns (levels at each variable's base year), before the first simulated year. */
  observeBase?(base: ReadonlyMap<string, Float64Array>): void;
  /** The columns of one simulated year; called once per year, in order. */
  observe(columns: YearColumns): void;
}
