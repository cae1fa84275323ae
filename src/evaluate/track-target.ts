// The one tracker of a target through a simulation, for `run`, the planner commands and the report:
// its kind computes the judged quantity draw by draw; this turns it into counts, first-passage counts
// and quantile summaries, block by block (contract B), and into a TargetResult at the end.
//
//   beginBlock(count) → observeBase(base) → observe(columns) per year → endBlock()   (once per block of draws)
//   result()   reads only the state merged over blocks: integer counts and quantile accumulators
//   state() / absorb(state)   that merged state as plain data: a worker's or a shard's blocks fold in
import type { Observation, Target } from '../data/types.js';
import { nextDown, nextUp } from '../math/next-double.js';
import type { PreparedVariable } from '../model/prepared-model.js';
import { blockColumns } from '../simulate/block-columns.js';
import { blockSize } from '../simulate/draw-blocks.js';
import type { YearColumns } from '../simulate/simulate.js';
import { historicalCagr } from './known-history.js';
import { ExactQuantileAccumulator, type PortableQuantileAccumulator, type QuantileState } from './quantile-accumulator.js';
import type { TargetOutcome } from './target-outcome.js';
import type { TargetResult } from '../model/target-result.js';
import { projectedStatus } from './target-status.js';
import { targetKind } from './target-kinds/registry.js';
import type { KindBlock, KindTracking } from './target-kinds/target-kind.js';
import { recordCondition } from './record-condition.js';

/** An observer of the simulation, driven block by block, that turns into a TargetResult at the end. */
export interface TargetTracker {
  readonly target: Target;
  /** The variable the target is judged on. */
  readonly variable: string;
  /** Variables whose previous year the tracker reads (the simulation keeps only those). */
  readonly previousOf: readonly string[];
  /** Starts a block of `count` draws (columns hold at least `count` values; only the first `count` are read). */
  beginBlock(count: number): void;
  /** The base columns of the block (levels at each variable's base year). */
  observeBase(base: ReadonlyMap<string, Float64Array>): void;
  /** The columns of one simulated year of the block. */
  observe(columns: YearColumns): void;
  /** Folds the block into the merged counts; per-draw state is dropped. */
  endBlock(): void;
  result(): TargetResult;
  /** Per-draw values and met flags over every block (only when created with `keepDraws`). */
  outcome(): TargetOutcome | undefined;
  /** The state merged over the blocks seen so far, as plain data (never the per-draw values of keepDraws). */
  state(): TrackerState;
  /**
   * Folds in the state of a tracker of the same target over other blocks (a worker's, a shard's): counts
   * add, quantile summaries absorb. The order of absorbing does not change the result.
   * @throws Error (a bug in the caller) when the blocks would exceed the run's draws
   */
  absorb(state: TrackerState): void;
}

/** What survives a tracker's blocks, as plain data (structured-cloneable, written to shard parts). */
export interface TrackerState {
  /** Draws in the blocks begun. */
  readonly begun: number;
  /** `consistent`: draws of the target year within the record's bound on it (all seen draws when the record sets none). */
  readonly counts: { readonly finite: number; readonly met: number; readonly below: number; readonly above: number; readonly aspiration: number; readonly seen: number; readonly consistent: number };
  /** [year, draws met by then] (first passage), and [year, draws met in that year]. */
  readonly passage: readonly (readonly [number, number])[];
  readonly metInYear: readonly (readonly [number, number])[];
  readonly judged: QuantileState;
  readonly growthFactors?: QuantileState;
}

/** What a tracker needs besides its target. */
export interface TrackTargetOptions {
  /** The target, bounds in the variable's unit. */
  readonly target: Target;
  readonly variable: PreparedVariable;
  /** Observed rows of the variable's series (years on record enter from them; required growth is measured from them). */
  readonly observations: readonly Observation[];
  /** Draws in the whole run (the blocks add up to it). */
  readonly draws: number;
  /** Keep each draw's judged quantity and met flag (planners pair them across runs). */
  readonly keepDraws?: boolean;
  /**
   * The quantile summaries to use, for the probabilities the tracker reads (default: exact): p05, p50
   * and p95 of the judged quantity, the median of the growth factor.
   */
  readonly quantiles?: (probabilities: readonly number[]) => PortableQuantileAccumulator;
}

const p3 = [0.05, 0.5, 0.95] as const;
const median = [0.5] as const;

/** Whether a tracker keeps each draw's growth factor (for assumedCagr): its kind says how many years it spans. */
function keepsGrowthFactors(tracking: Pick<KindTracking, 'ownGrowthYears'>): boolean {
  return tracking.ownGrowthYears !== undefined;
}

/**
 * The quantile summaries trackTarget holds for a target: its judged quantity's, and its growth
 * factor's when it keeps one (a level target on a variable with a base year before the target year).
 * The check before simulating counts them against the limit on held values.
 * @example trackedSummaries(target, variable, observations); // => 2 for a level target in a year after its variable's base year
 */
export function trackedSummaries(target: Target, variable: PreparedVariable, observations: readonly Observation[]): 1 | 2 {
  return keepsGrowthFactors(targetKind(target.kind).track(target, variable, observations)) ? 2 : 1;
}

/**
 * Creates the tracker of a target on a variable. Per draw, in the target year: met when the judged
 * quantity meets the commitment (≥ or >) and the ceiling where the text states one; short of the
 * commitment counts in probabilityBelow; past the aspiration, past an approx target's x(1 + t) or past
 * the ceiling counts in probabilityAbove (only the ceiling's is a miss); at or past the aspiration in
 * probabilityAspiration. First passage (kinds that track it): met in some year so far for a target
 * without a ceiling, met in that very year with one (a later breach undoes it).
 * @example trackTarget({ target, variable, observations, draws: 1000 }).result().probabilityMet; // => after a simulation drove it
 */
export function trackTarget(options: TrackTargetOptions): TargetTracker {
  const { target, variable, observations, draws } = options;
  const kind = targetKind(target.kind);
  const tracking = kind.track(target, variable, observations);
  const name = variable.spec.name;
  const newQuantiles: (probabilities: readonly number[]) => PortableQuantileAccumulator = options.quantiles ?? (() => new ExactQuantileAccumulator());

  // Bounds as plain numbers, so the per-draw tests are comparisons (NaN fails every one of them).
  const low = target.lower?.value ?? Number.NEGATIVE_INFINITY;
  const lowInclusive = target.lower?.inclusive ?? true;
  const ceiling = target.upper?.value ?? Number.POSITIVE_INFINITY;
  const ceilingInclusive = target.upper?.inclusive ?? true;
  // The figure above which a draw counts in probabilityAbove: the ceiling, the aspiration or approx's x(1 + t).
  const upperFigure = target.upper?.value ?? target.aspiration ?? (target.approx ? Math.max(target.approx.value * (1 - target.approx.tolerance), target.approx.value * (1 + target.approx.tolerance)) : Number.POSITIVE_INFINITY);
  const aboveInclusive = target.upper ? !ceilingInclusive : false;
  const aspiration = target.aspiration ?? Number.NaN;
  const everMet = kind.passage !== 'none' && !target.upper;
  // What the record already says about the variable's level in the target year (a bound, a part of
  // the year): draws outside it are impossible, and the verdict is read from the others.
  const condition = recordCondition(observations, target.year);
  let masked: Float64Array | undefined;

  // Merged state: what survives blocks.
  const counts = { finite: 0, met: 0, below: 0, above: 0, aspiration: 0, seen: 0, consistent: 0 };
  const passageCounts = new Map<number, number>();
  const metInYearCounts = new Map<number, number>();
  const judgedQuantiles = newQuantiles(p3);
  const growthFactors = keepsGrowthFactors(tracking) ? newQuantiles(median) : undefined;
  const kept = options.keepDraws ? { values: new Float64Array(draws).fill(Number.NaN), met: new Uint8Array(draws) } : undefined;
  /** Draws in the blocks begun so far (blocks may come in any order; they add up to `draws`). */
  let begun = 0;

  // Per-block state, in memory reused block after block (a block's garbage would be part of the peak).
  let count = 0;
  let block: KindBlock | undefined;
  let lent = blockColumns(blockSize);
  let flags = new Uint8Array(0);
  let everFlags: Uint8Array | undefined;
  let everCount = 0;

  return {
    target,
    variable: name,
    previousOf: tracking.previousOf,
    beginBlock(size) {
      if (begun + size > draws) throw new Error(`internal: blocks of ${target.id} exceed ${draws} draws`);
      begun += size;
      count = size;
      if (size > lent.size) lent = blockColumns(size);
      lent.reset();
      if (everMet) {
        if (flags.length < size) flags = new Uint8Array(size);
        everFlags = flags.subarray(0, size).fill(0);
      }
      everCount = 0;
    },
    observeBase(base) {
      block = tracking.startBlock(base, count, lent);
    },
    observe(columns) {
      if (!block) throw new Error(`internal: ${target.id} observed a year before its block's base`);
      const year = columns.year;
      const values = block.observe(columns);
      if (!values) return;
      const tracksYear = kind.passage === 'toHorizon' || (kind.passage === 'toTargetYear' && year <= target.year);
      if (tracksYear) {
        // One pass: the draws meeting it this year and, for first passage, those meeting it for the first time.
        const inYear = everFlags ? countAndMarkMet(values, count, everFlags, low, lowInclusive, ceiling, ceilingInclusive) : countMet(values, count, low, lowInclusive, ceiling, ceilingInclusive);
        metInYearCounts.set(year, (metInYearCounts.get(year) ?? 0) + inYear);
        if (everFlags) everCount += newlyMarked;
        passageCounts.set(year, (passageCounts.get(year) ?? 0) + (everFlags ? everCount : inYear));
      }
      if (year !== target.year) return;
      counts.seen += count;
      let judged = values;
      let factor = block.ownGrowthFactor?.();
      if (condition) {
        // Draws whose level of the year the record excludes become NaN: counted in nothing, summarised in nothing.
        const level = columns.current(name);
        if (!masked || masked.length < count) masked = new Float64Array(count);
        let consistent = 0;
        for (let i = 0; i < count; i++) {
          const inside = level !== undefined && condition.contains(level[i]);
          masked[i] = inside ? values[i] : Number.NaN;
          consistent += inside as unknown as number;
          if (factor && !inside) factor[i] = Number.NaN;
        }
        counts.consistent += consistent;
        judged = masked;
      } else counts.consistent += count;
      const c = countAgainst(judged, count, low, lowInclusive, ceiling, ceilingInclusive, upperFigure, aboveInclusive, aspiration);
      counts.finite += c.finite;
      counts.below += c.below;
      counts.met += c.finite - c.below - c.breach;
      counts.above += c.above;
      counts.aspiration += c.aspiration;
      judgedQuantiles.add(judged, count);
      if (growthFactors && factor) growthFactors.add(factor, count);
      factor = undefined;
      if (kept) {
        // At the block's own draws: blocks may be simulated in any order.
        const at = columns.block.offset;
        kept.values.set(judged.subarray(0, count), at);
        for (let i = 0; i < count; i++) kept.met[at + i] = meets(judged[i], low, lowInclusive, ceiling, ceilingInclusive) ? 1 : 0;
      }
    },
    endBlock() {
      block = undefined;
      everFlags = undefined;
    },

    result() {
      const notes = [...tracking.notes];
      const seen = counts.seen === draws && draws > 0;
      if (!seen) notes.push(`the simulation does not reach ${target.year}`);
      // Shares of the draws the record allows (all of them unless the record bounds the year).
      const base = condition ? counts.consistent : draws;
      if (condition && seen) notes.push(`${condition.text}: ${counts.consistent} of ${draws} draws within it, the others left out`);
      const share = (n: number) => (seen && base > 0 ? n / base : Number.NaN);
      const probabilityMet = share(counts.met);
      const [p05, p50, p95] = seen && base > 0 ? judgedQuantiles.quantiles(p3) : [Number.NaN, Number.NaN, Number.NaN];
      const rate = kind.unit === 'rate';
      const { gap, gapRelative } = gapOf(p50, target, rate);
      const need = kind.need(target, observations);
      const years = tracking.ownGrowthYears;
      const assumed = rate ? p50 : growthFactors && years !== undefined && seen && base > 0 ? Math.pow(growthFactors.quantiles(median)[0], 1 / years) - 1 : Number.NaN;
      const years_ = [...passageCounts.keys()].sort((a, b) => a - b);
      const firstYearMedianMeets = years_.find((y) => (metInYearCounts.get(y) ?? 0) * 2 >= draws && draws > 0);
      return {
        target,
        variable: name,
        unit: rate ? 'rate' : target.unit,
        judged: kind.judged,
        draws,
        probabilityMet,
        probabilityMetSe: Math.sqrt((probabilityMet * (1 - probabilityMet)) / base),
        probabilityBelow: share(counts.below),
        probabilityAbove: target.upper || target.aspiration !== undefined || target.approx ? share(counts.above) : Number.NaN,
        probabilityAspiration: target.aspiration !== undefined ? share(counts.aspiration) : Number.NaN,
        p05,
        p50,
        p95,
        gap,
        gapRelative,
        requiredCagr: need.requiredCagr ?? Number.NaN,
        assumedCagr: assumed,
        historicalCagr: historicalCagr(observations),
        ...(firstYearMedianMeets !== undefined ? { firstYearMedianMeets } : {}),
        status: projectedStatus(probabilityMet),
        firstPassage: years_.map((year) => ({ year, probability: passageCounts.get(year)! / draws })),
        ...(condition ? { conditioned: { low: condition.interval.low, high: condition.interval.high, draws: seen ? counts.consistent : 0, text: condition.text, rows: condition.rows } } : {}),
        notes,
      };
    },

    outcome() {
      return kept ? { target: target.id, values: kept.values, met: kept.met } : undefined;
    },

    state() {
      return {
        begun,
        counts: { ...counts },
        passage: [...passageCounts],
        metInYear: [...metInYearCounts],
        judged: judgedQuantiles.state(),
        ...(growthFactors ? { growthFactors: growthFactors.state() } : {}),
      };
    },

    absorb(state) {
      if (begun + state.begun > draws) throw new Error(`internal: the blocks absorbed by ${target.id} exceed ${draws} draws`);
      begun += state.begun;
      counts.finite += state.counts.finite;
      counts.met += state.counts.met;
      counts.below += state.counts.below;
      counts.above += state.counts.above;
      counts.aspiration += state.counts.aspiration;
      counts.seen += state.counts.seen;
      counts.consistent += state.counts.consistent;
      for (const [year, n] of state.passage) passageCounts.set(year, (passageCounts.get(year) ?? 0) + n);
      for (const [year, n] of state.metInYear) metInYearCounts.set(year, (metInYearCounts.get(year) ?? 0) + n);
      judgedQuantiles.absorb(state.judged);
      if (growthFactors && state.growthFactors) growthFactors.absorb(state.growthFactors);
    },
  };
}

/** Whether one value meets the commitment and the ceiling (NaN meets nothing). */
function meets(v: number, low: number, lowInclusive: boolean, high: number, highInclusive: boolean): boolean {
  return (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high);
}

/**
 * Signed margin of the median over the nearest bound: positive inside the target, negative short of
 * it (or past a ceiling). Relative to that bound for level kinds; growth kinds' gap is already in
 * rate units (0.01 = one percentage point), so it has no relative gap.
 */
function gapOf(median: number, target: Target, rate: boolean): { gap: number; gapRelative: number } {
  let gap = Number.POSITIVE_INFINITY;
  let bound = Number.NaN;
  if (target.lower && median - target.lower.value < gap) {
    gap = median - target.lower.value;
    bound = target.lower.value;
  }
  if (target.upper && target.upper.value - median < gap) {
    gap = target.upper.value - median;
    bound = target.upper.value;
  }
  if (!Number.isFinite(gap)) return { gap: Number.NaN, gapRelative: Number.NaN };
  return { gap, gapRelative: !rate && bound !== 0 ? gap / Math.abs(bound) : Number.NaN };
}

/**
 * The least value that meets a lower bound: v ≥ it ⇔ (inclusive ? v ≥ bound : v > bound), for every
 * double v; NaN (met by none) for v > +∞. The counting loops compare with it, not with a choice of
 * operator per value: the choice inside the loop took 4.1 ns a value against 1.9 (measured in V8, Node 20).
 */
function lowestMeeting(bound: number, inclusive: boolean): number {
  return inclusive ? bound : bound === Number.POSITIVE_INFINITY ? Number.NaN : nextUp(bound);
}

/** The greatest value that meets an upper bound: v ≤ it ⇔ (inclusive ? v ≤ bound : v < bound); NaN for v < −∞. */
function highestMeeting(bound: number, inclusive: boolean): number {
  return inclusive ? bound : bound === Number.NEGATIVE_INFINITY ? Number.NaN : nextDown(bound);
}

/**
 * Counts the first `count` values that meet [low, high] (each end inclusive or not). Branch-free:
 * whether a draw meets a target is a coin flip to the branch predictor, so booleans are summed.
 * @example countMet(Float64Array.of(1, 5, 9), 3, 3, true, 8, true); // => 1
 */
export function countMet(values: Float64Array, count: number, low: number, lowInclusive: boolean, high: number, highInclusive: boolean): number {
  const from = lowestMeeting(low, lowInclusive);
  const to = highestMeeting(high, highInclusive);
  let met = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    met += ((v >= from) as unknown as number) & ((v <= to) as unknown as number);
  }
  return met;
}

/** Draws newly marked by the last countAndMarkMet (a number, not a returned object: no garbage per call). */
let newlyMarked = 0;

/**
 * countMet, and in the same pass marks the draws that meet [low, high] and were not marked yet
 * (first passage); how many were newly marked is left in `newlyMarked`.
 * @returns the draws meeting it (as countMet)
 * @example countAndMarkMet(Float64Array.of(1, 5), 2, new Uint8Array(2), 3, true, Infinity, true); // => 1 (and 1 newly marked)
 */
export function countAndMarkMet(values: Float64Array, count: number, flags: Uint8Array, low: number, lowInclusive: boolean, high: number, highInclusive: boolean): number {
  const from = lowestMeeting(low, lowInclusive);
  const to = highestMeeting(high, highInclusive);
  let met = 0;
  let newly = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    const now = ((v >= from) as unknown as number) & ((v <= to) as unknown as number);
    met += now;
    newly += now & (flags[i] ^ 1);
    flags[i] |= now;
  }
  newlyMarked = newly;
  return met;
}

/**
 * One pass over the first `count` values: finite values, values short of the commitment (`below`),
 * past the ceiling (`breach`), above the upper figure (`above`: past it, or at it too when
 * `aboveInclusive`) and at or past the aspiration. NaN counts in none. Short of a bound is a value
 * (not NaN) that does not meet it.
 * @example countAgainst(Float64Array.of(1, 5, 12), 3, 3, true, Infinity, true, 10, false, 10); // => { finite: 3, below: 1, breach: 0, above: 1, aspiration: 1 }
 */
export function countAgainst(
  values: Float64Array,
  count: number,
  low: number,
  lowInclusive: boolean,
  ceiling: number,
  ceilingInclusive: boolean,
  upperFigure: number,
  aboveInclusive: boolean,
  aspiration: number,
): { finite: number; below: number; breach: number; above: number; aspiration: number } {
  const from = lowestMeeting(low, lowInclusive);
  const to = highestMeeting(ceiling, ceilingInclusive);
  // Above the upper figure: past it (v > figure ⇔ v ≥ nextUp), or at it too.
  const aboveFrom = lowestMeeting(upperFigure, aboveInclusive);
  let finite = 0;
  let below = 0;
  let breach = 0;
  let above = 0;
  let reached = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    const number = (v === v) as unknown as number;
    finite += number;
    below += number & (((v >= from) as unknown as number) ^ 1);
    breach += number & (((v <= to) as unknown as number) ^ 1);
    above += (v >= aboveFrom) as unknown as number;
    reached += (v >= aspiration) as unknown as number;
  }
  return { finite, below, breach, above, aspiration: reached };
}
