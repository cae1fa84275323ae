// Kind `growthEachYear`: every year of a window grows at least at a rate ("持续保持10%以上增长").
import type { Observation, Target } from '../../data/types.js';
import type { PreparedVariable } from '../../model/prepared-model.js';
import { boundWords } from '../bound-words.js';
import { knownGrowth, recordedMinimumGrowth } from '../known-history.js';
import { decideBounds, figureText, growthInterval, type RecordJudgement } from '../record-judgement.js';
import type { TargetNeed } from '../target-need.js';
import { latestLevel } from './latest-level.js';
import type { KindParseContext, KindTracking, TargetKindDefinition } from './target-kind.js';

export const growthEachYearKind: TargetKindDefinition = {
  name: 'growthEachYear',
  labelZh: '每年增速',
  labelEn: 'growth every year',
  keys: ['fromYear'],
  unit: 'rate',
  judged: 'minimumGrowth',
  passage: 'none',
  parse: (_item, context) => windowFields(context),
  describe: (target) => `growth in every year ${target.fromYear}–${target.year} ${boundWords(target)}`,
  judgeOnRecord: judgeEachYearOnRecord,
  need: growthNeed,
  track: trackMinimumGrowth,
};

/** Reads `fromYear` (required, not after `year`). */
export function windowFields(context: KindParseContext): { fromYear?: number } {
  const fromYear = context.year('fromYear', true);
  if (fromYear !== undefined && context.targetYear !== undefined && fromYear > context.targetYear) {
    context.problem('fromYear', `not be after year (${context.targetYear})`, fromYear);
    return {};
  }
  return fromYear === undefined ? {} : { fromYear };
}

const percent = (rate: number) => `${Number((rate * 100).toPrecision(4))}%`;

/**
 * Every year of the window on record: one year whose full-year growth decides below the floor
 * misses it; every year deciding at or above it achieves it (the slowest year is the deciding one);
 * otherwise undecided, naming the years the record does not settle.
 * @example judgeEachYearOnRecord(bjSwinfoGrowth, rows).reason; // => '2017, 2018, 2019, 2020 not settled by the record …'
 */
export function judgeEachYearOnRecord(target: Target, observations: readonly Observation[]): RecordJudgement {
  const fromYear = target.fromYear ?? target.year;
  let slowest: { year: number; value: number; qualifier: Observation['qualifier']; rows: readonly Observation[] } | undefined;
  const unsettled: number[] = [];
  for (let year = fromYear; year <= target.year; year++) {
    const growth = knownGrowth(observations, year);
    const decision = growth ? decideBounds(growthInterval(growth.value, growth.qualifier), target) : 'undecided';
    if (growth && decision === 'missed') {
      return { outcome: 'missed', deciding: growth.rows, value: growth.value, qualifier: growth.qualifier, reason: `${year} grew ${figureText(growth.value, growth.qualifier, percent)}, short of the floor` };
    }
    if (growth && decision === 'met') {
      if (!slowest || growth.value < slowest.value) slowest = { year, ...growth };
    } else unsettled.push(year);
  }
  if (unsettled.length === 0 && slowest) {
    return { outcome: 'achieved', deciding: slowest.rows, value: slowest.value, qualifier: slowest.qualifier, reason: `every year ${fromYear}–${target.year} at or above the floor; the slowest, ${slowest.year}, grew ${figureText(slowest.value, slowest.qualifier, percent)}` };
  }
  return {
    outcome: 'undecided',
    deciding: slowest?.rows ?? [],
    reason: `${unsettled.join(', ')} not settled by the record (no full-year growth, or a bound that cannot decide)${slowest ? `; ${slowest.year} grew ${figureText(slowest.value, slowest.qualifier, percent)}` : ''}`,
  };
}

/** Growth kinds ask their floor (else their ceiling) every year: requiredCagr is that rate. */
export function growthNeed(target: Target, observations: readonly Observation[]): TargetNeed {
  const latest = latestLevel(observations, target.year);
  const rate = (target.lower ?? target.upper)?.value;
  return { target, thresholdUnit: 'rate', ...(latest ? { latest } : {}), ...(rate !== undefined ? { threshold: rate, requiredCagr: rate } : {}) };
}

/**
 * The smallest yearly growth over fromYear … year, one running minimum per draw; years up to the
 * variable's base year enter from the record's reported growth (each year's treatment in `notes`).
 */
export function trackMinimumGrowth(target: Target, variable: PreparedVariable, observations: readonly Observation[]): KindTracking {
  const name = variable.spec.name;
  const fromYear = target.fromYear ?? target.year;
  const varBase = variable.baseYear ?? variable.firstYear - 1;
  const recorded = recordedMinimumGrowth(observations, fromYear, Math.min(target.year, varBase));
  return {
    previousOf: [name],
    notes: recorded.notes,
    startBlock(_base, count, lent) {
      const minimum = lent.float64(count).fill(recorded.minimum);
      return {
        observe(columns) {
          const year = columns.year;
          const current = columns.current(name);
          if (!current || year > target.year) return undefined;
          const previous = year >= fromYear ? columns.previous(name) : undefined;
          if (previous) {
            for (let i = 0; i < count; i++) {
              const growth = current[i] / previous[i] - 1;
              if (growth < minimum[i]) minimum[i] = growth;
            }
          }
          return year === target.year ? minimum : undefined;
        },
      };
    },
  };
}
