// Kind `cumulative`: a flow summed over the years after a base year ("新培育独角兽企业5-10家").
import type { Observation, Target } from '../../data/types.js';
import type { PreparedVariable } from '../../model/prepared-model.js';
import { boundWords } from '../bound-words.js';
import { fullYearRows } from '../known-history.js';
import { decideBounds, figureText, truthInterval, type RecordJudgement } from '../record-judgement.js';
import type { TargetNeed } from '../target-need.js';
import { inSeriesUnit } from './level.js';
import { latestLevel } from './latest-level.js';
import type { KindTracking, TargetKindDefinition } from './target-kind.js';

export const cumulativeKind: TargetKindDefinition = {
  name: 'cumulative',
  labelZh: '累计',
  labelEn: 'cumulative',
  keys: ['baseYear'],
  unit: 'level',
  judged: 'cumulative',
  passage: 'toTargetYear',
  parse: (_item, context) => {
    const baseYear = context.year('baseYear', true);
    if (baseYear !== undefined && context.targetYear !== undefined && baseYear >= context.targetYear) {
      context.problem('baseYear', `be before year (${context.targetYear})`, baseYear);
      return {};
    }
    return baseYear === undefined ? {} : { baseYear };
  },
  describe: (target) => `the sum over ${(target.baseYear ?? target.year - 1) + 1}–${target.year} ${boundWords(target)}`,
  judgeOnRecord: judgeSumOnRecord,
  need: sumNeed,
  track: trackSum,
};

/** The full-year flows on record in baseYear+1 … year (latest vintage of each year). */
function recordedFlows(target: Target, observations: readonly Observation[]): (Observation & { value: number })[] {
  const baseYear = target.baseYear ?? target.year - 1;
  return [...fullYearRows(observations).values()].filter((o) => o.year > baseYear && o.year <= target.year);
}

/**
 * The sum on record of a flow that is never negative (new firms, unicorns): its interval adds each
 * year's interval, a year not on record counting [0, ∞). A sum whose low end meets the commitment
 * achieves it early (6 new unicorns in 2023 meet "5-10家" for 2023–2025); with every year on record
 * it may also miss it; a ceiling is missed as soon as the low end passes it.
 * @example judgeSumOnRecord(bjAiUnicorns2025, rows).outcome; // => 'achieved'
 */
export function judgeSumOnRecord(target: Target, observations: readonly Observation[]): RecordJudgement {
  const baseYear = target.baseYear ?? target.year - 1;
  const flows = recordedFlows(target, observations);
  let low = 0;
  let high = 0;
  let lowPassed = false;
  for (const o of flows) {
    const interval = truthInterval(o.value, o.qualifier);
    low += Math.max(0, interval.low);
    high += interval.high;
    lowPassed ||= interval.lowPassed === true;
  }
  const missing = target.year - baseYear - flows.length;
  if (missing > 0) high = Number.POSITIVE_INFINITY;
  const lower = target.lower ? { value: inSeriesUnit(target, observations, target.lower.value), inclusive: target.lower.inclusive } : undefined;
  const upper = target.upper ? { value: inSeriesUnit(target, observations, target.upper.value), inclusive: target.upper.inclusive } : undefined;
  const decision = decideBounds({ low, high, lowPassed }, { lower, upper });
  const counted = flows.map((o) => `${o.year}: ${figureText(o.value, o.qualifier)} (${o.source})`).join(', ');
  const sum = flows.reduce((total, o) => total + o.value, 0);
  const qualifier = flows.every((o) => o.qualifier === 'exact') ? (missing > 0 ? 'atLeast' : 'exact') : 'approx';
  const window = `${baseYear + 1}–${target.year}`;
  if (decision === 'met') return { outcome: 'achieved', deciding: flows, value: sum, qualifier, reason: `${figureText(sum, qualifier)} counted in ${window} on record (${counted})` };
  if (decision === 'missed') return { outcome: 'missed', deciding: flows, value: sum, qualifier, reason: `${figureText(sum, qualifier)} in ${window} on record (${counted})` };
  return {
    outcome: 'undecided',
    deciding: flows,
    ...(flows.length > 0 ? { value: sum, qualifier } : {}),
    reason: flows.length === 0 ? `no full-year count of ${window} on record` : `${counted} counted; ${missing} year${missing === 1 ? '' : 's'} of ${window} not on record`,
  };
}

/** The flow counted since the base year and what is still needed per remaining year. */
export function sumNeed(target: Target, observations: readonly Observation[]): TargetNeed {
  const flows = recordedFlows(target, observations);
  const baseYear = target.baseYear ?? target.year - 1;
  const counted = flows.reduce((total, o) => total + o.value, 0);
  const lastCounted = flows.length > 0 ? flows[flows.length - 1].year : baseYear;
  const years = target.year - lastCounted;
  const lower = target.lower ? inSeriesUnit(target, observations, target.lower.value) : undefined;
  const upper = target.upper ? inSeriesUnit(target, observations, target.upper.value) : undefined;
  const latest = latestLevel(observations, target.year + 1);
  return {
    target,
    thresholdUnit: observations[0]?.unit ?? target.unit,
    counted,
    years,
    ...(latest && latest.year > baseYear ? { latest } : {}),
    ...(lower ?? upper) !== undefined ? { threshold: (lower ?? upper)! } : {},
    ...(lower !== undefined && years > 0 ? { requiredPerYear: (lower - counted) / years } : {}),
    ...(upper !== undefined ? { room: upper - counted } : {}),
  };
}

/**
 * The flow summed over baseYear+1 … year per draw: years up to the variable's base year from the
 * record (a year without a count counts 0, said in `notes`), later years from the simulation.
 */
export function trackSum(target: Target, variable: PreparedVariable, observations: readonly Observation[]): KindTracking {
  const name = variable.spec.name;
  const baseYear = target.baseYear ?? variable.baseYear ?? variable.firstYear - 1;
  const varBase = variable.baseYear ?? variable.firstYear - 1;
  const rows = fullYearRows(observations);
  const notes: string[] = [];
  let known = 0;
  for (let year = baseYear + 1; year <= Math.min(target.year, varBase); year++) {
    const row = rows.get(year);
    if (row === undefined) notes.push(`${year} counted as 0: no full-year count on record`);
    else {
      known += row.value;
      notes.push(`${year} counted from the record: ${row.value}`);
    }
  }
  return {
    previousOf: [],
    notes,
    startBlock(_base, count, lent) {
      const sum = lent.float64(count).fill(known);
      return {
        observe(columns) {
          const current = columns.current(name);
          if (!current || columns.year > target.year) return undefined;
          // Simulated years only, and only those of the window (a base year after the variable's base
          // year leaves the years between them out: "20 more in 2026–2027" counts from 2026).
          if (columns.year > Math.max(varBase, baseYear)) for (let i = 0; i < count; i++) sum[i] += current[i];
          return sum;
        },
      };
    },
  };
}
