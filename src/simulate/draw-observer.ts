// Anything that watches a simulation draw by draw: target trackers, sampled paths, per-draw outcomes.
import type { DrawBlock } from './draw-blocks.js';
import type { YearColumns } from './simulate.js';

export interface DrawObserver {
  /** Variables whose previous year this observer reads through YearColumns.previous. */
  readonly previousOf?: readonly string[];
  /** The start of a block: its base columns (levels at each variable's base year), before its first year. */
  observeBase?(base: ReadonlyMap<string, Float64Array>, block: DrawBlock): void;
  /** The columns of one block in one simulated year; called per block once per year, in order. */
  observe(columns: YearColumns): void;
}
