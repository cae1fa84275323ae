// Where a projection starts: the latest full-year level (a band for approx figures and bounds) or the model's start.
import { ModelError } from '../errors/model-error.js';
import type { CalibrationInput, EvidenceItem, LawName } from '../laws/law.js';
import type { Distribution } from '../model/distribution.js';
import { approxBand, estimateBand } from '../data/figure-bands.js';
import { boundBand } from './calibration-constants.js';
import { calibrationMessages, calibrationNotes } from './calibration-messages.js';
import { yearLevels, type YearLevel } from '../data/year-levels.js';

/** The base year and the distribution of the level in it. */
export interface BaseLevel {
  readonly baseYear: number;
  readonly base: Distribution;
  readonly evidence: readonly EvidenceItem[];
  readonly notes: readonly string[];
}

/**
 * The starting level of a projection.
 * 1. A `start` stated in the model wins (the model's explicit assumption; calibration never overrides it).
 * 2. Otherwise the latest year (≤ toYear) with a level of the variable's own series (the level of a
 *    year: src/data/year-levels.ts, outturns before estimates, the latest vintage):
 *    exact v → constant v; approx v → uniform [v·(1 − 0.03), v·(1 + 0.03)]; an estimate (exact or
 *    approx) v → uniform [v·(1 − 0.10), v·(1 + 0.10)] (estimateBand);
 *    atLeast v → uniform [v, v·(1 + 0.10)]; atMost v → uniform [v·(1 − 0.10), v];
 *    atLeast lo and atMost hi in the same year → uniform [lo, hi]. A point beats a bound in the same year.
 * `growthEvidence` series never give levels (other scopes are never spliced).
 * Reference: data/README.md (a bound stays a bound); constants in calibration-constants.ts.
 * @param input the calibration input
 * @param law the law, for messages
 * @param options `positive`: the law works on the log scale, so the level must be > 0
 * @returns baseYear, base distribution, the level used as evidence, notes
 * @throws ModelError when there is neither a full-year level nor a start, or a log-scale level is ≤ 0
 * @example
 * // FY 2023 "接近30000" (approx) → { baseYear: 2023, base: { dist: 'uniform', min: 29100, max: 30900 } }
 * baseLevel(input, 'compound', { positive: true });
 */
export function baseLevel(input: CalibrationInput, law: LawName, options: { readonly positive: boolean }): BaseLevel {
  if (input.start) {
    return { baseYear: input.start.year, base: input.start.value, evidence: [], notes: [calibrationNotes.startUsed(input.start.year)] };
  }
  // Filtered only when a year lies past toYear: the array as given keeps its levels (keptFor).
  const { toYear } = input;
  const rows = toYear === undefined || input.observations.every((o) => o.year <= toYear) ? input.observations : input.observations.filter((o) => o.year <= toYear);
  const { points, bounds } = yearLevels(rows);
  const latestYear = Math.max(...points.map((p) => p.year), ...bounds.map((b) => b.year));
  if (!Number.isFinite(latestYear)) throw new ModelError(input.variable, law, calibrationMessages.noBase());

  const point = points.find((p) => p.year === latestYear);
  const lower = bounds.filter((b) => b.year === latestYear && b.qualifier === 'atLeast').sort((a, b) => b.value - a.value)[0];
  const upper = bounds.filter((b) => b.year === latestYear && b.qualifier === 'atMost').sort((a, b) => a.value - b.value)[0];
  for (const level of [point, lower, upper]) {
    if (level && options.positive && !(level.value > 0)) {
      throw new ModelError(input.variable, law, calibrationMessages.nonPositiveLevel(level.observation));
    }
  }
  const item = (level: YearLevel): EvidenceItem => ({
    year: level.year,
    description: `base level ${level.kind === 'estimate' ? 'estimate ' : ''}${level.qualifier} ${level.value} (${level.series} ${level.observation.period}, ${level.observation.file}:${level.observation.line})`,
    value: level.value,
    weight: 1,
  });

  if (point) {
    const band = point.kind === 'estimate' ? estimateBand : point.qualifier === 'approx' ? approxBand : 0;
    const base: Distribution = band > 0 ? { dist: 'uniform', min: point.value * (1 - band), max: point.value * (1 + band) } : { dist: 'constant', value: point.value };
    const what = point.kind === 'estimate' ? `an estimate (${point.qualifier}) ${point.value}, no outturn yet` : `approx ${point.value}`;
    const notes = band > 0 ? [`base level ${what}: drawn uniformly within ±${Math.round(band * 100)}%`] : [];
    return { baseYear: latestYear, base, evidence: [item(point)], notes };
  }
  if (lower && upper && lower.value < upper.value) {
    return {
      baseYear: latestYear,
      base: { dist: 'uniform', min: lower.value, max: upper.value },
      evidence: [item(lower), item(upper)],
      notes: [`base level between the bounds ${lower.value} and ${upper.value}: drawn uniformly between them`],
    };
  }
  if (lower) {
    return {
      baseYear: latestYear,
      base: { dist: 'uniform', min: lower.value, max: lower.value * (1 + boundBand) },
      evidence: [item(lower)],
      notes: [`base level at least ${lower.value}: drawn uniformly in [${lower.value}, ${lower.value} × ${1 + boundBand}] (a bound stays a bound)`],
    };
  }
  const bound = upper as YearLevel;
  return {
    baseYear: latestYear,
    base: { dist: 'uniform', min: bound.value * (1 - boundBand), max: bound.value },
    evidence: [item(bound)],
    notes: [`base level at most ${bound.value}: drawn uniformly in [${bound.value} × ${1 - boundBand}, ${bound.value}] (a bound stays a bound)`],
  };
}
