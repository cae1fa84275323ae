// Wording of the notes the "level of a year" rule writes (shown by `forecast explain`, one idea each).
import type { Observation } from './types.js';

/** `file:line` of an observation. */
function at(observation: Observation): string {
  return `${observation.file}:${observation.line}`;
}

/** A reading as the notes show it: `approx 3500 (estimate, published 2025-08-15, data/observations.csv:12)`. */
function reading(observation: Observation): string {
  const kind = observation.kind === 'observed' ? '' : `${observation.kind}, `;
  return `${observation.qualifier} ${observation.value} (${kind}published ${observation.published}, ${at(observation)})`;
}

/**
 * Notes of `yearLevels`: why a row is not a level of its year, and which reading was kept.
 * @example yearLevelNotes.partialLevel(row); // => 'bj.x 2023 M1-M10 level 21201 not used as a level: partial years are never scaled by months (data/observations.csv:2)'
 */
export const yearLevelNotes = {
  partialLevel: (observation: Observation) =>
    `${observation.series} ${observation.year} ${observation.period} level ${observation.value} not used as a level: partial years are never scaled by months (${at(observation)})`,
  stockNotYearEnd: (observation: Observation) =>
    `${observation.series} ${observation.period} level is a stock before year end, not used as that year's level (${at(observation)})`,
  unknownPeriod: (observation: Observation) =>
    `${observation.series} ${observation.year} period ${JSON.stringify(observation.period)} not understood, not used (${at(observation)})`,
  readingsOfYear: (series: string, year: number, kept: Observation, others: readonly Observation[]) =>
    `${series} ${year}: ${others.length + 1} readings of the year; kept ${reading(kept)}, not ${others.map(reading).join('; ')}`,
} as const;
