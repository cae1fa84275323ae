// Sensitivity results in the shape the HTML report's tornado chart draws (report/sensitivity-row.ts).
import type { SensitivityRow } from '../report/sensitivity-row.js';
import type { SensitivityResult } from './run-sensitivity.js';

/**
 * One tornado bar per target × input: P(met) with the input low and high, and the swing.
 * @example tornadoRows(result)[0]; // => { scenario: 'baseline', target: 'bj-ai-scholars-2025', input: 'highLevelScholars.start', low: 0, high: 1, swingProbability: 1, baseline: 0.54905 } (the shipped baseline, 20,000 draws)
 */
export function tornadoRows(result: SensitivityResult): SensitivityRow[] {
  return result.targets.flatMap((target) =>
    target.entries.map((entry) => ({
      scenario: result.scenario,
      target: target.baseline.target.id,
      input: `${entry.input.variable}.${entry.input.parameter}`,
      low: entry.probabilityLow,
      high: entry.probabilityHigh,
      swingProbability: entry.swingProbability,
      baseline: target.baseline.probabilityMet,
      ...(target.bound !== '' ? { bound: target.bound } : {}),
    })),
  );
}
