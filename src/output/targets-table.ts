// targets.csv and first-passage.csv: every judged target in every scenario, in a stable order.
import type { Target } from '../data/types.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { ScenarioResult } from '../pipeline/scenario-result.js';

export const targetColumns = [
  'scenario', 'target', 'variable', 'unit', 'kind', 'judged', 'year', 'fromYear', 'baseYear',
  'comparator', 'threshold', 'thresholdUpper', 'draws', 'probabilityMet', 'probabilityMetSe',
  'probabilityBelow', 'probabilityAbove',
  'p05', 'p50', 'p95', 'gap', 'gapPercent', 'requiredCagr', 'assumedCagr', 'historicalCagr',
  'firstYearMedianMeets', 'status', 'source', 'notes',
] as const;

export const firstPassageColumns = ['scenario', 'target', 'variable', 'year', 'probabilityMet'] as const;

/**
 * The comparison a target states, in the words of its YAML: `atLeast` (≥), `above` (>) for the
 * commitment; `atMost` (≤), `below` (<) for a ceiling; both joined by `+` for a band the text
 * states at both ends (`atLeast+atMost`); `approx` for 左右/约 targets.
 * @example comparatorOf({ lower: { value: 3000, inclusive: true } }); // => 'atLeast'
 */
export function comparatorOf(target: Pick<Target, 'lower' | 'upper' | 'approx'>): string {
  if (target.approx) return 'approx';
  const words: string[] = [];
  if (target.lower) words.push(target.lower.inclusive ? 'atLeast' : 'above');
  if (target.upper) words.push(target.upper.inclusive ? 'atMost' : 'below');
  return words.join('+');
}

export function targetRows(results: readonly ScenarioResult[], digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return results.flatMap((result) =>
    result.targets.map((t) => ({
      scenario: result.scenario.scenario,
      target: t.target.id,
      variable: t.variable,
      unit: t.unit,
      kind: t.target.kind,
      judged: t.judged,
      year: t.target.year,
      fromYear: t.target.fromYear,
      baseYear: t.target.baseYear,
      comparator: comparatorOf(t.target),
      threshold: f(t.target.lower?.value ?? t.target.upper?.value),
      thresholdUpper: t.target.lower && t.target.upper ? f(t.target.upper.value) : '',
      draws: t.draws,
      probabilityMet: f(t.probabilityMet),
      probabilityMetSe: f(t.probabilityMetSe),
      probabilityBelow: f(t.probabilityBelow),
      probabilityAbove: f(t.probabilityAbove),
      p05: f(t.p05),
      p50: f(t.p50),
      p95: f(t.p95),
      gap: f(t.gap),
      gapPercent: f(t.gapPercent),
      requiredCagr: f(t.requiredCagr),
      assumedCagr: f(t.assumedCagr),
      historicalCagr: f(t.historicalCagr),
      firstYearMedianMeets: t.firstYearMedianMeets,
      status: t.status,
      source: t.target.source,
      notes: t.notes.join('; '),
    })),
  );
}

export function targetsCsv(results: readonly ScenarioResult[], digits?: number): string {
  return toCsv(targetColumns, targetRows(results, digits));
}

export function firstPassageCsv(results: readonly ScenarioResult[], digits?: number): string {
  const rows = results.flatMap((result) =>
    result.targets.flatMap((t) =>
      t.firstPassage.map((point) => ({
        scenario: result.scenario.scenario,
        target: t.target.id,
        variable: t.variable,
        year: point.year,
        probabilityMet: formatNumber(point.probability, digits),
      })),
    ),
  );
  return toCsv(firstPassageColumns, rows);
}
