// The simulation shared by the capacity laws: log growth r·x(V, K) + σε applied to the level.
import { newColumns, type LawRuntime, type LawStartInput } from './law.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/** Smallest capacity used: a sampled K ≤ 0 has no meaning (x would be undefined). */
const minimumCapacity = Number.MIN_VALUE;

/**
 * Runs V_t = V_{t−1}·exp(r·x(V_{t−1}, K) + σε_t) per draw, ε from the stream `innovation`.
 * State (the level) is kept in an array allocated here; `next` allocates nothing.
 * Reference: see logistic-law.ts and gompertz-law.ts.
 * @param input draws, base levels (> 0), params `rate`, `capacity`, `volatility`
 * @param law the law's name, for messages
 * @param regressor x(V, K): 1 − V/K (logistic) or ln(K/V) (Gompertz)
 * @returns the runtime
 * @example capacityRuntime(input, 'logistic', (v, k) => 1 - v / k).next(1, out);
 */
export function capacityRuntime(input: LawStartInput, law: string, regressor: (level: number, capacity: number) => number): LawRuntime {
  const { draws } = input;
  // A copy: the parameter columns are lent for start() only.
  const columns = input.columns ?? newColumns;
  const rate = columns.float64(draws);
  rate.set(paramColumn(input.params, 'rate', draws));
  const sampledCapacity = paramColumn(input.params, 'capacity', draws);
  const volatility = paramColumn(input.params, 'volatility', draws);
  const capacity = columns.float64(draws);
  const sigma = columns.float64(draws);
  for (let i = 0; i < draws; i++) {
    capacity[i] = Math.max(sampledCapacity[i], minimumCapacity);
    sigma[i] = Math.max(volatility[i], 0);
  }
  const innovation = input.stream('innovation');
  let last = 0;
  return {
    next(step: number, level: Float64Array, scratch: Float64Array): void {
      checkStep(law, last, step);
      last = step;
      innovation.fillStandardNormal(scratch);
      for (let i = 0; i < draws; i++) level[i] *= Math.exp(rate[i] * regressor(level[i], capacity[i]) + sigma[i] * scratch[i]);
    },
  };
}
