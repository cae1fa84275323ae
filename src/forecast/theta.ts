// The Theta method (Assimakopoulos & Nikolopoulos 2000) in its SES-with-drift form, as R's thetaf.
import type { AnnualForecast } from './annual-forecast.js';
import { fitExponentialSmoothing, type ExponentialSmoothingParams } from './fit-exponential-smoothing.js';
import { normalForecast } from './normal-forecast.js';

/** Fitted Theta model: SES on the data plus half the least-squares slope. */
export interface ThetaParams {
  readonly ses: ExponentialSmoothingParams;
  /** b/2, where b is the OLS slope of y_t on t (units per year). */
  readonly halfSlope: number;
  readonly observations: number;
}

/**
 * Fits the standard Theta method: SES (α, ℓ_0 by least squares) and the OLS slope b of y on t.
 *
 * @param series yearly values, oldest first (length ≥ 3)
 * @returns SES parameters and b/2
 * @see Assimakopoulos & Nikolopoulos (2000) The theta model. IJF 16:521–530.
 * @see Hyndman & Billah (2003) Unmasking the Theta method. IJF 19:287–290.
 * @example fitTheta([1, 2, 3, 4, 5]).halfSlope; // => 0.5
 */
export function fitTheta(series: readonly number[]): ThetaParams {
  const n = series.length;
  const ses = fitExponentialSmoothing(series, 'none');
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const value of series) meanY += value / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t += 1) {
    sxy += (t - meanT) * (series[t] - meanY);
    sxx += (t - meanT) ** 2;
  }
  return { ses, halfSlope: sxy / sxx / 2, observations: n };
}

/**
 * Theta forecast (R's `thetaf`):
 * ŷ_{n+k} = ℓ_n + (b/2)·[(k − 1) + (1 − (1 − α)^n)/α], sd_k = σ√(1 + (k − 1)α²).
 *
 * @param params from {@link fitTheta}
 * @param horizon years ahead h (≥ 1)
 * @returns point forecasts and Gaussian quantiles for k = 1..h
 * @see Hyndman & Billah (2003) IJF 19:287–290; R forecast `thetaf`: https://pkg.robjhyndman.com/forecast/reference/thetaf.html
 * @example
 * forecastTheta({ ses: { alpha: 1, level: 10, sigma2: 1 } as never, halfSlope: 1, observations: 5 }, 2).point;
 * // => [11, 12]
 */
export function forecastTheta(params: ThetaParams, horizon: number): AnnualForecast {
  const { alpha, level, sigma2 } = params.ses;
  const a = Math.max(alpha, 1e-10);
  const offset = (1 - (1 - a) ** params.observations) / a;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let k = 1; k <= horizon; k += 1) {
    mean.push(level + params.halfSlope * (k - 1 + offset));
    sd.push(Math.sqrt(sigma2 * (1 + (k - 1) * a * a)));
  }
  return normalForecast(mean, sd);
}
