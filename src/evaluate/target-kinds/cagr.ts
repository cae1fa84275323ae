// Kind `cagr`: compound average growth over a window ("年均增长10%以上").
import type { Observation, Target } from '../../data/types.js';
import type { PreparedVariable } from '../../model/prepared-model.js';
import { boundWords } from '../bound-words.js';
import { fullYearLevels } from '../known-history.js';
import { decideBounds, figureText, type RecordJudgement } from '../record-judgement.js';
import { partYearText, yearOnRecord, type YearOnRecord } from '../year-on-record.js';
import { growthNeed, windowFields } from './growth-each-year.js';
import { lentCopy, type KindTracking, type TargetKindDefinition } from './target-kind.js';

export const cagrKind: TargetKindDefinition = {
  name: 'cagr',
  labelZh: '年均增速',
  labelEn: 'CAGR',
  keys: ['fromYear'],
  unit: 'rate',
  judged: 'cagr',
  passage: 'none',
  parse: (_item, context) => windowFields(context),
  describe: (target) => `compound growth a year from ${(target.fromYear ?? target.year) - 1} to ${target.year} ${boundWords(target)}`,
  judgeOnRecord: judgeCagrOnRecord,
  need: growthNeed,
  track: trackCagr,
};

/**
 * The window's compound growth on record: both end levels (fromYear − 1 and year) as intervals
 * (yearOnRecord: the full-year reading, raised by a part of the year that bounds it from below) give
 * the CAGR's interval [(low_end / high_start)^(1/n) − 1, (high_end / low_start)^(1/n) − 1], n the
 * window's years (a level's open lower end is 0, its open upper end ∞); it decides the bounds or leaves them undecided.
 * @example judgeCagrOnRecord(target2016to2020, rows).outcome; // => 'undecided' without a 2020 level
 */
export function judgeCagrOnRecord(target: Target, observations: readonly Observation[]): RecordJudgement {
  const fromYear = target.fromYear ?? target.year;
  const start = yearOnRecord(observations, fromYear - 1);
  const end = yearOnRecord(observations, target.year);
  const rowsOf = (known: YearOnRecord | undefined) => (known ? [known.fullYear, known.partYear].filter((o) => o !== undefined) : []);
  const textOf = (known: YearOnRecord) => (known.fullYear && !known.partYear ? `${known.year}: ${figureText(known.fullYear.value, known.fullYear.qualifier)}` : `${known.year}: ${figureText(known.interval.low, 'atLeast')}${known.partYear ? ` (${partYearText(known.partYear)})` : ''}`);
  if (!start?.fullYear || !end) {
    const missing = [!start?.fullYear ? fromYear - 1 : undefined, !end ? target.year : undefined].filter((y) => y !== undefined);
    return { outcome: 'undecided', deciding: [...rowsOf(start), ...rowsOf(end)], reason: `no full-year level for ${missing.join(' and ')} on record` };
  }
  const years = target.year - fromYear + 1;
  const a = start.interval;
  const b = end.interval;
  // Levels are never negative: an open end below is 0 (a growth of −100%), an open end above ∞.
  const interval = {
    low: Number.isFinite(a.high) && a.high > 0 ? Math.pow(Math.max(0, b.low) / a.high, 1 / years) - 1 : -1,
    high: a.low > 0 ? Math.pow(b.high / a.low, 1 / years) - 1 : Number.POSITIVE_INFINITY,
  };
  const decision = decideBounds(interval, target);
  const endValue = end.fullYear && !end.partYear ? end.fullYear.value : end.interval.low;
  const point = Math.pow(endValue / start.fullYear.value, 1 / years) - 1;
  const rate = `${(point * 100).toFixed(1)}% a year${end.fullYear && !end.partYear ? '' : ' at least'}`;
  const text = `${textOf(start)} → ${textOf(end)}, ${rate}`;
  const deciding = [...rowsOf(start), ...rowsOf(end)];
  if (!end.fullYear) {
    // A part of the end year bounds the CAGR from below: it can achieve a floor, never miss one.
    if (decision === 'met') return { outcome: 'achieved', deciding, value: point, qualifier: 'atLeast', reason: text };
    return { outcome: 'undecided', deciding, value: point, qualifier: 'atLeast', reason: `no full-year level for ${target.year} on record; ${text}, which does not decide it` };
  }
  if (decision === 'undecided') return { outcome: 'undecided', deciding, value: point, reason: `the levels cannot decide it: ${text}` };
  return { outcome: decision === 'met' ? 'achieved' : 'missed', deciding, value: point, qualifier: start.fullYear.qualifier === 'exact' && end.fullYear.qualifier === 'exact' && !end.partYear ? 'exact' : 'approx', reason: text };
}

/**
 * Per draw, (V_year / V_start)^(1 / n) − 1 with n = year − fromYear + 1: V_start is the level on
 * record in fromYear − 1 when that year is before the variable's base year, else the simulated one.
 */
export function trackCagr(target: Target, variable: PreparedVariable, observations: readonly Observation[]): KindTracking {
  const name = variable.spec.name;
  const fromYear = target.fromYear ?? target.year;
  const varBase = variable.baseYear ?? variable.firstYear - 1;
  const notes: string[] = [];
  const recordedStart = fromYear - 1 < varBase ? fullYearLevels(observations).get(fromYear - 1)?.value : undefined;
  if (fromYear - 1 < varBase && recordedStart === undefined) notes.push(`no level on record for ${fromYear - 1}: the window starts at the base year ${varBase}`);
  else if (recordedStart !== undefined) notes.push(`${fromYear - 1} level from the record: ${recordedStart}`);
  const span = target.year - fromYear + 1;
  return {
    previousOf: [],
    notes,
    startBlock(base, count, lent) {
      // A copy: the simulation's base columns become its first year.
      const baseColumn = recordedStart === undefined && fromYear - 1 <= varBase ? base.get(name) : undefined;
      let start = recordedStart !== undefined ? lent.float64(count).fill(recordedStart) : baseColumn ? lentCopy(baseColumn, count, lent) : undefined;
      let cagr: Float64Array | undefined;
      return {
        observe(columns) {
          const current = columns.current(name);
          if (!current) return undefined;
          if (columns.year === fromYear - 1) start = lentCopy(current, count, lent);
          if (columns.year !== target.year || !start) return undefined;
          cagr = lent.float64(count);
          for (let i = 0; i < count; i++) cagr[i] = Math.pow(current[i] / start[i], 1 / span) - 1;
          return cagr;
        },
      };
    },
  };
}
