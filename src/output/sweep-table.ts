// sweep.csv: one row per variant × target, with the value of every varied assumption. Written in
// pieces: each variant's rows become CSV as the variant completes (a sweep of 10,000 variants then
// keeps 10,000 short pieces, not 10,000 outcomes), and the file is the header and those pieces.
import { formatNumber } from '../io/format-number.js';
import { csvHeader, csvRecords, type Cell } from '../io/to-csv.js';
import type { VariantOutcome } from '../planner/run-variant.js';
import { verdictSummaryCells } from './targets-table.js';

/** Columns after the varied paths (which come right after `variant`, one column each, named by the path). */
export const sweepTargetColumns = [
  'target', 'variable', 'unit', 'kind', 'year', 'comparator', 'threshold', 'aspiration', 'draws',
  'status', 'judgedOn', 'basis', 'probabilityMet', 'probabilityMetSe', 'probabilityMetBound', 'probabilityAspiration', 'p05', 'p50', 'p95', 'gap', 'gapRelative',
] as const;

/**
 * The columns of a sweep's CSV: `scenario, variant, <path…>, target, …`.
 * @example sweepColumns(['assumptions.aiCoreIndustry.growth.mean']).slice(0, 3); // => ['scenario', 'variant', 'assumptions.aiCoreIndustry.growth.mean']
 */
export function sweepColumns(paths: readonly string[]): string[] {
  return ['scenario', 'variant', ...paths, ...sweepTargetColumns];
}

/**
 * The sweep.csv rows of one variant, as CSV text without the header: its judged targets (by
 * projection or on record) in data order, each after the scenario, the variant number and its values.
 * @param digits significant digits (default formatNumber's)
 */
export function sweepVariantCsv(scenario: string, variant: number, values: readonly number[], outcome: VariantOutcome, digits?: number): string {
  const f = (x: number | undefined) => formatNumber(x, digits);
  const lead: Cell[] = [scenario, variant, ...values.map(f)];
  return csvRecords(
    outcome.verdicts
      .filter((v) => v.status !== 'not judged')
      .map((v) => {
        const cells = verdictSummaryCells(v, f);
        return [...lead, ...sweepTargetColumns.map((column) => cells[column])];
      }),
  );
}

/**
 * sweep.csv's bytes (UTF-8): the header, then each variant's rows in variant order, as
 * sweepVariantCsv wrote them and the caller kept them (as UTF-8 bytes: half the memory of the
 * text, whose Chinese units make it two bytes a character in V8).
 */
export function sweepCsv(paths: readonly string[], variantRows: readonly Uint8Array[]): Buffer {
  return Buffer.concat([Buffer.from(csvHeader(sweepColumns(paths))), ...variantRows]);
}
