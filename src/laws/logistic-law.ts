// The logistic law: growth slows linearly as the level approaches a capacity (discrete stochastic logistic).
import { calibrateCapacityLaw, type CapacityShape } from '../calibrate/calibrate-capacity-law.js';
import type { Calibration, CalibrationInput, Law, LawRuntime, LawStartInput } from './law.js';
import { capacityRuntime } from './capacity-runtime.js';

/** g = r(1 − V/K): x = 1 − V/K; free K from g = a + b·V: r = a, K = −a/b (ln K gradient (1/a, −1/b)). */
const logisticShape: CapacityShape = {
  law: 'logistic',
  regressor: (level, capacity) => 1 - level / capacity,
  lineVariable: (level) => level,
  fromLine: (a, b) => (a > 0 && b < 0 ? { rate: a, rateIsIntercept: true, logCapacity: Math.log(-a / b), gradient: [1 / a, -1 / b] } : undefined),
};

/**
 * Discrete stochastic logistic growth on the log scale (the Ricker form):
 *
 *   ln V_t = ln V_{t−1} + g_t,   g_t = r (1 − V_{t−1}/K) + σ ε_t
 *
 * ε_t ~ N(0, 1) from the stream `innovation`. Parameters: `rate` r (log growth per year at a small
 * level), `capacity` K (the variable's unit, > 0), `volatility` σ (log points). With σ = 0 and
 * 0 ≤ r ≤ 1, a level below K rises monotonically and never exceeds K (r > 1 can overshoot).
 * Calibration: calibrateCapacityLaw (rate by regression at the capacity's median when K is given;
 * K fitted from g = a + b·V with ≥ 8 growth samples otherwise).
 * Reference: Ricker (1954) "Stock and recruitment", J. Fish. Res. Board Can. 11(5):559–623;
 * Dennis et al. (2006), Ecological Monographs 76(3):323–341.
 * @example
 * // rate 0.5, capacity 200, volatility 0, base 100: V_1 = 100·exp(0.25) = 128.40254166877415
 * logisticLaw.start(input).next(1, out);
 */
export const logisticLaw: Law = {
  name: 'logistic',
  levels: 'positive',
  summary: 'ln V_t = ln V_{t−1} + r(1 − V_{t−1}/K) + σε_t (stochastic Ricker logistic)',
  parameters: [
    { name: 'rate', description: 'intrinsic log growth per year r (growth far below capacity)', unit: 'rate', plausible: [-1, 1] },
    { name: 'capacity', description: 'capacity K the level approaches', unit: 'level', min: 0, plausible: [0, Infinity] },
    { name: 'volatility', description: 'sd of yearly log growth σ (log points)', unit: 'rate', min: 0, max: 5, plausible: [0, 1] },
  ],
  calibrate: (input: CalibrationInput): Calibration => calibrateCapacityLaw(input, logisticShape),
  start: (input: LawStartInput): LawRuntime => capacityRuntime(input, 'logistic', (level, capacity) => 1 - level / capacity),
};
