// Wording of every calibration problem (ModelError messages) and of the notes calibration writes.
import type { Observation } from '../data/types.js';
import type { BandFloor } from './band-floor.js';

/** `file:line` of an observation, for messages and notes. */
function at(observation: Observation): string {
  return `${observation.file}:${observation.line}`;
}

/**
 * Messages of calibration, `<what> must <rule>, got <value>` like the rest of the engine; the
 * ModelError that carries them adds the variable and the law.
 * @example calibrationMessages.noEvidence(['growth', 'volatility']);
 * // => 'growth, volatility must be calibrated on evidence or given in the model, got no usable observations'
 */
export const calibrationMessages = {
  noEvidence: (params: readonly string[]) =>
    `${params.join(', ')} must be calibrated on evidence or given in the model, got no usable observations`,
  noBase: () => 'the base level must come from a full-year level of the series or a `start` in the model, got neither',
  nonPositiveLevel: (observation: Observation) =>
    `level of ${observation.series} ${observation.year} ${observation.period} must be positive for a law on the log scale, got ${observation.value} (${at(observation)})`,
  impossibleGrowth: (observation: Observation) =>
    `yoy of ${observation.series} ${observation.year} ${observation.period} must be greater than -1, got ${observation.yoy} (${at(observation)})`,
  negativeCount: (observation: Observation) =>
    `count of ${observation.series} ${observation.year} must be a non-negative number, got ${observation.value} (${at(observation)})`,
  capacityNeedsData: (years: number, minimum: number) =>
    `capacity must be given in the model when fewer than ${minimum} growth figures are known, got ${years}`,
  noCapacity: (slope: number) =>
    `capacity must be given in the model when the data show no slowing of growth as the level rises, got a regression slope of ${slope.toPrecision(3)}`,
} as const;

/** Notes calibration writes into `Calibration.notes` (plain language, one idea each). */
export const calibrationNotes = {
  boundNotPoint: (observation: Observation, qualifier: string) =>
    `${observation.series} ${observation.year} ${observation.period} is a bound (${qualifier} ${observation.value ?? observation.yoy}), treated as censored: not used as a point (${at(observation)})`,
  unknownPeriod: (observation: Observation) =>
    `${observation.series} ${observation.year} period ${JSON.stringify(observation.period)} not understood, not used (${at(observation)})`,
  yoyPreferred: (series: string, from: number, to: number, years: readonly number[]) =>
    `${series} level ratio ${from}→${to} not used: the reported yoy of ${years.join(', ')} is preferred (statistical bureaus compute yoy on comparable firms)`,
  derivedYoyUsed: (series: string, from: number, to: number, years: readonly number[]) =>
    `${series} level ratio ${from}→${to} not used: the growth of ${years.join(', ')} is on record as a derived yoy (the same levels' arithmetic), used once`,
  weakGrowthSkipped: (observation: Observation) =>
    `${observation.series} ${observation.year} ${observation.period} yoy ${observation.yoy} not used: graded ${observation.confidence}, and a better-graded growth of ${observation.year} is on record (${at(observation)})`,
  acrossBreak: (series: string, from: number, to: number, breakYear: number) =>
    `${series} level ratio ${from}→${to} not used: the series is on a new basis from ${breakYear} (a break, data/series.csv), so the levels are not comparable`,
  otherSeriesLevelsNotCompared: (series: string) =>
    `${series} levels not compared across years: a related series informs growth only through its published rates`,
  censoredSuperseded: (described: string, years: readonly number[]) =>
    `${described} not used: a point growth of ${years.join(', ')} is on record (a bound adds nothing where a point speaks)`,
  boundsSayNothing: (described: string) => `growth from ${described} not bounded: two bounds on the same side say nothing about the growth between them`,
  partialSuperseded: (series: string, year: number, period: string) =>
    `${series} ${year} ${period} yoy not used: full-year growth of ${year} is known`,
  weakPrior: (volatility: number, df: number) =>
    `weak prior: volatility ${volatility} log points worth ${df} pseudo-observations (BDA3 §3.3)`,
  defaultUsed: (param: string, value: string, why: string) => `default ${param} = ${value}: ${why}`,
  fixedKept: (params: readonly string[]) => `given in the model or scenario, not calibrated: ${params.join(', ')}`,
  startUsed: (year: number) => `base level from the model's start (${year}), as the model states it`,
  bandFloor: (floor: BandFloor) =>
    floor.factor === 1
      ? `pooled short-series band floor: ${floor.years} years of growth evidence (length class ${floor.lengthClass}); hindcasts of this law in that class covered as often as claimed (factor ${floor.measured.toFixed(3)}), bands kept`
      : `pooled short-series band floor: ${floor.years} years of growth evidence (length class ${floor.lengthClass}); the growth scale and volatility ×${floor.factor.toFixed(3)}, the factor hindcasts of this law on windows of that class in the M3 and tourism training parts needed for their 80% and 95% bands to cover as claimed (docs/backtest.md §8)`,
  growthAsRate: () =>
    'growth calibrated in log points; its rate is studentT(location exp(m) − 1, scale exp(m)·se) (delta method, exact at the median)',
} as const;
