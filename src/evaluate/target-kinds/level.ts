// Kind `level`: the level of a quantity in the target year ("人工智能核心产业规模达到3000亿元").
import type { Observation, Target } from '../../data/types.js';
import { convertUnit, unitFactor } from '../../data/units.js';
import type { PreparedVariable } from '../../model/prepared-model.js';
import { boundWords } from '../bound-words.js';
import { fullYearRows } from '../known-history.js';
import { decideBounds, figureText, type RecordJudgement } from '../record-judgement.js';
import { requiredGrowth } from '../required-growth.js';
import { boundsItsYear, partYearBoundText, yearOnRecord, type YearOnRecord } from '../year-on-record.js';
import type { TargetNeed } from '../target-need.js';
import { latestLevel } from './latest-level.js';
import { lentCopy, type KindTracking, type TargetKindDefinition } from './target-kind.js';

export const levelKind: TargetKindDefinition = {
  name: 'level',
  labelZh: '水平',
  labelEn: 'level in year',
  keys: [],
  unit: 'level',
  judged: 'level',
  passage: 'toHorizon',
  parse: () => ({}),
  describe: (target) => `the level in ${target.year} ${boundWords(target)}`,
  judgeOnRecord: judgeLevelOnRecord,
  need: levelNeed,
  track: trackLevel,
};

/** A value of the target in its series' unit (the record's), where the units convert. */
export function inSeriesUnit(target: Target, observations: readonly Observation[], value: number): number {
  const unit = observations[0]?.unit;
  return unit === undefined || target.unit === 'rate' || unitFactor(target.unit, unit) === undefined ? value : convertUnit(value, target.unit, unit);
}

/** The target with its bounds in the series' unit (for comparisons with observed figures). */
function boundsInSeriesUnit(target: Target, observations: readonly Observation[]): Pick<Target, 'lower' | 'upper'> {
  const convert = (bound: Target['lower']) => (bound ? { value: inSeriesUnit(target, observations, bound.value), inclusive: bound.inclusive } : undefined);
  return { lower: convert(target.lower), upper: convert(target.upper) };
}

/** The years on record (a full-year reading, or a part of the year that bounds it), ascending. */
function yearsOnRecord(observations: readonly Observation[]): number[] {
  const years = new Set<number>(fullYearRows(observations).keys());
  for (const o of observations) if (boundsItsYear(o)) years.add(o.year);
  return [...years].sort((a, b) => a - b);
}

/** The rows a year on record is read from, and how they read in a reason. */
function yearRows(known: YearOnRecord): { rows: (Observation & { value: number })[]; text: string; value: number; qualifier: Observation['qualifier'] } {
  const show = (o: Observation & { value: number }) => `${o.year}: ${figureText(o.value, o.qualifier)} (${o.source})`;
  if (known.partYear && known.fullYear) {
    return { rows: [known.fullYear, known.partYear], text: `${show(known.fullYear)}, and ${partYearBoundText(known.partYear)}`, value: known.interval.low, qualifier: 'atLeast' };
  }
  if (known.partYear) return { rows: [known.partYear], text: partYearBoundText(known.partYear), value: known.interval.low, qualifier: 'atLeast' };
  const row = known.fullYear!;
  return { rows: [row], text: show(row), value: row.value, qualifier: row.qualifier };
}

/**
 * Level (and share) targets on record. Each year's level on record is an interval (yearOnRecord):
 * the full-year reading's, raised by a part of the year whose amount bounds it from below (January–
 * November revenue ≤ the year's). With a commitment only, any year up to the target year whose
 * interval meets it achieves it (a level reached early counts; the earliest such year is the
 * deciding one). The target year's interval decides a miss, and alone decides a target with a
 * ceiling. An interval that cannot decide (a bound on the wrong side) leaves it undecided.
 * @example judgeLevelOnRecord(bjSwinfo2020, rows).outcome; // => 'achieved' (2018: "首破萬億元")
 */
export function judgeLevelOnRecord(target: Target, observations: readonly Observation[]): RecordJudgement {
  const bounds = boundsInSeriesUnit(target, observations);
  const years = yearsOnRecord(observations).filter((year) => year <= target.year);
  if (!target.upper) {
    for (const year of years) {
      const known = yearOnRecord(observations, year);
      if (known && decideBounds(known.interval, bounds) === 'met') {
        const { rows, text, value, qualifier } = yearRows(known);
        return { outcome: 'achieved', deciding: rows, value, qualifier, reason: `reached in ${year}${year < target.year ? `, ${target.year - year} year${target.year - year > 1 ? 's' : ''} early` : ''}: ${text}` };
      }
    }
  }
  const own = yearOnRecord(observations, target.year);
  const fullYears = [...fullYearRows(observations).values()].filter((o) => o.year < target.year);
  const last = fullYears[fullYears.length - 1];
  const lastText = last ? `the latest full year, ${last.year}: ${figureText(last.value, last.qualifier)} (${last.source}), does not reach it` : '';
  if (own?.fullYear) {
    const decision = decideBounds(own.interval, bounds);
    const { rows, text, value, qualifier } = yearRows(own);
    if (decision === 'met') return { outcome: 'achieved', deciding: rows, value, qualifier, reason: `met in ${target.year}: ${text}` };
    if (decision === 'missed') return { outcome: 'missed', deciding: rows, value, qualifier, reason: `missed in ${target.year}: ${text}` };
    return { outcome: 'undecided', deciding: rows, value, qualifier, reason: `the ${target.year} figure cannot decide it: ${text}` };
  }
  if (own?.partYear) {
    const decision = decideBounds(own.interval, bounds);
    const { rows, text, value, qualifier } = yearRows(own);
    // A part of the year past a ceiling misses it (the full year is at least as much).
    if (decision === 'missed') return { outcome: 'missed', deciding: rows, value, qualifier, reason: `missed in ${target.year}: ${text}` };
    return { outcome: 'undecided', deciding: rows, value, qualifier, reason: `no full-year figure for ${target.year} on record; ${text}, does not decide it${last ? `; ${lastText}` : ''}` };
  }
  return {
    outcome: 'undecided',
    deciding: last ? [last] : [],
    reason: `no full-year figure for ${target.year} on record${last ? `; ${lastText.replace('the latest full year', 'the latest')}` : ''}`,
  };
}

/**
 * The constant growth from the latest full-year level before the target year to the commitment
 * (else the ceiling): (threshold / latest)^(1 / (year − latest year)) − 1, in the series' unit.
 * @example levelNeed(bjAiCore2025, observationsOf(data, 'bj.ai.core')).requiredCagr; // => 0.0954… ((3000 / 2500)^(1/2) − 1)
 */
export function levelNeed(target: Target, observations: readonly Observation[]): TargetNeed {
  const seriesUnit = observations[0]?.unit;
  const thresholdUnit = seriesUnit !== undefined && unitFactor(target.unit, seriesUnit) !== undefined ? seriesUnit : target.unit;
  const bound = target.lower ?? target.upper;
  const threshold = bound ? inSeriesUnit(target, observations, bound.value) : undefined;
  const latest = latestLevel(observations, target.year);
  if (!latest) return { target, thresholdUnit, ...(threshold !== undefined ? { threshold } : {}) };
  const years = target.year - latest.year;
  return { target, latest, thresholdUnit, years, ...(threshold !== undefined ? { threshold, requiredCagr: requiredGrowth(latest.value, threshold, years) } : {}) };
}

/**
 * The level in each simulated year (first passage: met in some year so far, or in that year for a
 * target with a ceiling), judged in the target year. For assumedCagr, each draw's growth factor
 * from the variable's base year, V_year / V_base (its median^(1/span) − 1 is the scenario's own growth).
 */
export function trackLevel(target: Target, variable: PreparedVariable): KindTracking {
  const name = variable.spec.name;
  const baseYear = variable.baseYear;
  const span = baseYear !== undefined && target.year > baseYear ? target.year - baseYear : undefined;
  return {
    previousOf: [],
    notes: [],
    ...(span !== undefined ? { ownGrowthYears: span } : {}),
    startBlock(base, count, lent) {
      // A copy: the simulation's base columns become its first year. In the target year it becomes
      // the growth factor in place (the base is not needed after it).
      const baseColumn = span !== undefined ? base.get(name) : undefined;
      let start = baseColumn ? lentCopy(baseColumn, count, lent) : undefined;
      let factor: Float64Array | undefined;
      return {
        observe(columns) {
          const current = columns.current(name);
          if (current && columns.year === target.year && start) {
            for (let i = 0; i < count; i++) start[i] = current[i] / start[i];
            factor = start;
            start = undefined;
          }
          return current;
        },
        // Handed over once: the block keeps no column it no longer needs.
        ownGrowthFactor: () => {
          const handed = factor;
          factor = undefined;
          return handed;
        },
      };
    },
  };
}
