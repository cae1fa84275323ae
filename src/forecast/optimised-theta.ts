// The dynamic optimised Theta model (DOTM, Fiorucci et al. 2016): Theta with θ and α fitted.
import type { AnnualForecast } from './annual-forecast.js';
import { nelderMead } from './nelder-mead.js';
import { normalForecast } from './normal-forecast.js';

/** Fitted DOTM: smoothing α, theta coefficient θ and the states at the forecast origin. */
export interface OptimisedThetaParams {
  readonly alpha: number;
  readonly theta: number;
  readonly initialLevel: number;
  /** SES level ℓ_n and the OLS line A_n + B_n t of y on t = 1..n. */
  readonly level: number;
  readonly intercept: number;
  readonly slope: number;
  readonly observations: number;
  readonly sigma2: number;
}

/** Fiorucci et al.'s bounds: α in [0.1, 0.99], θ ≥ 1 (θ = 1 is SES, θ = 2 the classic Theta). */
const ALPHA_MIN = 0.1;
const ALPHA_MAX = 0.99;
const THETA_MIN = 1;

interface Pass {
  sse: number;
  level: number;
  intercept: number;
  slope: number;
}

/**
 * One-step filter of DOTM for given (α, θ, ℓ_0):
 *   μ_{t+1} = ℓ_t + (1 − 1/θ)[(1−α)^t A_t + B_t (1 − (1−α)^{t+1})/α],  ℓ_t = αy_t + (1−α)ℓ_{t−1},
 * with A_t, B_t the least-squares line through y_1..y_t (updated recursively; B_1 = 0).
 * The errors are affine in ℓ_0 (coefficient −(1−α)^t), so ℓ_0 is solved by least squares.
 */
function filter(y: readonly number[], alpha: number, theta: number): Pass & { initialLevel: number } {
  const n = y.length;
  const q = 1 - alpha;
  const weight = 1 - 1 / theta;
  // Pass with ℓ_0 = 0; the ℓ_0 contribution to μ_t is q^{t−1}·ℓ_0 (t = 1..n).
  let level = 0;
  let intercept = 0;
  let slope = 0;
  let sxy = 0; // Σ (s − s̄)(y_s − ȳ) via running sums
  let sumY = 0;
  let sumSY = 0;
  let qt = 1; // q^t
  let s11 = 0;
  let r1 = 0;
  let ee = 0;
  for (let t = 0; t < n; t += 1) {
    // forecast of y_{t+1} (μ depends on ℓ_0 through q^t) from data up to t (t values seen)
    const mu = level + weight * (qt * intercept + slope * ((1 - qt * q) / alpha));
    const e = y[t] - mu;
    s11 += qt * qt;
    r1 += qt * e;
    ee += e * e;
    level = alpha * y[t] + q * level;
    qt *= q;
    // update OLS line through y_1..y_{t+1}
    const m = t + 1;
    sumY += y[t];
    sumSY += m * y[t];
    const mean = sumY / m;
    if (m >= 2) {
      const meanS = (m + 1) / 2;
      sxy = sumSY - m * meanS * mean;
      const sxx = (m * (m * m - 1)) / 12;
      slope = sxy / sxx;
      intercept = mean - slope * meanS;
    } else {
      slope = 0;
      intercept = y[0];
    }
  }
  const initialLevel = s11 > 0 ? r1 / s11 : 0;
  const sse = ee - 2 * initialLevel * r1 + initialLevel * initialLevel * s11;
  // ℓ_n with the solved ℓ_0: the ℓ_0 term decays as q^n
  return { sse: Math.max(sse, 0), level: level + qt * initialLevel, intercept, slope, initialLevel };
}

/**
 * Fits DOTM by minimising the in-sample one-step SSE over α in [0.1, 0.99] and θ ≥ 1 (Nelder–Mead
 * on transformed parameters), with ℓ_0 solved exactly.
 *
 * @param series yearly values, oldest first (length ≥ 4)
 * @returns α, θ, ℓ_0, the final states and σ̂² = SSE/(n − 3)
 * @throws Error when the series has fewer than four values
 * @see Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016) Models for optimising the theta method and their relationship to state space models. IJF 32:1151–1161 (DOTM, eqs. 9–14).
 * @example fitOptimisedTheta([2, 2, 2, 2, 2]).level; // => 2
 */
export function fitOptimisedTheta(series: readonly number[]): OptimisedThetaParams {
  const n = series.length;
  if (n < 4) throw new Error(`fitOptimisedTheta series must have at least 4 values, got ${n}`);
  const decode = (u: ArrayLike<number>): [number, number] => [
    ALPHA_MIN + (ALPHA_MAX - ALPHA_MIN) / (1 + Math.exp(-u[0])),
    THETA_MIN + Math.exp(u[1]),
  ];
  let best: { u: number[]; value: number } | undefined;
  for (const start of [[0, 0], [-1.5, 0.5], [1.5, -1]]) {
    const result = nelderMead((u) => filter(series, ...decode(u)).sse, start, { step: 1, maxEvaluations: 400, tolerance: 1e-9 });
    if (best === undefined || result.value < best.value) best = { u: result.x, value: result.value };
  }
  const [alpha, theta] = decode(best!.u);
  const fit = filter(series, alpha, theta);
  return {
    alpha,
    theta,
    initialLevel: fit.initialLevel,
    level: fit.level,
    intercept: fit.intercept,
    slope: fit.slope,
    observations: n,
    sigma2: fit.sse / Math.max(1, n - 3),
  };
}

/**
 * DOTM forecast ŷ_{n+h} = ℓ_n + (1 − 1/θ)[(1−α)^n A_n + B_n((1 − (1−α)^{n+1})/α + h − 1)],
 * Gaussian with sd σ√(1 + (h − 1)α²) (the SES-with-drift approximation).
 *
 * @param params from {@link fitOptimisedTheta}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Fiorucci et al. (2016) IJF 32:1151–1161, eq. (15).
 * @example forecastOptimisedTheta(fitOptimisedTheta([2, 2, 2, 2, 2]), 2).point; // => [2, 2]
 */
export function forecastOptimisedTheta(params: OptimisedThetaParams, horizon: number): AnnualForecast {
  const { alpha, theta, level, intercept, slope, observations, sigma2 } = params;
  const q = 1 - alpha;
  const weight = 1 - 1 / theta;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let k = 1; k <= horizon; k += 1) {
    mean.push(level + weight * (q ** observations * intercept + slope * ((1 - q ** (observations + 1)) / alpha + k - 1)));
    sd.push(Math.sqrt(sigma2 * (1 + (k - 1) * alpha * alpha)));
  }
  return normalForecast(mean, sd);
}
