// Simulates a calibrated engine law the way the engine does: per-draw parameters and base, then year by year.
import type { Calibration, Law } from '../laws/law.js';
import { blockStreams } from '../simulate/random/create-stream.js';
import type { Distribution } from '../model/distribution.js';
import { drawBlocks } from '../simulate/draw-blocks.js';
import { sampleColumn } from '../simulate/simulate.js';
import { sampledForecast, type SampledForecast } from './sampled-forecast.js';

/** Options for {@link lawForecastDraws}. */
export interface LawDrawOptions {
  /** Years ahead h ≥ 1 (baseYear + 1 … baseYear + h). */
  readonly horizon: number;
  /** Monte Carlo draws (≥ 1). */
  readonly draws: number;
  readonly seed: number;
  /** Variable name the random streams are keyed by (as the engine keys them). */
  readonly variable: string;
  /** Parameters that override the calibration (the model's `params`, a scenario's assumptions). */
  readonly fixed?: Readonly<Record<string, Distribution>>;
}

/**
 * Draws of a law's projection from its calibration, exactly as `simulate` makes them:
 * params[p] = sampleColumn(dist_p, draws, seed, variable, `param:p`), base = sampleColumn(base, …, 'base'),
 * then per block of draws: runtime = law.start({ draws: block, params of the block, stream: (c) => the block's stream of
 * (seed, variable, c) }), next(1, level) … next(h, level) on the block's level column starting at the base.
 * Same calibration, seed and variable ⇒ the engine's numbers.
 *
 * @param law the engine law
 * @param calibration its calibration (law.calibrate)
 * @param options horizon, draws, seed, variable, overrides
 * @returns a SampledForecast: medians, empirical quantiles and the sorted draws per horizon
 * @see src/simulate/simulate.ts (the engine's sampling keys); README.md, "Simulation" (common random numbers).
 * @example lawForecastDraws(compoundLaw, calibration, { horizon: 2, draws: 1000, seed: 1, variable: 'x' }).point.length; // => 2
 */
export function lawForecastDraws(law: Law, calibration: Calibration, options: LawDrawOptions): SampledForecast {
  const { draws, seed, variable, horizon } = options;
  const params: Record<string, Float64Array> = {};
  for (const [name, distribution] of Object.entries({ ...calibration.params, ...(options.fixed ?? {}) })) {
    params[name] = sampleColumn(distribution, draws, seed, variable, `param:${name}`);
  }
  const level = sampleColumn(calibration.base, draws, seed, variable, 'base');
  const columns = Array.from({ length: horizon }, () => new Float64Array(draws));
  const streams = blockStreams(seed);
  for (const block of drawBlocks(draws)) {
    const part = (column: Float64Array) => column.subarray(block.offset, block.offset + block.count);
    const blockParams = Object.fromEntries(Object.entries(params).map(([name, column]) => [name, part(column)]));
    const runtime = law.start({ draws: block.count, params: blockParams, stream: (component) => streams.stream(block.index, variable, component) });
    const blockLevel = part(level);
    const scratch = new Float64Array(block.count);
    for (let step = 1; step <= horizon; step += 1) {
      runtime.next(step, blockLevel, scratch);
      columns[step - 1].set(blockLevel, block.offset);
    }
  }
  return sampledForecast(columns);
}
