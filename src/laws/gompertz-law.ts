// The Gompertz law: growth slows with the log distance to a capacity (stochastic Gompertz).
import { calibrateCapacityLaw, type CapacityShape } from '../calibrate/calibrate-capacity-law.js';
import type { Calibration, CalibrationInput, Law, LawRuntime, LawStartInput } from './law.js';
import { capacityRuntime } from './capacity-runtime.js';

/** g = r ln(K/V): x = ln(K/V); free K from g = a + b·ln V: r = −b, ln K = −a/b (gradient (−1/b, a/b²)). */
const gompertzShape: CapacityShape = {
  law: 'gompertz',
  regressor: (level, capacity) => Math.log(capacity / level),
  lineVariable: (level) => Math.log(level),
  fromLine: (a, b) => (b < 0 ? { rate: -b, rateIsIntercept: false, logCapacity: -a / b, gradient: [-1 / b, a / (b * b)] } : undefined),
};

/**
 * Stochastic Gompertz growth in discrete time:
 *
 *   ln V_t = ln V_{t−1} + g_t,   g_t = r ln(K / V_{t−1}) + σ ε_t
 *
 * (ln V is an AR(1) around ln K with coefficient 1 − r). ε_t ~ N(0, 1) from the stream `innovation`.
 * Parameters: `rate` r (per year, 0 < r < 1 for monotone approach), `capacity` K (the variable's unit,
 * > 0), `volatility` σ (log points). With σ = 0 and 0 ≤ r ≤ 1 the level never crosses K.
 * Calibration: calibrateCapacityLaw (rate by regression at the capacity's median when K is given;
 * K fitted from g = a + b·ln V with ≥ 8 growth samples otherwise).
 * Reference: Gompertz (1825), Phil. Trans. R. Soc. 115:513–583; Dennis et al. (2006) "Estimating
 * density dependence, process noise, and observation error", Ecological Monographs 76(3):323–341.
 * @example
 * // rate 0.5, capacity 400, volatility 0, base 100: V_1 = 100·exp(0.5·ln 4) = 200
 * gompertzLaw.start(input).next(1, out);
 */
export const gompertzLaw: Law = {
  name: 'gompertz',
  levels: 'positive',
  summary: 'ln V_t = ln V_{t−1} + r·ln(K/V_{t−1}) + σε_t (stochastic Gompertz)',
  parameters: [
    { name: 'rate', description: 'speed r at which ln V closes the gap to ln K each year', unit: 'rate', plausible: [-1, 1] },
    { name: 'capacity', description: 'capacity K the level approaches', unit: 'level', min: 0, plausible: [0, Infinity] },
    { name: 'volatility', description: 'sd of yearly log growth σ (log points)', unit: 'rate', min: 0, max: 5, plausible: [0, 1] },
  ],
  calibrate: (input: CalibrationInput): Calibration => calibrateCapacityLaw(input, gompertzShape),
  start: (input: LawStartInput): LawRuntime => capacityRuntime(input, 'gompertz', (level, capacity) => Math.log(capacity / level)),
};
