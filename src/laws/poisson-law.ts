// The Poisson law: a yearly flow of independent arrivals (e.g. new unicorns a year) at an uncertain rate.
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { calibrationMessages } from '../calibrate/calibration-messages.js';
import { countHistory } from '../calibrate/count-history.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import { newColumns, type Calibration, type CalibrationInput, type Law, type LawRuntime, type LawStartInput } from './law.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Yearly counts N_t ~ Poisson(λ), independent across years, λ drawn once per draw (parameter uncertainty).
 * The level written each year is that year's count (a flow); cumulative totals are formulas
 * (`lag(total) + flow`). Random numbers: stream `arrivals`.
 * Parameter: `rate` λ (count per year, ≥ 0; negative draws are clamped to 0). A shared driver's
 * rate loading multiplies λ by its yearly multiplier m_t: N_t ~ Poisson(λ·m_t).
 * Calibration: with Jeffreys prior p(λ) ∝ λ^(−1/2), counts n_1 … n_T give the posterior
 * λ ~ Gamma(shape 0.5 + Σn, rate T). Base: the latest full-year count (or the model's start).
 * Reference: BDA3 §2.6 (Poisson model, conjugate gamma) and §2.8 (Jeffreys prior λ^(−1/2)).
 * @example
 * // counts 4, 6, 5 in 2021–2023 → rate ~ Gamma(15.5, 3), mean 5.1667
 * poissonLaw.calibrate(input).params.rate; // => { dist: 'gamma', shape: 15.5, rate: 3 }
 */
export const poissonLaw: Law = {
  name: 'poisson',
  levels: 'count',
  summary: 'N_t ~ Poisson(λ) each year, λ drawn once per path from its posterior Gamma(0.5 + Σn, T)',
  parameters: [{ name: 'rate', description: 'mean count per year λ', unit: 'count', min: 0, max: 1e9, plausible: [0, 1e9] }],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'poisson', { positive: false });
    const history = countHistory(input, 'poisson');
    const calibrated: Record<string, Distribution> = {};
    const notes = [...base.notes, ...history.notes];
    if (input.fixed.rate === undefined) {
      if (history.counts.length === 0) throw new ModelError(input.variable, 'poisson', calibrationMessages.noEvidence(['rate']));
      const total = history.counts.reduce((sum, c) => sum + c.count, 0);
      calibrated.rate = { dist: 'gamma', shape: 0.5 + total, rate: history.counts.length };
      notes.push(`rate ~ Gamma(0.5 + ${total}, ${history.counts.length}): Jeffreys prior and ${history.counts.length} yearly counts (BDA3 §2.6)`);
    }
    return lawCalibration('poisson', base, ['rate'], calibrated, input.fixed, history.evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    const sampled = paramColumn(input.params, 'rate', draws);
    const rates = (input.columns ?? newColumns).float64(draws);
    for (let i = 0; i < draws; i++) rates[i] = Math.max(sampled[i], 0);
    const arrivals = input.stream('arrivals');
    let scaled: Float64Array | undefined;
    let last = 0;
    return {
      next(step: number, level: Float64Array, _scratch: Float64Array, rateFactor?: Float64Array): void {
        checkStep('poisson', last, step);
        last = step;
        if (!rateFactor) {
          arrivals.fillPoisson(level, rates);
          return;
        }
        // A shared driver moves this year's rate: λ·m per draw.
        scaled ??= new Float64Array(draws);
        for (let i = 0; i < draws; i++) scaled[i] = rates[i] * rateFactor[i];
        arrivals.fillPoisson(level, scaled);
      },
    };
  },
};
