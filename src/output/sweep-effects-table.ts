// sweep-effects.csv: per target judged from the draws, every varied path ranked by its partial rank
// correlation with the target's P(met) across the sweep's variants (src/planner/sweep-effects.ts).
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { SweepEffect } from '../planner/sweep-effects.js';

/** Columns of sweep-effects.csv, in order (docs/planner.md). */
export const sweepEffectColumns = [
  'scenario', 'target', 'variable', 'unit', 'year', 'probabilityMetBound', 'rank', 'path', 'variants',
  'probabilityMin', 'probabilityMax', 'prcc', 'pValue', 'rankR2', 'p50Min', 'p50Max', 'prccP50', 'pValueP50', 'rankR2P50', 'note', 'draws', 'seed',
] as const;

/** sweep-effects.csv text: targets in data order, paths by rank. */
export function sweepEffectsCsv(scenario: string, draws: number, seed: number, effects: readonly SweepEffect[], digits?: number): string {
  const f = (x: number) => formatNumber(x, digits);
  const rows = effects.map((e): Record<string, Cell> => ({
    scenario,
    target: e.target.id,
    variable: e.target.variable,
    unit: e.target.unit,
    year: e.target.year,
    probabilityMetBound: e.target.bound,
    rank: e.rank,
    path: e.path,
    variants: e.variants,
    probabilityMin: f(e.probabilityMin),
    probabilityMax: f(e.probabilityMax),
    prcc: f(e.prcc),
    pValue: f(e.pValue),
    rankR2: f(e.rankR2),
    p50Min: f(e.p50Min),
    p50Max: f(e.p50Max),
    prccP50: f(e.prccP50),
    pValueP50: f(e.pValueP50),
    rankR2P50: f(e.rankR2P50),
    note: e.note,
    draws,
    seed,
  }));
  return toCsv(sweepEffectColumns, rows);
}
