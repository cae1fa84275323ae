// Per-draw outcome of one target: the judged quantity of every draw and whether that draw meets the target.
//
// Mirrors the accumulators of evaluate/track-target.ts draw for draw (test/planner checks that
// the share of met draws equals TargetResult.probabilityMet), but keeps the per-draw values so
// that planners can pair scenarios (compare) and rank inputs (sensitivity).
import type { Observation, Target } from '../data/types.js';
import { fullYearLevels, recordedMinimumGrowth } from '../evaluate/known-history.js';
import { meetsBounds } from '../evaluate/meets-bounds.js';
import type { PreparedVariable } from '../pipeline/prepared-model.js';
import type { DrawBlock } from '../simulate/draw-blocks.js';
import type { YearColumns } from '../simulate/simulate.js';

/** An observer of a simulation that keeps one target's judged quantity per draw. */
export interface JudgedQuantityTracker {
  readonly target: string;
  readonly variable: string;
  /** Variables whose previous year the tracker reads. */
  readonly previousOf: readonly string[];
  observeBase(base: ReadonlyMap<string, Float64Array>, block: DrawBlock): void;
  observe(columns: YearColumns): void;
  /** Per-draw outcome once the simulation is done. */
  outcome(): TargetOutcome;
}

/** One target's per-draw outcome in one run. */
export interface TargetOutcome {
  readonly target: string;
  /** The judged quantity per draw (level, smallest yearly growth, CAGR or cumulative count); NaN when the year was not reached. */
  readonly values: Float64Array;
  /** 1 when the draw meets the target, else 0. */
  readonly met: Uint8Array;
}

/**
 * Creates the tracker of `target` (already in the variable's unit) on `variable`:
 * - level / share: the level in the target year;
 * - growthEachYear: the smallest yearly growth over fromYear … year (years on record judged on the record);
 * - cagr: (level_year / level_(fromYear−1))^(1/span) − 1;
 * - cumulative: the flow summed over baseYear+1 … year, years on record counted from the record.
 * @example trackJudgedQuantity(target, prepared.variables[0], observations, 1000).outcome().met.length; // => 1000
 */
export function trackJudgedQuantity(
  target: Target,
  variable: PreparedVariable,
  observations: readonly Observation[],
  draws: number,
): JudgedQuantityTracker {
  const name = variable.spec.name;
  const kind = target.kind;
  const varBase = variable.baseYear ?? variable.firstYear - 1;
  const fromYear = target.fromYear ?? target.year;
  const levels = fullYearLevels(observations);
  // Per draw over the whole run (the planners pair draws across runs); written block by block at the
  // block's offset. A cagr window's start level is per block.
  const quantity = new Float64Array(draws);
  let recordedStart: number | undefined;
  let startColumn: Float64Array | undefined;
  let judgedYearSeen = false;
  let recordedMinimum = Number.NaN;
  let known = 0;

  // 1. What the record already fixes.
  if (kind === 'growthEachYear') recordedMinimum = recordedMinimumGrowth(observations, fromYear, Math.min(target.year, varBase)).minimum;
  if (kind === 'cumulative') {
    const baseYear = target.baseYear ?? varBase;
    for (let year = baseYear + 1; year <= Math.min(target.year, varBase); year++) known += levels.get(year)?.value ?? 0;
  }
  if (kind === 'cagr' && fromYear - 1 < varBase) recordedStart = levels.get(fromYear - 1)?.value;

  // 2. What the simulation adds, block by block, year by year.
  return {
    target: target.id,
    variable: name,
    previousOf: kind === 'growthEachYear' ? [name] : [],
    observeBase(base, block) {
      const own = quantity.subarray(block.offset, block.offset + block.count);
      if (kind === 'growthEachYear') own.fill(recordedMinimum);
      if (kind === 'cumulative') own.fill(known);
      const column = base.get(name);
      // Copied: the simulation reuses the base buffer for later years.
      startColumn = recordedStart !== undefined ? new Float64Array(block.count).fill(recordedStart) : kind === 'cagr' && column ? Float64Array.from(column) : undefined;
    },
    observe(columns) {
      const year = columns.year;
      const { offset, count } = columns.block;
      const current = columns.current(name);
      if (!current || year > target.year) return;
      const own = quantity.subarray(offset, offset + count);
      const previous = kind === 'growthEachYear' ? columns.previous(name) : undefined;
      if (kind === 'cagr' && year === fromYear - 1) startColumn = Float64Array.from(current);
      if (kind === 'growthEachYear' && year >= fromYear && previous) {
        for (let i = 0; i < count; i++) {
          const growth = current[i] / previous[i] - 1;
          if (growth < own[i]) own[i] = growth;
        }
      }
      if (kind === 'cumulative' && year > varBase) for (let i = 0; i < count; i++) own[i] += current[i];
      if ((kind === 'level' || kind === 'share') && year === target.year) own.set(current);
      if (kind === 'cagr' && year === target.year && startColumn) {
        const span = target.year - fromYear + 1;
        for (let i = 0; i < count; i++) own[i] = Math.pow(current[i] / startColumn[i], 1 / span) - 1;
      }
      if (year === target.year) judgedYearSeen = true;
    },
    outcome() {
      if (!judgedYearSeen) quantity.fill(Number.NaN);
      const met = new Uint8Array(draws);
      for (let i = 0; i < draws; i++) met[i] = meetsBounds(quantity[i], target.lower, target.upper) ? 1 : 0;
      return { target: target.id, values: quantity, met };
    },
  };
}
