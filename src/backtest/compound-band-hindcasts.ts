// Hindcasts of the compound law's own bands inside training parts, scored by how far each outcome fell in its band.
import { ModelError } from '../errors/model-error.js';
import { laws } from '../laws/registry.js';
import { lawForecaster } from './law-forecaster.js';
import { logSpread } from './log-spread.js';

/** One hindcast outcome: the window it came from, its horizon and its standardised distance from the median. */
export interface BandHindcast {
  /** Values in the window the law was calibrated on. */
  readonly windowLength: number;
  readonly horizon: number;
  /** |z| = |ln(y / median)| / s_k, s_k the law's own log spread at k (logSpread: its 80% band / 2z_0.9). */
  readonly score: number;
}

/** Options for {@link compoundBandHindcasts}. */
export interface BandHindcastOptions {
  /** Largest horizon H (default 6, the stored default's). */
  readonly horizon?: number;
  /** Draws per hindcast (default 400). */
  readonly draws?: number;
  readonly seed?: number;
}

/**
 * Rolling-origin hindcasts of the compound law, as the selection protocol makes them (docs/backtest.md
 * §0 step 2): for each series y_1..y_n, origins o = max(4, n − 10) … n − 1; the law is calibrated on
 * y_1..y_o **with its own bands** (pooledBandFloor false: the floor is what is being measured), draws
 * are simulated as the engine makes them, and each outcome y_{o+k}, k ≤ min(H, n − o), is scored
 * |z| = |ln(y_{o+k} / m_k)| / s_k (m_k the median of the draws, s_k = logSpread). A |z| above z_0.9 is an
 * outcome outside the law's 80% band. Windows the law cannot calibrate on (a non-positive value) are
 * skipped. Only the series given are read: pass training parts, never test parts.
 * @param training yearly series (training parts only)
 * @param options horizon (6), draws (400), seed (1)
 * @returns the scores, with each window's length and horizon
 * @see Tashman (2000) IJF 16:437–450 (rolling origins); Lei et al. (2018) JASA 113:1094–1111 §5.2 (scores scaled by the forecast's own spread).
 * @example compoundBandHindcasts([[100, 110, 121, 133, 146, 161]]).map((h) => h.windowLength); // => [4, 4, 5]
 */
export function compoundBandHindcasts(training: readonly (readonly number[])[], options: BandHindcastOptions = {}): BandHindcast[] {
  const horizon = options.horizon ?? 6;
  const forecaster = lawForecaster(laws.compound, { draws: options.draws ?? 400, seed: options.seed ?? 1 });
  const hindcasts: BandHindcast[] = [];
  for (const series of training) {
    const n = series.length;
    for (let origin = Math.max(4, n - 10); origin < n; origin += 1) {
      const steps = Math.min(horizon, n - origin);
      let forecast;
      try {
        forecast = forecaster.forecast(series.slice(0, origin), steps);
      } catch (error) {
        if (error instanceof ModelError) continue;
        throw error;
      }
      const spread = logSpread(forecast);
      for (let k = 1; k <= steps; k += 1) {
        const actual = series[origin + k - 1];
        const score = actual > 0 ? Math.abs(Math.log(actual / Math.max(forecast.point[k - 1], 1e-9))) / spread[k - 1] : Number.POSITIVE_INFINITY;
        hindcasts.push({ windowLength: origin, horizon: k, score });
      }
    }
  }
  return hindcasts;
}
