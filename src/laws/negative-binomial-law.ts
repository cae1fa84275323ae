// The negative-binomial law: yearly counts whose rate itself varies from year to year (Gamma–Poisson).
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { calibrationMessages, calibrationNotes } from '../calibrate/calibration-messages.js';
import { countHistory } from '../calibrate/count-history.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import { distributionQuantile } from '../simulate/distributions/distribution-quantile.js';
import type { Calibration, CalibrationInput, Law, LawRuntime, LawStartInput } from './law.js';
import { negativeBinomialSampler } from './negative-binomial-sampler.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Dispersion k used when fewer than three counts are known: lognormal with median 5 and sdlog 0.7,
 * so the yearly rate's coefficient of variation 1/√k has median 0.45 and a 90% range of about
 * 0.25–0.8 — year-to-year swings of the size of venture financing's (AI financing fell 38% in 2023).
 * An assumption, noted whenever used; give `dispersion` in the model to replace it.
 * @example negativeBinomialDefaultDispersion.meanlog; // => 1.6094379124341003 (ln 5)
 */
export const negativeBinomialDefaultDispersion: Distribution = { dist: 'lognormal', meanlog: Math.log(5), sdlog: 0.7 };

/** Dispersion when the counts show no overdispersion (variance ≤ mean): nearly Poisson, median k = 50. */
const nearPoissonDispersion: Distribution = { dist: 'lognormal', meanlog: Math.log(50), sdlog: 1 };

/** Largest sdlog given to a method-of-moments dispersion: beyond it the estimate carries no information. */
const maximumDispersionSdlog = 1.5;

/**
 * Gamma–Poisson counts: each year λ_t ~ Gamma(shape k, rate k/μ), then N_t ~ Poisson(λ_t), so
 * E N = μ and Var N = μ + μ²/k (negative binomial). Drawn by inversion of the NB pmf with λ integrated
 * out (negativeBinomialSampler; Gamma–Poisson for means above 64). Streams `arrivals` and `intensity`.
 * Parameters: `mean` μ (count per year), `dispersion` k > 0 (large k → Poisson). A shared driver's
 * rate loading multiplies μ by its yearly multiplier m_t: N_t ~ NB(k, μ·m_t).
 * Calibration: from T yearly counts with mean x̄ and variance s²,
 * - k by the method of moments k̂ = x̄² / (s² − x̄) when T ≥ 3 and s² > x̄, as lognormal(ln k̂, sdlog)
 *   with sdlog² = Var(s²)/(s² − x̄)² + (2/x̄ + 1/(s² − x̄))²·s²/T (delta method on ln k̂ = 2 ln x̄ − ln(s² − x̄),
 *   covariance of x̄ and s² ignored), where Var s² ≈ max(2s⁴/(T − 1), (m₄ − (T − 3)/(T − 1)·s⁴)/T) (m₄ the fourth central moment), capped at 1.5;
 *   s² ≤ x̄ → lognormal(ln 50, 1) (near-Poisson); T < 3 → negativeBinomialDefaultDispersion;
 * - μ ~ Gamma((0.5 + Σn)/c, T/c), c = 1 + x̄/k_median: the Jeffreys–Poisson posterior with its
 *   variance inflated by the overdispersion factor (the counts are worth T/c Poisson years).
 * Reference: Cameron & Trivedi, *Regression Analysis of Count Data* (2nd ed. 2013) §3.3 (NB2,
 * moments); BDA3 §2.6 (Poisson–gamma); Lawless (1987) "Negative binomial and mixed Poisson regression".
 * @example
 * // counts 2, 8, 5, 9 → x̄ = 6, s² = 10, k̂ = 36/4 = 9
 * negativeBinomialLaw.calibrate(input).params.dispersion; // => { dist: 'lognormal', meanlog: ln 9, sdlog: … }
 */
export const negativeBinomialLaw: Law = {
  name: 'negativeBinomial',
  levels: 'count',
  summary: 'λ_t ~ Gamma(k, k/μ), N_t ~ Poisson(λ_t) each year: mean μ, variance μ + μ²/k',
  parameters: [
    { name: 'mean', description: 'mean count per year μ', unit: 'count', min: 0, max: 1e9, plausible: [0, 1e9] },
    { name: 'dispersion', description: 'dispersion k of the yearly rate (variance μ + μ²/k; large k → Poisson)', unit: 'ratio', min: 0, max: 1e9, plausible: [0, 1e9] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'negativeBinomial', { positive: false });
    const history = countHistory(input, 'negativeBinomial');
    const notes = [...base.notes, ...history.notes];
    const calibrated: Record<string, Distribution> = {};
    const counts = history.counts.map((c) => c.count);
    const years = counts.length;
    const mean = years > 0 ? counts.reduce((s, n) => s + n, 0) / years : 0;

    if (input.fixed.dispersion === undefined) {
      if (years >= 3) {
        const variance = counts.reduce((s, n) => s + (n - mean) ** 2, 0) / (years - 1);
        if (variance > mean) {
          const k = (mean * mean) / (variance - mean);
          // Var s² ≈ (m4 − (T − 3)/(T − 1)·s⁴)/T (kurtosis-aware), never below the normal theory 2s⁴/(T − 1).
          const fourth = counts.reduce((s, n) => s + (n - mean) ** 4, 0) / years;
          const varianceOfVariance = Math.max((2 * variance ** 2) / (years - 1), (fourth - ((years - 3) / (years - 1)) * variance ** 2) / years);
          const gap = variance - mean;
          const varianceOfLogK = varianceOfVariance / gap ** 2 + (2 / mean + 1 / gap) ** 2 * (variance / years);
          const sdlog = Math.min(Math.sqrt(varianceOfLogK), maximumDispersionSdlog);
          calibrated.dispersion = { dist: 'lognormal', meanlog: Math.log(k), sdlog };
          notes.push(`dispersion by the method of moments: mean ${mean.toFixed(3)}, variance ${variance.toFixed(3)}, k = ${k.toFixed(3)}`);
        } else {
          calibrated.dispersion = nearPoissonDispersion;
          notes.push(calibrationNotes.defaultUsed('dispersion', 'lognormal(ln 50, 1)', `counts show no overdispersion (variance ${variance.toFixed(3)} ≤ mean ${mean.toFixed(3)})`));
        }
      } else {
        calibrated.dispersion = negativeBinomialDefaultDispersion;
        notes.push(calibrationNotes.defaultUsed('dispersion', 'lognormal(ln 5, 0.7)', `${years} yearly count(s), fewer than 3: an assumption, not data`));
      }
    }
    if (input.fixed.mean === undefined) {
      if (years === 0) throw new ModelError(input.variable, 'negativeBinomial', calibrationMessages.noEvidence(['mean']));
      const dispersion = input.fixed.dispersion ?? calibrated.dispersion;
      const inflation = 1 + mean / distributionQuantile(dispersion, 0.5);
      const total = counts.reduce((s, n) => s + n, 0);
      calibrated.mean = { dist: 'gamma', shape: (0.5 + total) / inflation, rate: years / inflation };
      notes.push(`mean ~ Gamma((0.5 + ${total})/${inflation.toFixed(3)}, ${years}/${inflation.toFixed(3)}): Jeffreys prior, variance inflated by the overdispersion 1 + x̄/k`);
    }
    return lawCalibration('negativeBinomial', base, ['mean', 'dispersion'], calibrated, input.fixed, history.evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    const sampler = negativeBinomialSampler(
      paramColumn(input.params, 'mean', draws),
      paramColumn(input.params, 'dispersion', draws),
      input.stream('intensity'),
      input.stream('arrivals'),
      input.columns,
    );
    let last = 0;
    return {
      next(step: number, level: Float64Array, scratch: Float64Array, rateFactor?: Float64Array): void {
        checkStep('negativeBinomial', last, step);
        last = step;
        if (rateFactor) sampler.fillScaled(level, scratch, rateFactor);
        else sampler.fill(level, scratch);
      },
    };
  },
};
