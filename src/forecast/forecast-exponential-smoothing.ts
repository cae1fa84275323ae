// Forecast step for the additive exponential smoothing models fitted by fitExponentialSmoothing.
import type { AnnualForecast } from './annual-forecast.js';
import type { ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { normalForecast } from './normal-forecast.js';

/**
 * Point forecasts and Gaussian intervals of ETS(A,N,N)/(A,A,N)/(A,Ad,N).
 *
 * ŷ_{n+k} = ℓ_n + φ_k b_n with φ_k = φ + φ² + … + φ^k (φ_k = k for Holt, 0 for SES);
 * Var_k = σ² [1 + Σ_{j=1}^{k−1} c_j²] with c_j = α + β φ_j (Hyndman et al. 2008, Table 6.1,
 * class 1). With `logScale` the model was fitted to ln y and the forecast is log-normal with
 * median exp(ŷ).
 *
 * @param params from fitExponentialSmoothing
 * @param horizon years ahead h (≥ 1)
 * @param logScale whether params describe ln y (default false)
 * @returns point forecasts and quantiles for k = 1..h
 * @see Hyndman, Koehler, Ord & Snyder (2008) Forecasting with Exponential Smoothing, §6.3.
 * @example
 * forecastExponentialSmoothing({ trend: 'additive', alpha: 0.5, beta: 0.1, phi: 1, level: 10, slope: 2, sigma2: 1 } as never, 3).point;
 * // => [12, 14, 16]
 */
export function forecastExponentialSmoothing(
  params: ExponentialSmoothingParams,
  horizon: number,
  logScale = false,
): AnnualForecast {
  const { alpha, beta, phi, level, slope, sigma2 } = params;
  const mean: number[] = [];
  const sd: number[] = [];
  let phiSum = 0; // φ_k
  let varianceSum = 1; // 1 + Σ_{j<k} c_j²
  for (let k = 1; k <= horizon; k += 1) {
    if (k > 1) varianceSum += (alpha + beta * phiSum) ** 2; // c_{k−1} uses φ_{k−1}
    phiSum += params.trend === 'none' ? 0 : phi ** k;
    mean.push(level + phiSum * slope);
    sd.push(Math.sqrt(sigma2 * varianceSum));
  }
  return normalForecast(mean, sd, logScale);
}
