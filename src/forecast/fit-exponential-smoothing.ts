// Fits additive-error exponential smoothing (ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N)) by least squares.
import { nelderMead } from './nelder-mead.js';

/** Trend component: none (SES), additive (Holt's linear), damped additive (Gardner–McKenzie). */
export type SmoothingTrend = 'none' | 'additive' | 'damped';

/** Fitted exponential smoothing model: plain numbers, forecast with `forecastExponentialSmoothing`. */
export interface ExponentialSmoothingParams {
  readonly trend: SmoothingTrend;
  /** Level smoothing α in [1e-4, 0.9999]. */
  readonly alpha: number;
  /** Trend smoothing β in [1e-4, α] (0 without a trend). */
  readonly beta: number;
  /** Damping φ in [0.8, 0.98] for 'damped', 1 for 'additive', 0 without a trend. */
  readonly phi: number;
  readonly initialLevel: number;
  readonly initialSlope: number;
  /** Level ℓ_n and slope b_n after the last observation: the forecast origin. */
  readonly level: number;
  readonly slope: number;
  /** Sum of squared one-step errors. */
  readonly sse: number;
  /** σ̂² = SSE/(n − (p − 1)), i.e. divided by n minus the estimated parameters, as R's `ets`. */
  readonly sigma2: number;
  readonly observations: number;
  /** p: smoothing parameters + initial states + σ (R's `np + 1`, the count used in AICc). */
  readonly parameterCount: number;
  /** AICc = n·ln(SSE) + 2p + 2p(p+1)/(n−p−1), on R's `ets` scale (constants dropped). */
  readonly aicc: number;
}

/**
 * How parameters are estimated: 'joint' searches (α, β, φ, ℓ_0, b_0) together from R's heuristic
 * start (regression on the first ten values), as R's `ets` does; 'concentrated' solves the
 * initial states exactly for each (α, β, φ) (the global least-squares optimum, which on short
 * yearly series tends to over-fit the first years).
 */
export type SmoothingEstimation = 'joint' | 'concentrated';

/** R's "usual" parameter region (forecast::ets defaults). */
const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;
const PHI_MIN = 0.8;
const PHI_MAX = 0.98;

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
const logit = (p: number): number => Math.log(p / (1 - p));

interface Smoothing {
  alpha: number;
  beta: number;
  phi: number;
}

/**
 * Fits an additive-error exponential smoothing model by minimising the sum of squared one-step
 * errors (the Gaussian likelihood criterion of R's `ets`).
 *
 * Model (damped; Holt has φ = 1, SES has no b):
 *   ŷ_t = ℓ_{t−1} + φ b_{t−1},  e_t = y_t − ŷ_t,
 *   ℓ_t = ℓ_{t−1} + φ b_{t−1} + α e_t,  b_t = φ b_{t−1} + β e_t.
 * The errors are affine in the initial state s_0 = (ℓ_0, b_0): e = e⁰ − Z s_0, so for fixed
 * (α, β, φ) the best s_0 is an ordinary least-squares solve (concentrated, or profile, SSE);
 * Nelder–Mead then searches only (α, β, φ) through logistic transforms onto R's "usual" bounds,
 * from a few starting points.
 *
 * @param series yearly values, oldest first (length ≥ 3; ≥ 5 for a trend)
 * @param trend 'none' | 'additive' | 'damped'
 * @returns smoothing parameters, initial and final states, SSE, σ̂² and AICc
 * @throws Error when the series is too short for the model
 * @see Hyndman, Koehler, Ord & Snyder (2008) Forecasting with Exponential Smoothing, Springer, ch. 2–3, 5 (Table 2.1; §5.2 on estimating x_0 by least squares).
 * @see R package forecast, `ets()`: https://pkg.robjhyndman.com/forecast/reference/ets.html
 * @example fitExponentialSmoothing([10, 10, 10, 10, 10], 'none').level; // => 10
 */
export function fitExponentialSmoothing(
  series: readonly number[],
  trend: SmoothingTrend,
  estimation: SmoothingEstimation = 'joint',
): ExponentialSmoothingParams {
  const n = series.length;
  const minimum = trend === 'none' ? 3 : 5;
  if (n < minimum) throw new Error(`fitExponentialSmoothing(${trend}) series must have at least ${minimum} values, got ${n}`);
  const y = Float64Array.from(series);
  const hasTrend = trend !== 'none';

  const decode = (u: ArrayLike<number>): Smoothing => {
    const alpha = ALPHA_MIN + (ALPHA_MAX - ALPHA_MIN) * logistic(u[0]);
    if (!hasTrend) return { alpha, beta: 0, phi: 0 };
    const beta = ALPHA_MIN + (alpha - ALPHA_MIN) * logistic(u[1]);
    const phi = trend === 'damped' ? PHI_MIN + (PHI_MAX - PHI_MIN) * logistic(u[2]) : 1;
    return { alpha, beta, phi };
  };
  const encode = (s: Smoothing): number[] => {
    const u = [logit((s.alpha - ALPHA_MIN) / (ALPHA_MAX - ALPHA_MIN))];
    if (hasTrend) u.push(logit((s.beta - ALPHA_MIN) / (s.alpha - ALPHA_MIN)));
    if (trend === 'damped') u.push(logit((s.phi - PHI_MIN) / (PHI_MAX - PHI_MIN)));
    return u;
  };

  // Starting points spread over the region; the best Nelder–Mead result wins.
  const starts: Smoothing[] = hasTrend
    ? [
        { alpha: 0.5, beta: 0.1, phi: 0.9 },
        { alpha: 0.9, beta: 0.3, phi: 0.95 },
        { alpha: 0.2, beta: 0.02, phi: 0.85 },
      ]
    : [{ alpha: 0.2, beta: 0, phi: 0 }, { alpha: 0.8, beta: 0, phi: 0 }];
  if (estimation === 'joint') return fitJoint(y, trend);
  let best: { u: number[]; value: number } | undefined;
  for (const start of starts) {
    const result = nelderMead((u) => profileSse(y, decode(u), hasTrend).sse, encode(start), {
      step: 1,
      tolerance: 1e-9,
      maxEvaluations: 300 * (hasTrend ? (trend === 'damped' ? 3 : 2) : 1),
    });
    if (best === undefined || result.value < best.value) best = { u: result.x, value: result.value };
  }
  const smoothing = decode(best!.u);
  return summarise(trend, smoothing, profileSse(y, smoothing, hasTrend), n);
}

interface ProfileFit {
  sse: number;
  initialLevel: number;
  initialSlope: number;
  level: number;
  slope: number;
}

/**
 * One pass of the filter from s_0 = 0 (giving e⁰) and from the unit states (giving the columns
 * of Z), then the least-squares s_0 and the SSE at it.
 */
function profileSse(y: Float64Array, { alpha, beta, phi }: Smoothing, hasTrend: boolean): ProfileFit {
  // Three filters run side by side: data with zero start (a), zero data from ℓ_0 = 1 (l), from b_0 = 1 (b).
  let la = 0, ba = 0, ll = 1, bl = 0, lb = 0, bb = 1;
  let s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0, ee = 0;
  const n = y.length;
  for (let t = 0; t < n; t += 1) {
    const ea = y[t] - (la + phi * ba);
    const el = -(ll + phi * bl); // e_t = ea + el·ℓ_0 + eb·b_0 by linearity
    const eb = -(lb + phi * bb);
    // accumulate normal equations for minimising Σ (ea + el·x1 + eb·x2)²
    s11 += el * el;
    s12 += el * eb;
    s22 += eb * eb;
    r1 += el * ea;
    r2 += eb * ea;
    ee += ea * ea;
    la = la + phi * ba + alpha * ea;
    ba = phi * ba + beta * ea;
    ll = ll + phi * bl + alpha * el;
    bl = phi * bl + beta * el;
    lb = lb + phi * bb + alpha * eb;
    bb = phi * bb + beta * eb;
  }
  let x1: number;
  let x2 = 0;
  let sse: number;
  if (hasTrend) {
    const det = s11 * s22 - s12 * s12;
    if (!(Math.abs(det) > 1e-12 * (s11 * s22 + 1e-300))) {
      x1 = s11 > 0 ? -r1 / s11 : 0;
      sse = ee + 2 * x1 * r1 + x1 * x1 * s11;
    } else {
      x1 = -(s22 * r1 - s12 * r2) / det;
      x2 = -(s11 * r2 - s12 * r1) / det;
      sse = ee + 2 * (x1 * r1 + x2 * r2) + x1 * x1 * s11 + 2 * x1 * x2 * s12 + x2 * x2 * s22;
    }
  } else {
    x1 = s11 > 0 ? -r1 / s11 : 0;
    sse = ee + 2 * x1 * r1 + x1 * x1 * s11;
  }
  // Re-run the filter from the solved start: exact SSE without cancellation in the expansion.
  let level = x1;
  let slope = x2;
  let exact = 0;
  for (let t = 0; t < n; t += 1) {
    const e = y[t] - (level + phi * slope);
    exact += e * e;
    level = level + phi * slope + alpha * e;
    slope = phi * slope + beta * e;
  }
  sse = Number.isFinite(exact) ? exact : sse;
  return { sse, initialLevel: x1, initialSlope: x2, level, slope };
}

/** R-style joint estimation: start at forecast:::initparam / initstate, bounds by rejection. */
function fitJoint(y: Float64Array, trend: SmoothingTrend): ExponentialSmoothingParams {
  const n = y.length;
  const hasTrend = trend !== 'none';
  const damped = trend === 'damped';
  // 1. Heuristic start (forecast:::initstate): level and slope from the first max(10, …) values.
  const m = Math.min(10, n);
  let l0: number;
  let b0 = 0;
  if (!hasTrend) {
    l0 = 0;
    for (let t = 0; t < m; t += 1) l0 += y[t] / m;
  } else {
    const meanT = (m + 1) / 2;
    let meanY = 0;
    for (let t = 0; t < m; t += 1) meanY += y[t] / m;
    let sxy = 0;
    let sxx = 0;
    for (let t = 0; t < m; t += 1) {
      sxy += (t + 1 - meanT) * (y[t] - meanY);
      sxx += (t + 1 - meanT) ** 2;
    }
    b0 = sxy / sxx;
    l0 = meanY - b0 * meanT;
  }
  // 2. Smoothing start (forecast:::initparam): α = 0.2, β = 0.1·α, φ = 0.978.
  const alpha0 = ALPHA_MIN + 0.2 * (ALPHA_MAX - ALPHA_MIN);
  const start: number[] = [alpha0];
  if (hasTrend) start.push(ALPHA_MIN + 0.1 * (alpha0 - ALPHA_MIN));
  if (damped) start.push(PHI_MIN + 0.99 * (PHI_MAX - PHI_MIN));
  start.push(l0);
  if (hasTrend) start.push(b0);
  const unpack = (x: ArrayLike<number>): { smoothing: Smoothing; level: number; slope: number } | undefined => {
    const alpha = x[0];
    const beta = hasTrend ? x[1] : 0;
    const phi = damped ? x[2] : hasTrend ? 1 : 0;
    if (alpha < ALPHA_MIN || alpha > ALPHA_MAX) return undefined;
    if (hasTrend && (beta < ALPHA_MIN || beta > alpha)) return undefined;
    if (damped && (phi < PHI_MIN || phi > PHI_MAX)) return undefined;
    const offset = hasTrend ? (damped ? 3 : 2) : 1;
    return { smoothing: { alpha, beta, phi }, level: x[offset], slope: hasTrend ? x[offset + 1] : 0 };
  };
  const objective = (x: ArrayLike<number>): number => {
    const unpacked = unpack(x);
    if (unpacked === undefined) return Number.POSITIVE_INFINITY;
    // floor: a perfect fit (SSE = 0) must stay finite, or Nelder–Mead would read it as infeasible
    return n * Math.log(Math.max(filterSse(y, unpacked.smoothing, unpacked.level, unpacked.slope).sse, Number.MIN_VALUE));
  };
  // 3. Nelder–Mead as R's optim: one step size 0.1·max|x|, relative tolerance √ε, 2000 evaluations.
  const size = 0.1 * Math.max(...start.map(Math.abs));
  const result = nelderMead(objective, start, {
    step: size > 0 ? size : 0.1,
    tolerance: 1.490116e-8,
    maxEvaluations: 2000,
    restarts: 0,
  });
  const { smoothing, level: initialLevel, slope: initialSlope } = unpack(result.x)!;
  const fit = filterSse(y, smoothing, initialLevel, initialSlope);
  return summarise(trend, smoothing, { ...fit, initialLevel, initialSlope }, n);
}

function filterSse(
  y: Float64Array,
  { alpha, beta, phi }: Smoothing,
  initialLevel: number,
  initialSlope: number,
): { sse: number; level: number; slope: number } {
  let level = initialLevel;
  let slope = initialSlope;
  let sse = 0;
  for (let t = 0; t < y.length; t += 1) {
    const e = y[t] - (level + phi * slope);
    sse += e * e;
    level = level + phi * slope + alpha * e;
    slope = phi * slope + beta * e;
  }
  return { sse, level, slope };
}

function summarise(trend: SmoothingTrend, smoothing: Smoothing, fit: ProfileFit, n: number): ExponentialSmoothingParams {
  const hasTrend = trend !== 'none';
  const parameterCount = (hasTrend ? (trend === 'damped' ? 3 : 2) : 1) + (hasTrend ? 2 : 1) + 1;
  const sse = fit.sse;
  const aicc =
    n * Math.log(sse) + 2 * parameterCount + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1);
  return {
    trend,
    alpha: smoothing.alpha,
    beta: smoothing.beta,
    phi: smoothing.phi,
    initialLevel: fit.initialLevel,
    initialSlope: fit.initialSlope,
    level: fit.level,
    slope: fit.slope,
    sse,
    sigma2: sse / Math.max(1, n - (parameterCount - 1)),
    observations: n,
    parameterCount,
    aicc,
  };
}
