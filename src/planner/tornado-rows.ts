// Sensitivity results in the shape the HTML report's tornado chart draws (report/sensitivity-row.ts).
import type { SensitivityRow } from '../report/sensitivity-row.js';
import type { SensitivityResult } from './run-sensitivity.js';

/**
 * One tornado bar per target × input: P(met) with the input low and high, and the swing.
 * @example tornadoRows(result)[0]; // => { scenario: 'baseline', target: 'bj-ai-core-2025', input: 'aiCoreIndustry.growth', low: 0.2, high: 0.9, swingProbability: 0.7, baseline: 0.7 }
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
