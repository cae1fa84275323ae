// The compound law: a stochastic growth rate (AR(1) in log growth around a mean) compounding the level.
import { bandFloor } from '../calibrate/band-floor.js';
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { priorDegreesOfFreedom, priorVolatility } from '../calibrate/calibration-constants.js';
import { calibrationMessages, calibrationNotes } from '../calibrate/calibration-messages.js';
import { censoredGrowthPosterior } from '../calibrate/censored-growth-posterior.js';
import { collectGrowthEvidence } from '../calibrate/growth-evidence.js';
import { growthPriorNotes } from '../calibrate/growth-prior-notes.js';
import { growthRateDistribution } from '../calibrate/growth-rate-distribution.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import type { RandomStream } from '../model/random-stream.js';
import { newColumns, type BlockColumns, type Calibration, type CalibrationInput, type Law, type LawRuntime, type LawStartInput } from './law.js';
import { maximumPersistence, minimumGrowthRate } from './law-constants.js';
import { paramColumn } from './param-column.js';
import { perDrawParameter, type ColumnTransform } from './per-draw-parameter.js';
import { checkStep } from './step-counter.js';
import { fastExp } from '../simulate/distributions/fast-exp.js';

/** m = log(1 + g) per draw, g clamped at minimumGrowthRate (perDrawParameter's column transform). */
const meanLogGrowth: ColumnTransform = (growth, into) => {
  for (let i = 0; i < growth.length; i++) into[i] = Math.log1p(Math.max(growth[i], minimumGrowthRate));
};
/** σ = max(volatility, 0) per draw. */
const nonNegative: ColumnTransform = (volatility, into) => {
  for (let i = 0; i < volatility.length; i++) into[i] = Math.max(volatility[i], 0);
};

const parameterNames = ['growth', 'volatility', 'persistence'] as const;

/**
 * Compound growth with a stochastic, possibly persistent growth rate:
 *
 *   ln V_t = ln V_{t−1} + g_t,   g_t = m + φ (g_{t−1} − m) + σ √(1 − φ²) ε_t,   m = ln(1 + growth)
 *
 * with ε_t ~ N(0, 1) from the stream `innovation`, and g_0 − m ~ N(0, σ²) from the stream `initial`
 * (the stationary start, so every year's log growth has sd σ whatever φ).
 * Parameters: `growth` (rate, fraction per year; median growth), `volatility` σ (sd of yearly log
 * growth, log points), `persistence` φ ∈ [0, 1) (default constant 0: independent years).
 * Calibration: growth samples from all evidence (collectGrowthEvidence: the own series and the
 * reference series of `growthSeries`, each sample weighted by the years it covers), then the
 * conjugate posterior of the points (posteriorGrowth), reweighted by the censored likelihood of the
 * bounds (censoredGrowthPosterior): mean log growth ~ t_df(ḡ + Δ, r·s_post/√W) expressed as a rate by
 * growthRateDistribution; σ ~ scaledInvChi(v·s_post, df). Both scales are then multiplied by the pooled
 * short-series band factor c ≥ 1 of the evidence's length class (bandFloor; unless pooledBandFloor is
 * false), so the bands borrow what hindcasts of this law on the collections' training parts missed.
 * Base: baseLevel (latest full-year level).
 * Reference: Hamilton, *Time Series Analysis* (1994) §3.4 (AR(1)); BDA3 §3.2–3.3 (posterior).
 * @example
 * // growth 0.1, volatility 0, persistence 0, level 100: next(1) → 110.00000000000001, next(2) → 121.00000000000003
 * compoundLaw.start({ draws: 1, params, stream }).next(1, level, scratch);
 */
export const compoundLaw: Law = {
  name: 'compound',
  levels: 'positive',
  summary: 'ln V_t = ln V_{t−1} + g_t; g_t = m + φ(g_{t−1} − m) + σ√(1−φ²)ε_t, m = ln(1 + growth)',
  parameters: [
    { name: 'growth', description: 'median growth rate per year (m = ln(1 + growth) is the mean log growth)', unit: 'rate', min: -1, plausible: [-1, 1] },
    { name: 'volatility', description: 'sd of yearly log growth σ (log points)', unit: 'rate', min: 0, max: 5, plausible: [0, 1] },
    { name: 'persistence', description: 'AR(1) coefficient φ of log growth around its mean (0: independent years)', unit: 'fraction', min: 0, max: 1, plausible: [0, 1] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'compound', { positive: true });
    const found = collectGrowthEvidence(input, 'compound');
    const notes: string[] = [...base.notes, ...found.notes];
    const evidence = [...found.evidence];
    const calibrated: Record<string, Distribution> = {};
    const free = ['growth', 'volatility'].filter((name) => input.fixed[name] === undefined);
    if (free.length > 0) {
      if (found.samples.length === 0) throw new ModelError(input.variable, 'compound', calibrationMessages.noEvidence(free));
      const posterior = censoredGrowthPosterior(found.samples, found.censored);
      // The pooled short-series floor widens both random parts of growth by one factor c (bandFloor).
      const floor = input.pooledBandFloor === false ? undefined : bandFloor(found.samples);
      const c = floor?.factor ?? 1;
      calibrated.growth = growthRateDistribution(posterior.location, c * posterior.scale, posterior.df);
      calibrated.volatility = { dist: 'scaledInvChi', scale: c * posterior.volatilityScale, df: posterior.df };
      evidence.push(...found.censoredEvidence);
      notes.push(
        ...growthPriorNotes(found, posterior),
        ...(floor ? [calibrationNotes.bandFloor(floor)] : []),
        calibrationNotes.weakPrior(priorVolatility, priorDegreesOfFreedom),
        calibrationNotes.growthAsRate(),
      );
    }
    if (input.fixed.persistence === undefined) {
      calibrated.persistence = { dist: 'constant', value: 0 };
      notes.push(calibrationNotes.defaultUsed('persistence', '0', 'years independent unless the model says otherwise'));
    }
    return lawCalibration('compound', base, parameterNames, calibrated, input.fixed, evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    const growth = paramColumn(input.params, 'growth', draws);
    const volatility = paramColumn(input.params, 'volatility', draws);
    const persistence = paramColumn(input.params, 'persistence', draws, 0);
    // Per-draw state, allocated once: mean log growth m and innovation scale σ√(1−φ²), each an
    // exact number when it is the same in every draw, else single precision per draw
    // (perDrawParameter); the level is the caller's column, multiplied by exp(g) each year in place,
    // so zero growth leaves it exactly unchanged. With φ = 0 in every draw (the default) the AR(1)
    // deviation is just the innovation, so φ and the deviation are not stored.
    const clampedPersistence = (i: number) => Math.min(Math.max(persistence[i], 0), maximumPersistence);
    let persistent = false;
    // The clamp is not 0 exactly when φ is above 0 or NaN: tested on the column itself, no call per draw.
    for (let i = 0; i < draws; i++) {
      const phi = persistence[i];
      if (!(phi <= 0)) {
        persistent = true;
        break;
      }
    }
    const columns = input.columns ?? newColumns;
    const mean = perDrawParameter(growth, meanLogGrowth, columns);
    // The persistent case (rare) keeps φ, σ√(1−φ²) and the AR(1) deviation per draw, in double.
    const ar1 = persistent ? startAr1(volatility, clampedPersistence, input.stream('initial')) : undefined;
    const innovationScale = ar1 ? 0 : perDrawParameter(volatility, nonNegative, columns); // σ (φ = 0)
    // The fused step reads m and s as columns: one value (mask 0) or one per draw (mask −1), the
    // float32 values widened exactly, so the numbers are those of growIndependent below.
    const meanColumn = asColumn(mean, columns);
    const scaleColumn = asColumn(innovationScale, columns);
    const innovation = input.stream('innovation');
    let last = 0;
    return {
      next(step: number, level: Float64Array, scratch: Float64Array): void {
        checkStep('compound', last, step);
        last = step;
        if (ar1) {
          innovation.fillStandardNormal(scratch);
          growPersistent(level, mean, ar1.scale, ar1.phi, ar1.deviation, scratch);
        } else innovation.growByLogNormal(level, meanColumn.values, meanColumn.mask, scaleColumn.values, scaleColumn.mask);
      },
    };
  },
};

/** A parameter as the fused step reads it: a column of one value (mask 0) or of one per draw (mask −1). */
function asColumn(parameter: number | Float32Array, columns: BlockColumns): { values: Float64Array; mask: number } {
  if (typeof parameter === 'number') return { values: Float64Array.of(parameter), mask: 0 };
  const values = columns.float64(parameter.length);
  values.set(parameter);
  return { values, mask: -1 };
}

/**
 * The reference of the fused step (innovation.growByLogNormal): V ← V·exp(m + s·ε) per draw, in place,
 * ε a column of standard normals, exp by fastExp (its own accuracy is tested against Math.exp); m and
 * s each a constant or one value per draw. Tests check the fused step against it on the same numbers.
 */
export function growIndependent(level: Float64Array, mean: number | Float32Array, scale: number | Float32Array, noise: Float64Array): void {
  if (typeof mean === 'number') {
    if (typeof scale === 'number') growConstantConstant(level, mean, scale, noise);
    else growConstantPerDraw(level, mean, scale, noise);
  } else if (typeof scale === 'number') growPerDrawConstant(level, mean, scale, noise);
  else growPerDrawPerDraw(level, mean, scale, noise);
}

function growConstantConstant(level: Float64Array, mean: number, scale: number, noise: Float64Array): void {
  for (let i = 0; i < level.length; i++) level[i] *= fastExp(mean + scale * noise[i]);
}

function growConstantPerDraw(level: Float64Array, mean: number, scale: Float32Array, noise: Float64Array): void {
  for (let i = 0; i < level.length; i++) level[i] *= fastExp(mean + scale[i] * noise[i]);
}

function growPerDrawConstant(level: Float64Array, mean: Float32Array, scale: number, noise: Float64Array): void {
  for (let i = 0; i < level.length; i++) level[i] *= fastExp(mean[i] + scale * noise[i]);
}

function growPerDrawPerDraw(level: Float64Array, mean: Float32Array, scale: Float32Array, noise: Float64Array): void {
  for (let i = 0; i < level.length; i++) level[i] *= fastExp(mean[i] + scale[i] * noise[i]);
}

/** φ, the innovation scale σ√(1−φ²) and the stationary start d₀ ~ N(0, σ²) of each draw's AR(1) deviation. */
function startAr1(volatility: Float64Array, phiOf: (i: number) => number, initial: RandomStream) {
  const phi = Float64Array.from(volatility, (_, i) => phiOf(i));
  const scale = Float64Array.from(volatility, (v, i) => Math.max(v, 0) * Math.sqrt(1 - phi[i] ** 2));
  const deviation = new Float64Array(volatility.length);
  initial.fillStandardNormal(deviation);
  for (let i = 0; i < deviation.length; i++) deviation[i] *= Math.max(volatility[i], 0);
  return { phi, scale, deviation };
}

/** As growIndependent with an AR(1) deviation: d ← φ·d + s·ε, V ← V·exp(m + d). */
function growPersistent(level: Float64Array, mean: number | Float32Array, scale: Float64Array, phi: Float64Array, deviation: Float64Array, noise: Float64Array): void {
  for (let i = 0; i < level.length; i++) {
    const d = phi[i] * deviation[i] + scale[i] * noise[i];
    deviation[i] = d;
    level[i] *= fastExp((typeof mean === 'number' ? mean : mean[i]) + d);
  }
}
