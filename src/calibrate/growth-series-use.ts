// Evidence wiring is what the model says: every series a model names in calibrate.growthSeries
// either contributes to the calibration, or the reason it cannot is said (a warning) or refused.
import type { Observation } from '../data/types.js';
import { messages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import type { Calibration } from '../laws/law.js';
import type { VariableSpec } from '../spec/model-spec.js';

/** What became of each growth series: warnings for explain, problems that refuse the model. */
export interface GrowthSeriesUse {
  readonly notes: readonly string[];
  readonly problems: readonly Problem[];
}

/**
 * Checks that each series of `calibrate.growthSeries` gave the calibration at least one evidence item:
 * - it did: nothing to say;
 * - it has no observation in the data (as of the run's date), or none inside `calibrate.from`–`to`:
 *   legitimate (a vintage before the series existed, a window the model chose) — a note, which
 *   `forecast explain` prints under the variable;
 * - its observations are in the window but none can be used (stock dates, partial-year levels,
 *   bounds, or a law that reads no growth series): an input error at the variable, naming the series,
 *   its observations and the calibration's notes on them, so the model's claim is fixed or removed.
 * @param observations the observed rows of every growth series (as of the run's date)
 * @example growthSeriesUse(aiCoreSpec, calibration, rows).problems[0].message; // => 'variables.aiCoreIndustry.calibrate.growthSeries names cn.ai.core, …'
 */
export function growthSeriesUse(spec: VariableSpec, calibration: Calibration, observations: readonly Observation[]): GrowthSeriesUse {
  const notes: string[] = [];
  const problems: Problem[] = [];
  const inWindow = (o: Observation) => (spec.calibrateFrom === undefined || o.year >= spec.calibrateFrom) && (spec.calibrateTo === undefined || o.year <= spec.calibrateTo);
  for (const series of spec.growthSeries) {
    if (calibration.evidence.some((e) => e.series === series)) continue;
    const rows = observations.filter((o) => o.series === series);
    if (rows.length === 0) notes.push(`growth series ${series} contributes nothing: no observation of it is on record (as of the run's date)`);
    else if (!rows.some(inWindow)) notes.push(`growth series ${series} contributes nothing: its ${rows.length} observations lie outside calibrate from–to`);
    else {
      const why = calibration.notes.filter((note) => note.includes(series));
      problems.push({
        file: spec.location.file,
        line: spec.location.line,
        col: spec.location.col,
        field: `variables.${spec.name}.calibrate.growthSeries`,
        message: messages.growthSeriesUnused(`variables.${spec.name}.calibrate.growthSeries`, series, rows.filter(inWindow).length, calibration.law, why),
      });
    }
  }
  return { notes, problems };
}
