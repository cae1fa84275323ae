// What each target asks of its series from the latest full year on record: the required growth or flow.
import { requiredGrowth } from './required-growth.js';
import { latestYearLevel } from './year-levels.js';
import type { Observation, Qualifier, Target } from './types.js';
import { convertUnit, unitFactor } from './units.js';

/** What one target needs, measured from the record. Levels are in the series' unit. */
export interface TargetNeed {
  readonly target: Target;
  /** The latest full-year level before the target year (absent when the record has none). */
  readonly latest?: { readonly year: number; readonly value: number; readonly qualifier: Qualifier; readonly source: string };
  /** The bound the need is measured against, in the series' unit (rate for growth targets). */
  readonly threshold?: number;
  readonly thresholdUnit: string;
  /** Years from the latest level to the target year. */
  readonly years?: number;
  /**
   * level / share: (threshold / latest)^(1 / years) − 1; growthEachYear / cagr: the growth floor
   * itself. A fraction per year.
   */
  readonly requiredCagr?: number;
  /** cumulative: the flow already on record in baseYear+1 … latest year. */
  readonly counted?: number;
  /** cumulative: (lower − counted) / years left, per year (≤ 0: the floor is already met). */
  readonly requiredPerYear?: number;
  /** cumulative: upper − counted, what the ceiling still allows. */
  readonly room?: number;
  /** True when the record's level already meets the threshold in a year before the target year. */
  readonly metOnRecord: boolean;
}

/**
 * Measures `target` against its series' record (`observations` of `target.series`).
 * - level / share: required CAGR from the latest full-year level to the bound (lower bound, else upper).
 *   When the latest level is itself a lower bound ("超过2500亿元"), the true requirement is at most this.
 * - growthEachYear / cagr: the floor the target sets (its lower bound).
 * - cumulative: the flow counted since baseYear, and the flow per remaining year the floor still needs.
 * @example targetNeeds(bjAiCore2025, observationsOf(data, 'bj.ai.core')).requiredCagr; // => 0.0954… ((3000 / 2500)^(1/2) − 1)
 */
export function targetNeeds(target: Target, observations: readonly Observation[]): TargetNeed {
  const seriesUnit = observations[0]?.unit ?? target.unit;
  const inSeriesUnit = (value: number | undefined) =>
    value === undefined || target.unit === 'rate' || unitFactor(target.unit, seriesUnit) === undefined ? value : convertUnit(value, target.unit, seriesUnit);
  const thresholdUnit = target.unit === 'rate' ? 'rate' : unitFactor(target.unit, seriesUnit) === undefined ? target.unit : seriesUnit;
  const latestLevel = latestYearLevel(observations, target.year);
  const latest = latestLevel
    ? { year: latestLevel.year, value: latestLevel.value, qualifier: latestLevel.qualifier, source: latestLevel.observation.source }
    : undefined;
  const lower = inSeriesUnit(target.lower?.value);
  const upper = inSeriesUnit(target.upper?.value);

  if (target.kind === 'growthEachYear' || target.kind === 'cagr') {
    return { target, latest, threshold: lower ?? upper, thresholdUnit, requiredCagr: lower ?? upper, metOnRecord: false };
  }
  if (target.kind === 'cumulative') {
    const baseYear = target.baseYear ?? target.year - 1;
    const flows = new Map<number, number>();
    for (const o of observations) {
      if (o.kind === 'observed' && o.period === 'FY' && o.value !== undefined && o.year > baseYear && o.year <= target.year) flows.set(o.year, o.value);
    }
    const counted = [...flows.values()].reduce((sum, v) => sum + v, 0);
    const lastCounted = flows.size > 0 ? Math.max(...flows.keys()) : baseYear;
    const yearsLeft = target.year - lastCounted;
    return {
      target, latest, thresholdUnit, counted,
      threshold: lower ?? upper,
      years: yearsLeft,
      ...(lower !== undefined && yearsLeft > 0 ? { requiredPerYear: (lower - counted) / yearsLeft } : {}),
      ...(upper !== undefined ? { room: upper - counted } : {}),
      metOnRecord: lower !== undefined && counted >= lower && (upper === undefined || counted <= upper),
    };
  }
  const threshold = lower ?? upper;
  if (!latest || threshold === undefined) return { target, latest, threshold, thresholdUnit, metOnRecord: false };
  const years = target.year - latest.year;
  // Met on record: the latest level is past the floor (a lower-bound reading at the floor counts: "首破" = passed).
  const metOnRecord =
    lower !== undefined && latest.qualifier !== 'atMost' &&
    (latest.value > lower || (latest.value === lower && (target.lower!.inclusive || latest.qualifier === 'atLeast')));
  return { target, latest, threshold, thresholdUnit, years, requiredCagr: requiredGrowth(latest.value, threshold, years), metOnRecord };
}
