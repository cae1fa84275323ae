// The contract of a target kind (one file per kind in this folder, listed in registry.ts): how its
// YAML fields are read, how it reads in words, how the record judges it, what it asks of the future,
// and how it is judged draw by draw, block by block.
import type { KindFields, KindParseContext, TargetKindFields, UnitFamily } from '../../data/target-kind-fields.js';
import type { Observation, Target } from '../../data/types.js';
import type { PreparedVariable } from '../../model/prepared-model.js';
import type { BlockColumns } from '../../laws/law.js';
import type { YearColumns } from '../../simulate/simulate.js';
import type { RecordJudgement } from '../record-judgement.js';
import type { TargetNeed } from '../target-need.js';


export type { KindFields, KindParseContext, UnitFamily };

/** The per-draw work of one target within one block of draws (state lives only for the block). */
export interface KindBlock {
  /**
   * Called after each simulated year with the block's columns: the judged quantity as it stands
   * after that year (one value per draw of the block), or undefined while there is nothing to judge.
   * The array may be reused by the next call: callers read it before returning.
   */
  observe(columns: YearColumns): Float64Array | undefined;
  /**
   * After the target year (level kinds): each draw's growth factor from the variable's base year to
   * the target year, V_year / V_base, for `assumedCagr`; undefined when the variable has no base.
   * Handed over once (a second call gives undefined), so the block keeps no column it no longer needs.
   */
  ownGrowthFactor?(): Float64Array | undefined;
}

/** How one target on one variable is tracked through a simulation. */
export interface KindTracking {
  /** Variables whose previous year the kind reads (the simulation keeps only those). */
  readonly previousOf: readonly string[];
  /** How years already on record entered the judged quantity, in words. */
  readonly notes: readonly string[];
  /** Years the growth factor of `ownGrowthFactor` spans (level kinds with a base year before the target year). */
  readonly ownGrowthYears?: number;
  /**
   * Starts a block of `count` draws; `base` holds the base columns (levels at each variable's base year).
   * `columns` lends the block's per-draw state (taken back when the next block starts), so a run's
   * trackers leave no garbage behind each block.
   */
  startBlock(base: ReadonlyMap<string, Float64Array>, count: number, columns: BlockColumns): KindBlock;
}

/** A target kind: everything the engine knows about it lives in its own file. */
export interface TargetKindDefinition extends TargetKindFields {
  readonly name: string;
  /** How the report names the kind, Chinese and English. */
  readonly labelZh: string;
  readonly labelEn: string;
  /** YAML keys this kind reads beyond the common ones (e.g. `fromYear`). */
  readonly keys: readonly string[];
  /** The unit family of the bounds. */
  readonly unit: UnitFamily;
  /** The per-draw quantity judged, as targets.csv names it: `level`, `minimumGrowth`, `cagr`, `cumulative`, … */
  readonly judged: string;
  /**
   * First passage: whether the probability of having met the target by each year is tracked, and
   * whether past the target year (a level can be reached later than planned; a window's sum cannot).
   */
  readonly passage: 'none' | 'toTargetYear' | 'toHorizon';
  /** Reads the kind's own keys (bounds and common keys are read by the parser). */
  parse(item: Readonly<Record<string, unknown>>, context: KindParseContext): KindFields;
  /** The reading in words, e.g. "the level in 2025 at least 3000亿元". */
  describe(target: Target): string;
  /** What the record (observed rows of the target's series, in its unit) decides, with the deciding observations. */
  judgeOnRecord(target: Target, observations: readonly Observation[]): RecordJudgement;
  /** What the target asks from the latest record (required growth, or flow per year). */
  need(target: Target, observations: readonly Observation[]): TargetNeed;
  /**
   * The per-draw tracking of `target` (bounds in the variable's unit) on `variable`; `observations`
   * are the observed rows of the variable's own series (years already on record enter from them).
   */
  track(target: Target, variable: PreparedVariable, observations: readonly Observation[]): KindTracking;
}

/**
 * A lent column holding the first `count` values of `column`: a copy a kind's block may change in
 * place. Here, not beside the arena (src/simulate): `forecast data` loads the kinds, never the engine.
 * @example lentCopy(Float64Array.of(1, 2, 3), 2, newColumns); // => Float64Array [1, 2]
 */
export function lentCopy(column: Float64Array, count: number, columns: BlockColumns): Float64Array {
  const copy = columns.float64(count);
  copy.set(column.subarray(0, count));
  return copy;
}
