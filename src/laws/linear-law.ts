// The linear law: the level rises by a constant expected amount each year, with additive noise.
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { priorDegreesOfFreedom, priorVolatility } from '../calibrate/calibration-constants.js';
import { calibrationMessages, calibrationNotes } from '../calibrate/calibration-messages.js';
import { collectGrowthEvidence } from '../calibrate/growth-evidence.js';
import { posteriorGrowth, type WeightedSample } from '../calibrate/posterior-growth.js';
import { yearLevels } from '../data/year-levels.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import { newColumns, type Calibration, type CalibrationInput, type EvidenceItem, type Law, type LawRuntime, type LawStartInput } from './law.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Linear growth: V_t = V_{t−1} + slope + σ ε_t, ε_t ~ N(0, 1) from the stream `innovation`
 * (a random walk with drift; the level may cross zero).
 * Parameters: `slope` (level units per year), `volatility` σ (level units).
 * Calibration: the own series' growth evidence (collectGrowthEvidence: level ratios, yoy, partial
 * yoy, with its preferences) turned into level steps with the level at the start of each span,
 * Δ = V_{t−k}·(exp(k·g) − 1)/k (V_{t−k} reported, or V_t / exp(k·g)); then posteriorGrowth on the
 * steps with the prior volatility σ0 = 0.05 × the mean reported level, ν0 = 2: slope ~ t_df, σ ~
 * scaledInvChi. Other series' growth is not used (their levels are of another scope).
 * Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.) §5.2 (drift
 * method); BDA3 §3.2–3.3.
 * @example
 * // levels 100, 110, 120 → slope t_3(10, …), base 120
 * linearLaw.calibrate(input).params.slope;
 */
export const linearLaw: Law = {
  name: 'linear',
  levels: 'any',
  summary: 'V_t = V_{t−1} + slope + σε_t (random walk with drift, level units)',
  parameters: [
    { name: 'slope', description: 'expected change of the level per year', unit: 'level', plausible: [-Infinity, Infinity] },
    { name: 'volatility', description: 'sd of the yearly change σ', unit: 'level', min: 0, plausible: [0, Infinity] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'linear', { positive: false });
    const found = collectGrowthEvidence({ ...input, growthEvidence: [] }, 'linear');
    const notes: string[] = [...base.notes, ...found.notes];
    if (input.growthEvidence.length > 0) notes.push('growthEvidence series not used: a linear law needs level steps of its own series');
    const window = input.observations.filter(
      (o) => (input.fromYear === undefined || o.year >= input.fromYear) && (input.toYear === undefined || o.year <= input.toYear),
    );
    const levelOf = new Map(yearLevels(window).points.map((p) => [p.year, p.value]));
    const steps: WeightedSample[] = [];
    const evidence: EvidenceItem[] = [];
    for (const sample of found.samples) {
      const factor = Math.exp(sample.years * sample.value);
      const start = levelOf.get(sample.year - sample.years) ?? (levelOf.has(sample.year) ? levelOf.get(sample.year)! / factor : undefined);
      if (start === undefined) {
        notes.push(`${sample.series} ${sample.year} growth not used: no level of ${sample.year - sample.years} or ${sample.year} to turn it into a step`);
        continue;
      }
      const step = (start * (factor - 1)) / sample.years;
      steps.push({ value: step, weight: sample.weight });
      evidence.push({ year: sample.year, description: `step ${step.toFixed(4)} a year (${sample.kind}, ${sample.series})`, value: step, weight: sample.weight });
    }
    const calibrated: Record<string, Distribution> = {};
    const free = ['slope', 'volatility'].filter((name) => input.fixed[name] === undefined);
    if (free.length > 0) {
      if (steps.length === 0) throw new ModelError(input.variable, 'linear', calibrationMessages.noEvidence(free));
      const levelsSeen = [...levelOf.values()];
      const scale = priorVolatility * Math.abs(levelsSeen.reduce((s, v) => s + v, 0) / levelsSeen.length);
      const posterior = posteriorGrowth(steps, { scale, df: priorDegreesOfFreedom });
      calibrated.slope = { dist: 'studentT', location: posterior.location, scale: posterior.scale, df: posterior.df };
      calibrated.volatility = { dist: 'scaledInvChi', scale: posterior.volatilityScale, df: posterior.df };
      notes.push(
        calibrationNotes.weakPrior(priorVolatility, priorDegreesOfFreedom).replace('log points', `× the mean level (${scale.toFixed(4)} level units)`),
      );
    }
    return lawCalibration('linear', base, ['slope', 'volatility'], calibrated, input.fixed, evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    // Copies: the parameter columns are lent for start() only.
    const columns = input.columns ?? newColumns;
    const slope = columns.float64(draws);
    slope.set(paramColumn(input.params, 'slope', draws));
    const volatility = paramColumn(input.params, 'volatility', draws);
    const sigma = columns.float64(draws);
    for (let i = 0; i < draws; i++) sigma[i] = Math.max(volatility[i], 0);
    const innovation = input.stream('innovation');
    let last = 0;
    return {
      next(step: number, level: Float64Array, scratch: Float64Array): void {
        checkStep('linear', last, step);
        last = step;
        innovation.fillStandardNormal(scratch);
        for (let i = 0; i < draws; i++) level[i] += slope[i] + sigma[i] * scratch[i];
      },
    };
  },
};
