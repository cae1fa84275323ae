// Goal seek on a simulated probability: bisection over an assumption's value, with the bracket checked first.

/** The probability of meeting a target with the assumption at `value`, and its Monte Carlo error. */
export interface ProbabilityPoint {
  readonly value: number;
  readonly probability: number;
  readonly probabilitySe: number;
}

export interface BisectionResult {
  /** `solved`: the value meets the wanted probability; `notBracketed`: no value in the range crosses it. */
  readonly status: 'solved' | 'notBracketed';
  /** The solved value: the end of the final bracket on the meeting side (its probability ≥ wanted). */
  readonly value: number;
  readonly probability: number;
  readonly probabilitySe: number;
  /** The last bracket [low, high] searched (after any widening). */
  readonly low: number;
  readonly high: number;
  /** Whether the probability rose with the value over the bracket. */
  readonly increasing: boolean;
  /** Every evaluation, in the order made. */
  readonly evaluations: readonly ProbabilityPoint[];
  /** Warnings, e.g. a midpoint outside its bracket's probabilities (not monotone). */
  readonly notes: readonly string[];
}

export interface BisectionOptions {
  readonly low: number;
  readonly high: number;
  /** Stop when the bracket is narrower than this (default (high − low)·1e-6). */
  readonly tolerance?: number;
  /** At most this many bisection steps (default 60). */
  readonly maxSteps?: number;
  /** Times the range may be doubled outward to find a bracket (default 0: the range is taken as given). */
  readonly maxWidenings?: number;
}

/**
 * Finds the value at which `evaluate(value).probability` reaches `wanted`, for an evaluation that is
 * monotone in the value (with common random numbers a simulated probability is a monotone step
 * function of a monotone assumption). Steps:
 * 1. evaluate both ends; while `wanted` is outside their probabilities and widenings remain, double
 *    the range outward on the side that should reach it (both sides when the ends are equal);
 * 2. bisect, keeping one end that meets (p ≥ wanted) and one that does not, until the bracket is
 *    narrower than the tolerance;
 * 3. return the meeting end, so feeding the value back gives at least the wanted probability.
 * An evaluation that throws while widening (e.g. an invalid distribution) stops the widening.
 * Reference: Burden & Faires, Numerical Analysis, §2.1 (bisection).
 * @example bisectProbability((v) => ({ value: v, probability: Math.min(1, Math.max(0, v)), probabilitySe: 0 }), 0.8, { low: 0, high: 1, tolerance: 1e-9 }).value; // ≈ 0.8
 */
export function bisectProbability(evaluate: (value: number) => ProbabilityPoint, wanted: number, options: BisectionOptions): BisectionResult {
  const evaluations: ProbabilityPoint[] = [];
  const notes: string[] = [];
  const run = (value: number) => {
    const point = { ...evaluate(value), value };
    evaluations.push(point);
    return point;
  };
  let lowPoint = run(options.low);
  let highPoint = run(options.high);
  const brackets = () =>
    Math.min(lowPoint.probability, highPoint.probability) <= wanted && wanted <= Math.max(lowPoint.probability, highPoint.probability);

  // 1. Widen.
  let widenings = options.maxWidenings ?? 0;
  while (!brackets() && widenings-- > 0) {
    const width = highPoint.value - lowPoint.value;
    const increasing = highPoint.probability > lowPoint.probability;
    const flat = highPoint.probability === lowPoint.probability;
    const needHigher = wanted > Math.max(lowPoint.probability, highPoint.probability);
    const moveHigh = flat || increasing === needHigher;
    const moveLow = flat || increasing !== needHigher;
    try {
      if (moveLow) lowPoint = run(lowPoint.value - width);
      if (moveHigh) highPoint = run(highPoint.value + width);
    } catch {
      notes.push(`stopped widening the range at [${lowPoint.value}, ${highPoint.value}]: a wider value is not a valid assumption`);
      break;
    }
  }
  const increasing = highPoint.probability >= lowPoint.probability;
  if (!brackets()) {
    const best = Math.abs(lowPoint.probability - wanted) <= Math.abs(highPoint.probability - wanted) ? lowPoint : highPoint;
    return { status: 'notBracketed', ...best, low: lowPoint.value, high: highPoint.value, increasing, evaluations, notes };
  }

  // 2. Bisect: `meet` reaches the wanted probability, `miss` does not.
  let meet = increasing ? highPoint : lowPoint;
  let miss = increasing ? lowPoint : highPoint;
  if (miss.probability >= wanted) meet = miss; // both ends meet exactly at `wanted`
  const tolerance = options.tolerance ?? Math.abs(options.high - options.low) * 1e-6;
  const maxSteps = options.maxSteps ?? 60;
  for (let step = 0; step < maxSteps && meet !== miss && Math.abs(meet.value - miss.value) > tolerance; step++) {
    const mid = run((meet.value + miss.value) / 2);
    const lo = Math.min(meet.probability, miss.probability);
    const hi = Math.max(meet.probability, miss.probability);
    if (mid.probability < lo || mid.probability > hi) notes.push(`not monotone: P = ${mid.probability} at ${mid.value} lies outside [${lo}, ${hi}]`);
    if (mid.probability >= wanted) meet = mid;
    else miss = mid;
  }

  // 3.
  return {
    status: 'solved',
    value: meet.value,
    probability: meet.probability,
    probabilitySe: meet.probabilitySe,
    low: Math.min(meet.value, miss.value),
    high: Math.max(meet.value, miss.value),
    increasing,
    evaluations,
    notes,
  };
}
