// draws.csv: sampled Monte Carlo paths in long format (scenario, draw, variable, year, value), for audit and notebooks.
import type { DrawPoint } from '../evaluate/track-draws.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv } from '../io/to-csv.js';

/** Columns of draws.csv. */
export const drawsColumns = ['scenario', 'draw', 'variable', 'year', 'value'] as const;

/** One scenario's sampled paths (from trackDraws). */
export interface ScenarioDraws {
  readonly scenario: string;
  readonly points: readonly DrawPoint[];
}

/**
 * draws.csv text: scenarios in the order given, then draw, variable (model order), year — the order
 * trackDraws returns. `draw` is the 0-based draw number, the same draw in every scenario of a run
 * (common random numbers), so paths can be paired across scenarios.
 * @example drawsCsv([{ scenario: 'b', points: [{ draw: 0, variable: 'x', year: 2024, value: 1.5 }] }]); // => 'scenario,draw,variable,year,value\nb,0,x,2024,1.5\n'
 */
export function drawsCsv(scenarios: readonly ScenarioDraws[], digits?: number): string {
  const rows = scenarios.flatMap(({ scenario, points }) =>
    points.map((p) => ({ scenario, draw: p.draw, variable: p.variable, year: p.year, value: formatNumber(p.value, digits) })),
  );
  return toCsv(drawsColumns, rows);
}
