// The damped-trend law: log growth fades geometrically (Gardner & McKenzie), so the level levels off.
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { minimumYearsForDynamics, priorDegreesOfFreedom, priorVolatility } from '../calibrate/calibration-constants.js';
import { calibrationMessages, calibrationNotes } from '../calibrate/calibration-messages.js';
import { fitWeightedLine } from '../calibrate/fit-weighted-line.js';
import { collectGrowthEvidence, type GrowthSample } from '../calibrate/growth-evidence.js';
import { growthRateDistribution } from '../calibrate/growth-rate-distribution.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import { distributionQuantile } from '../simulate/distributions/distribution-quantile.js';
import { newColumns, type Calibration, type CalibrationInput, type Law, type LawRuntime, type LawStartInput } from './law.js';
import { maximumPersistence, minimumGrowthRate } from './law-constants.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Damping used when fewer than `minimumYearsForDynamics` growth samples are known: uniform(0.8, 0.98),
 * the range Hyndman & Athanasopoulos restrict φ to in practice ("rarely less than 0.8 … maximum 0.98").
 * Reference: *Forecasting: Principles and Practice* (3rd ed.) §8.2, https://otexts.com/fpp3/holt.html
 * @example dampedTrendDefaultDamping; // => { dist: 'uniform', min: 0.8, max: 0.98 }
 */
export const dampedTrendDefaultDamping: Distribution = { dist: 'uniform', min: 0.8, max: 0.98 };

/** The grid φ is profiled on when fitted: 0.500, 0.501, …, 0.999. */
const dampingGrid = Array.from({ length: 500 }, (_, i) => 0.5 + i / 1000);

/**
 * Damped trend on the log scale (Gardner & McKenzie 1985, additive damped trend of ln V):
 *
 *   ℓ_t = ℓ_{t−1} + φ b_{t−1} + σ ε_t,   b_t = φ b_{t−1},   b_0 = ln(1 + trend),   V_t = exp(ℓ_t)
 *
 * so the expected log growth of year t is φ^t b_0 and the level approaches V_0·exp(b_0 φ/(1 − φ)).
 * ε_t ~ N(0, 1) from the stream `innovation`. Parameters: `trend` (rate of the base year's trend
 * growth), `damping` φ ∈ [0, 1), `volatility` σ (log points).
 * Calibration: growth samples g (collectGrowthEvidence) follow g = b_T·x + noise with
 * x = mean over the sample's years t of φ^(t − T) (T = base year), fitted through the origin by
 * weighted least squares: trend from b_T ~ t_df (as a rate, growthRateDistribution), σ from the
 * residuals (scaledInvChi). φ: when free and ≥ 8 samples, profiled on a grid 0.5 … 0.999 with weights
 * ∝ (Σwx²)^(−1/2)·(ν0σ0² + SSR(φ))^(−df/2) and given as triangular(q01, mode, q99); otherwise uniform(0.8, 0.98);
 * b_T is then fitted at φ's median.
 * Reference: Gardner & McKenzie (1985) "Forecasting trends in time series", Management Science
 * 31(10):1237–1246; fpp3 §8.2; BDA3 §14.2.
 * @example
 * // trend 0.1, damping 0.5, volatility 0, base 100: V_1 = 100·1.1^0.5, V_2 = V_1·1.1^0.25
 * dampedTrendLaw.start(input).next(1, out);
 */
export const dampedTrendLaw: Law = {
  name: 'dampedTrend',
  levels: 'positive',
  summary: 'ℓ_t = ℓ_{t−1} + φb_{t−1} + σε_t, b_t = φb_{t−1}, b_0 = ln(1 + trend), V_t = exp(ℓ_t)',
  parameters: [
    { name: 'trend', description: 'trend growth rate at the base year (b_0 = ln(1 + trend))', unit: 'rate', min: -1, plausible: [-1, 1] },
    { name: 'damping', description: 'damping φ of the trend per year', unit: 'fraction', min: 0, max: 1, plausible: [0, 1] },
    { name: 'volatility', description: 'sd of yearly log growth around the trend σ (log points)', unit: 'rate', min: 0, max: 5, plausible: [0, 1] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'dampedTrend', { positive: true });
    const found = collectGrowthEvidence(input, 'dampedTrend');
    const notes: string[] = [...base.notes, ...found.notes];
    const free = ['trend', 'damping', 'volatility'].filter((name) => input.fixed[name] === undefined);
    const calibrated: Record<string, Distribution> = {};
    if (free.length > 0) {
      if (found.samples.length === 0) throw new ModelError(input.variable, 'dampedTrend', calibrationMessages.noEvidence(free));
      const lastYear = base.baseYear;
      let damping = input.fixed.damping;
      if (damping === undefined) {
        if (found.samples.length >= minimumYearsForDynamics) {
          damping = profileDamping(found.samples, lastYear);
          notes.push(`damping profiled on ${found.samples.length} growth samples over φ = 0.5 … 0.999`);
        } else {
          damping = dampedTrendDefaultDamping;
          notes.push(
            calibrationNotes.defaultUsed('damping', 'uniform(0.8, 0.98)', `${found.samples.length} growth samples, fewer than ${minimumYearsForDynamics} (fpp3 §8.2 range)`),
          );
        }
        calibrated.damping = damping;
      }
      const phi = Math.min(distributionQuantile(damping, 0.5), maximumPersistence);
      const line = fitWeightedLine(trendPoints(found.samples, lastYear, phi), { throughOrigin: true });
      calibrated.trend = growthRateDistribution(line.slope, line.slopeScale, line.df);
      calibrated.volatility = { dist: 'scaledInvChi', scale: line.residualScale, df: line.df };
      notes.push(
        `trend at ${lastYear}: ${line.slope.toFixed(4)} ± ${line.slopeScale.toFixed(4)} log points (fitted at φ = ${phi.toFixed(3)})`,
        calibrationNotes.weakPrior(priorVolatility, priorDegreesOfFreedom),
        calibrationNotes.growthAsRate(),
      );
    }
    return lawCalibration('dampedTrend', base, ['trend', 'damping', 'volatility'], calibrated, input.fixed, found.evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    const trend = paramColumn(input.params, 'trend', draws);
    const damping = paramColumn(input.params, 'damping', draws);
    const volatility = paramColumn(input.params, 'volatility', draws);
    const columns = input.columns ?? newColumns;
    const slope = columns.float64(draws);
    const phi = columns.float64(draws);
    const sigma = columns.float64(draws);
    for (let i = 0; i < draws; i++) {
      slope[i] = Math.log1p(Math.max(trend[i], minimumGrowthRate));
      phi[i] = Math.min(Math.max(damping[i], 0), maximumPersistence);
      sigma[i] = Math.max(volatility[i], 0);
    }
    const innovation = input.stream('innovation');
    let last = 0;
    return {
      next(step: number, level: Float64Array, scratch: Float64Array): void {
        checkStep('dampedTrend', last, step);
        last = step;
        innovation.fillStandardNormal(scratch);
        for (let i = 0; i < draws; i++) {
          slope[i] *= phi[i];
          level[i] *= Math.exp(slope[i] + sigma[i] * scratch[i]);
        }
      },
    };
  },
};

/** x = mean of φ^(t − T) over the sample's years, y = its average growth. */
function trendPoints(samples: readonly GrowthSample[], lastYear: number, phi: number) {
  return samples.map((sample) => {
    let x = 0;
    for (let year = sample.year - sample.years + 1; year <= sample.year; year++) x += Math.pow(phi, year - lastYear);
    return { x: x / sample.years, y: sample.value, weight: sample.weight };
  });
}

/** Profile posterior of φ on the grid, summarised as triangular(q01, mode, q99). */
function profileDamping(samples: readonly GrowthSample[], lastYear: number): Distribution {
  const logDensity = dampingGrid.map((phi) => {
    const line = fitWeightedLine(trendPoints(samples, lastYear, phi), { throughOrigin: true });
    // b and σ integrated out (flat prior on b): (Σwx²)^(−1/2)·(ν0σ0² + SSR)^(−df/2), where
    // (Σwx²)^(−1/2) = slopeScale / residualScale and ν0σ0² + SSR = df·s².
    return (-line.df / 2) * Math.log(line.df * line.residualScale ** 2) + Math.log(line.slopeScale / line.residualScale);
  });
  const top = Math.max(...logDensity);
  const weights = logDensity.map((v) => Math.exp(v - top));
  const total = weights.reduce((s, w) => s + w, 0);
  let cumulative = 0;
  let low = dampingGrid[0];
  let high = dampingGrid.at(-1)!;
  let lowFound = false;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] / total;
    if (!lowFound && cumulative >= 0.01) {
      low = dampingGrid[i];
      lowFound = true;
    }
    if (cumulative >= 0.99) {
      high = dampingGrid[i];
      break;
    }
  }
  const mode = dampingGrid[logDensity.indexOf(top)];
  if (high - low < 1e-9) return { dist: 'constant', value: mode };
  return { dist: 'triangular', min: Math.min(low, mode), mode, max: Math.max(high, mode) };
}
