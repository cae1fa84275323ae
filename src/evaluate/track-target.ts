// Follows one target through a simulation, year by year, keeping one accumulator per draw (never per year).
import type { Observation, Target } from '../data/types.js';
import type { PreparedVariable } from '../pipeline/prepared-model.js';
import type { YearColumns } from '../simulate/simulate.js';
import { quantilesOf } from './quantiles.js';
import { fullYearLevels, historicalCagr, knownGrowth } from './known-history.js';
import { requiredCagr } from './required-cagr.js';
import type { JudgedQuantity, TargetResult } from './target-result.js';
import { targetStatus } from './target-status.js';

/** An observer of the simulation that turns into a TargetResult at the end. */
export interface TargetTracker {
  /** The variable the target is judged on. */
  readonly variable: string;
  observeBase(base: ReadonlyMap<string, Float64Array>): void;
  /** `levelMedian` is the median of the variable this year, from the summary already computed. */
  observe(columns: YearColumns, levelMedian: number | undefined): void;
  result(): TargetResult;
}

const p3 = [0.05, 0.5, 0.95] as const;

/**
 * Creates the tracker for `target` on `variable`.
 * - level / share: the level in the target year; first passage = ever met by each year.
 * - growthEachYear: the smallest yearly growth over the window (one running minimum per draw);
 *   years up to the base year are judged on the record's reported growth.
 * - cagr: compound growth from the year before the window to the target year.
 * - cumulative: the flow summed over baseYear+1 … year, counting years already on record.
 */
export function trackTarget(
  target: Target,
  variable: PreparedVariable,
  observations: readonly Observation[],
  draws: number,
): TargetTracker {
  const name = variable.spec.name;
  const notes: string[] = [];
  const judged: JudgedQuantity =
    target.kind === 'growthEachYear' ? 'minimumGrowth' : target.kind === 'cagr' ? 'cagr' : target.kind === 'cumulative' ? 'cumulative' : 'level';
  const varBase = variable.baseYear ?? variable.firstYear - 1;
  const levels = fullYearLevels(observations);

  // One accumulator per draw, by kind.
  const quantity = new Float64Array(draws);
  const everMet = new Uint8Array(draws);
  let everMetCount = 0;
  const firstPassage: { year: number; probability: number }[] = [];
  let firstYearMedianMeets: number | undefined;
  let baseColumn: Float64Array | undefined;
  let startColumn: Float64Array | undefined;
  let judgedYearSeen = false;
  let knownPart = 0;

  const fromYear = target.fromYear ?? target.year;
  if (judged === 'minimumGrowth') {
    quantity.fill(Number.POSITIVE_INFINITY);
    for (let year = fromYear; year <= Math.min(target.year, varBase); year++) {
      const growth = knownGrowth(observations, year);
      if (growth === undefined) notes.push(`${year} not judged: the record gives no full-year growth`);
      else {
        for (let i = 0; i < draws; i++) quantity[i] = Math.min(quantity[i], growth);
        notes.push(`${year} judged on the reported growth ${(growth * 100).toFixed(1)}%`);
      }
    }
  }
  if (judged === 'cumulative') {
    const baseYear = target.baseYear ?? varBase;
    for (let year = baseYear + 1; year <= Math.min(target.year, varBase); year++) {
      const level = levels.get(year);
      if (level === undefined) notes.push(`${year} counted as 0: no full-year count on record`);
      else {
        knownPart += level.value;
        notes.push(`${year} counted from the record: ${level.value}`);
      }
    }
    quantity.fill(knownPart);
  }
  if (judged === 'cagr' && fromYear - 1 < varBase) {
    const level = levels.get(fromYear - 1);
    if (level) startColumn = new Float64Array(draws).fill(level.value);
    else notes.push(`no level on record for ${fromYear - 1}: the window starts at the base year ${varBase}`);
  }

  // The bounds as plain numbers, so the per-draw test in the hot loops is two comparisons (this is
  // meetsBounds, specialised; NaN fails every comparison, as there).
  const low = target.lower?.value ?? Number.NEGATIVE_INFINITY;
  const high = target.upper?.value ?? Number.POSITIVE_INFINITY;
  const lowInclusive = target.lower?.inclusive ?? true;
  const highInclusive = target.upper?.inclusive ?? true;
  const meets = (value: number) =>
    (lowInclusive ? value >= low : value > low) && (highInclusive ? value <= high : value < high);

  return {
    variable: name,
    observeBase(base) {
      // A copy: the simulation reuses its base buffers for later years.
      baseColumn = base.get(name)?.slice();
      if (judged === 'cagr' && !startColumn && baseColumn) startColumn = baseColumn;
    },

    observe(columns, levelMedian) {
      const year = columns.year;
      const current = columns.current(name);
      const previous = columns.previous(name);
      if (!current || year > target.year && judged !== 'level' && judged !== 'cumulative') return;
      if (judged === 'cagr' && year === fromYear - 1) startColumn = Float64Array.from(current);

      if (judged === 'minimumGrowth' && year >= fromYear && year <= target.year && previous) {
        for (let i = 0; i < draws; i++) {
          const growth = current[i] / previous[i] - 1;
          if (growth < quantity[i]) quantity[i] = growth;
        }
      }
      if (judged === 'cumulative' && year > varBase && year <= target.year) {
        for (let i = 0; i < draws; i++) quantity[i] += current[i];
      }
      if (judged === 'level' && year === target.year) quantity.set(current);
      if (judged === 'cagr' && year === target.year && startColumn) {
        const span = target.year - fromYear + 1;
        for (let i = 0; i < draws; i++) quantity[i] = Math.pow(current[i] / startColumn[i], 1 / span) - 1;
      }
      if (year === target.year) judgedYearSeen = true;

      // First passage: has the target been met by this year (level, share, cumulative).
      if (judged === 'level' || judged === 'cumulative') {
        if (judged === 'cumulative' && year > target.year) return;
        const values = judged === 'level' ? current : quantity;
        everMetCount += markMet(values, everMet, low, lowInclusive, high, highInclusive);
        firstPassage.push({ year, probability: everMetCount / draws });
        const median = judged === 'level' ? (levelMedian ?? quantilesOf(values, [0.5])[0]) : quantilesOf(values, [0.5])[0];
        if (firstYearMedianMeets === undefined && meets(median)) firstYearMedianMeets = year;
      }
    },

    result() {
      if (!judgedYearSeen) notes.push(`the simulation does not reach ${target.year}`);
      const { metCount, belowCount, aboveCount } = countAgainstBounds(quantity, low, lowInclusive, high, highInclusive);
      const share = (count: number) => (judgedYearSeen ? count / draws : Number.NaN);
      const probabilityMet = share(metCount);
      if (target.lower && target.upper && aboveCount > 0) {
        notes.push(`above the range in ${((aboveCount / draws) * 100).toFixed(1)}% of draws (an overshoot, not a shortfall)`);
      }
      const [p05, p50, p95] = judgedYearSeen ? quantilesOf(quantity, p3) : [Number.NaN, Number.NaN, Number.NaN];
      const { gap, gapPercent } = gapOf(p50, target);

      let required = Number.NaN;
      if (judged === 'minimumGrowth' || judged === 'cagr') required = target.lower?.value ?? Number.NaN;
      else if (judged === 'level') {
        const last = [...levels.values()].pop();
        const bound = target.lower ?? target.upper;
        if (last && bound) required = requiredCagr(last.value, bound.value, target.year - last.year);
      }

      let assumed = Number.NaN;
      if (judged === 'level' && baseColumn && judgedYearSeen && variable.baseYear !== undefined && target.year > variable.baseYear) {
        // The growth of the median ratio: (median of V_T/V_base)^(1/span) − 1. A power is monotone, so
        // this is the median of each draw's own growth but for the interpolation between the two middle
        // draws — and costs one division per draw instead of a power.
        const ratios = new Float64Array(draws);
        const span = target.year - variable.baseYear;
        for (let i = 0; i < draws; i++) ratios[i] = quantity[i] / baseColumn[i];
        assumed = Math.pow(quantilesOf(ratios, [0.5])[0], 1 / span) - 1;
      } else if (judged === 'minimumGrowth' || judged === 'cagr') assumed = p50;

      return {
        target,
        variable: name,
        unit: judged === 'minimumGrowth' || judged === 'cagr' ? 'rate' : target.unit,
        judged,
        draws,
        probabilityMet,
        probabilityMetSe: Math.sqrt((probabilityMet * (1 - probabilityMet)) / draws),
        probabilityBelow: share(belowCount),
        probabilityAbove: share(aboveCount),
        p05,
        p50,
        p95,
        gap,
        gapPercent,
        requiredCagr: required,
        assumedCagr: assumed,
        historicalCagr: historicalCagr(observations),
        firstYearMedianMeets,
        status: targetStatus(probabilityMet),
        firstPassage,
        notes,
      };
    },
  };
}

/** Signed margin of `median` over the nearest bound: positive inside the target, negative short of it. */
function gapOf(median: number, target: Target): { gap: number; gapPercent: number } {
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
  if (!Number.isFinite(gap)) return { gap: Number.NaN, gapPercent: Number.NaN };
  return { gap, gapPercent: bound !== 0 ? (gap / Math.abs(bound)) * 100 : Number.NaN };
}

/**
 * Marks the draws that meet [low, high] (each end inclusive or not) and were not marked yet.
 * NaN meets nothing. The inclusivity tests are loop-invariant, so the loop stays branch-predictable.
 * @returns how many draws were newly marked
 * @example markMet(Float64Array.of(1, 5), new Uint8Array(2), 3, true, Infinity, true); // => 1
 */
export function markMet(values: Float64Array, everMet: Uint8Array, low: number, lowInclusive: boolean, high: number, highInclusive: boolean): number {
  let marked = 0;
  for (let i = 0; i < values.length; i++) {
    if (everMet[i]) continue;
    const v = values[i];
    if ((lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high)) {
      everMet[i] = 1;
      marked++;
    }
  }
  return marked;
}

/**
 * Counts the values inside [low, high] (met), below low (a shortfall) and above high (an overshoot),
 * honouring inclusivity; NaN counts in none.
 * @example countAgainstBounds(Float64Array.of(1, 5, 9), 3, true, 8, false); // => { metCount: 1, belowCount: 1, aboveCount: 1 }
 */
export function countAgainstBounds(
  values: Float64Array,
  low: number,
  lowInclusive: boolean,
  high: number,
  highInclusive: boolean,
): { metCount: number; belowCount: number; aboveCount: number } {
  let metCount = 0;
  let belowCount = 0;
  let aboveCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (lowInclusive ? v < low : v <= low) belowCount++;
    else if (highInclusive ? v > high : v >= high) aboveCount++;
    else if (v === v) metCount++;
  }
  return { metCount, belowCount, aboveCount };
}
