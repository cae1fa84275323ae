// A target's result as plain data without its target (which the reader has from the inputs): what a
// sweep's shard keeps of each variant, numbers in one array so NaN survives JSON.
import type { Target } from '../data/types.js';
import type { TargetResult } from '../model/target-result.js';
import { projectedStatus } from '../evaluate/target-status.js';

/** The numeric fields of a TargetResult, in the order of PortableTargetResult.numbers. */
export const targetResultNumbers = [
  'draws', 'probabilityMet', 'probabilityMetSe', 'probabilityBelow', 'probabilityAbove', 'probabilityAspiration',
  'p05', 'p50', 'p95', 'gap', 'gapRelative', 'requiredCagr', 'assumedCagr', 'historicalCagr', 'firstYearMedianMeets',
] as const;

export interface PortableTargetResult {
  readonly target: string;
  readonly variable: string;
  readonly unit: string;
  readonly judged: string;
  /** targetResultNumbers, in order (firstYearMedianMeets NaN when there is none). */
  readonly numbers: Float64Array;
  /** [year, probability, year, probability, …]. */
  readonly firstPassage: Float64Array;
  readonly notes: readonly string[];
}

/**
 * The result as plain data.
 * @example portableTargetResult(result).numbers.length; // => 15
 */
export function portableTargetResult(result: TargetResult): PortableTargetResult {
  return {
    target: result.target.id,
    variable: result.variable,
    unit: result.unit,
    judged: result.judged,
    numbers: Float64Array.from(targetResultNumbers, (key) => (key === 'firstYearMedianMeets' ? (result.firstYearMedianMeets ?? Number.NaN) : result[key])),
    firstPassage: Float64Array.from(result.firstPassage.flatMap((p) => [p.year, p.probability])),
    notes: result.notes,
  };
}

/** The result again, with its target (bounds in the variable's unit) and its status from P(met). */
export function targetResultFrom(portable: PortableTargetResult, target: Target): TargetResult {
  const n = (key: (typeof targetResultNumbers)[number]) => portable.numbers[targetResultNumbers.indexOf(key)];
  const firstYear = n('firstYearMedianMeets');
  const firstPassage: { year: number; probability: number }[] = [];
  for (let i = 0; i + 1 < portable.firstPassage.length; i += 2) firstPassage.push({ year: portable.firstPassage[i], probability: portable.firstPassage[i + 1] });
  return {
    target,
    variable: portable.variable,
    unit: portable.unit,
    judged: portable.judged,
    draws: n('draws'),
    probabilityMet: n('probabilityMet'),
    probabilityMetSe: n('probabilityMetSe'),
    probabilityBelow: n('probabilityBelow'),
    probabilityAbove: n('probabilityAbove'),
    probabilityAspiration: n('probabilityAspiration'),
    p05: n('p05'),
    p50: n('p50'),
    p95: n('p95'),
    gap: n('gap'),
    gapRelative: n('gapRelative'),
    requiredCagr: n('requiredCagr'),
    assumedCagr: n('assumedCagr'),
    historicalCagr: n('historicalCagr'),
    ...(Number.isNaN(firstYear) ? {} : { firstYearMedianMeets: firstYear }),
    status: projectedStatus(n('probabilityMet')),
    firstPassage,
    notes: portable.notes,
  };
}
