// Sample paths for audit and notebooks: the values of a few chosen draws of every variable, every year.
import type { PreparedModel } from '../model/prepared-model.js';
import type { DrawBlock } from '../simulate/draw-blocks.js';
import type { YearColumns } from '../simulate/simulate.js';

/** One value of one sampled path: `variable` in `year` along draw number `draw` (0-based). */
export interface DrawPoint {
  readonly draw: number;
  readonly variable: string;
  readonly year: number;
  readonly value: number;
}

/** An observer of a simulation that copies the chosen draws out of every column. */
export interface DrawsTracker {
  observeBase(base: ReadonlyMap<string, Float64Array>, block: DrawBlock): void;
  observe(columns: YearColumns): void;
  /** The points, ordered by draw, then variable (model evaluation order), then year. */
  points(): DrawPoint[];
}

/**
 * Keeps `drawIndices` of every variable: its base level (at the variable's base year) and each
 * simulated year. Memory is draws kept × variables × years, never the full columns.
 * @param model the prepared model being simulated (for variable order and base years)
 * @param drawIndices 0-based draw numbers, e.g. from selectDrawIndices(draws, 100)
 * @example trackDraws(prepared, [0, 5]).points().length; // => 0 before the simulation runs
 */
export function trackDraws(model: PreparedModel, drawIndices: readonly number[]): DrawsTracker {
  const variables = model.variables.map((v) => v.spec.name);
  const order = new Map(variables.map((name, i) => [name, i]));
  const baseYears = new Map(model.variables.map((v) => [v.spec.name, v.baseYear]));
  const kept: DrawPoint[] = [];
  /** The chosen draws inside a block, as (draw, index in the block's columns). */
  const inBlock = (block: DrawBlock) => drawIndices.filter((d) => d >= block.offset && d < block.offset + block.count);
  const keep = (variable: string, year: number, column: Float64Array, block: DrawBlock) => {
    for (const draw of inBlock(block)) kept.push({ draw, variable, year, value: column[draw - block.offset] });
  };
  return {
    observeBase(base, block) {
      for (const variable of variables) {
        const column = base.get(variable);
        const year = baseYears.get(variable);
        if (column && year !== undefined) keep(variable, year, column, block);
      }
    },
    observe(columns) {
      for (const variable of variables) {
        const column = columns.current(variable);
        if (column) keep(variable, columns.year, column, columns.block);
      }
    },
    points() {
      return [...kept].sort((a, b) => a.draw - b.draw || order.get(a.variable)! - order.get(b.variable)! || a.year - b.year);
    },
  };
}
