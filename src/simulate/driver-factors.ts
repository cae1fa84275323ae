// Shared drivers in the simulation: each driver's factor, drawn per draw and year from its own stream, and what it does to a variable.
import type { Driver } from '../spec/scenario-spec.js';
import type { BlockStreams } from './random/create-stream.js';
import type { Distribution } from '../model/distribution.js';
import type { DrawBlock } from './draw-blocks.js';
import { distributionMean } from './distributions/distribution-mean.js';
import { distributionMgf } from './distributions/distribution-mgf.js';
import { distributionQuantile } from './distributions/distribution-quantile.js';
import { normalCdf } from './distributions/normal-cdf.js';

/** The stream key of a driver: `driver:<name>` (a colon, which no variable name has). */
export const driverStreamKey = (driver: string) => `driver:${driver}`;

/** The yearly values of every driver in one block, advanced one year at a time. */
export interface DriverFactors {
  /** Draws the next year's factor of every driver (call once per year, in order, from the model's first year). */
  advance(): void;
  /** The factor f_t of `driver` in the year last advanced to (one value per draw of the block). */
  factor(driver: string): Float64Array;
}

/**
 * Starts the drivers of one block. A driver's normal score follows an AR(1) over the years,
 *
 *   z_1 = ε_1,   z_t = ρ·z_{t−1} + √(1 − ρ²)·ε_t,   f_t = F⁻¹(Φ(z_t))   (f_t = μ + σ·z_t for a normal F),
 *
 * with ε_t standard normals from the stream (seed, `driver:<name>`, `factor`) of the block, one
 * column a year. Every z_t is standard normal, so every year's f_t has the stated distribution F;
 * corr(z_t, z_{t+k}) = ρ^k (a Gaussian copula: for a normal F also the factor's own autocorrelation,
 * otherwise its Spearman rank autocorrelation is (6/π)·asin(ρ^k/2)). The numbers depend only on
 * (seed, driver, block, year), never on the variables simulated with it, so a model's parts in
 * separate threads, and scenarios sharing a driver, see the same factor.
 * Reference: Hamilton, *Time Series Analysis* (1994) §3.4 (AR(1)); Nelsen, *An Introduction to
 * Copulas* (2nd ed. 2006) §5.1.2 (Spearman's ρ of the normal copula).
 * @param drivers the scenario's drivers
 * @param streams the run's block streams
 * @param block the block simulated
 * @example
 * // ρ = 1: one value per draw for every year
 * const factors = driverFactors([cycle], blockStreams(1), block); factors.advance(); factors.advance();
 */
export function driverFactors(drivers: readonly Driver[], streams: BlockStreams, block: DrawBlock): DriverFactors {
  const n = block.count;
  const states = drivers.map((driver) => ({
    driver,
    stream: streams.stream(block.index, driverStreamKey(driver.name), 'factor'),
    score: new Float64Array(n),
    value: new Float64Array(n),
    innovationScale: Math.sqrt(1 - driver.persistence * driver.persistence),
  }));
  const byName = new Map(states.map((s) => [s.driver.name, s]));
  let started = false;
  return {
    advance() {
      for (const state of states) {
        const { score, value, driver } = state;
        state.stream.fillStandardNormal(value);
        if (!started) score.set(value);
        else for (let i = 0; i < n; i++) score[i] = driver.persistence * score[i] + state.innovationScale * value[i];
        const factor = driver.factor;
        if (factor.dist === 'normal') for (let i = 0; i < n; i++) value[i] = factor.mean + factor.sd * score[i];
        else {
          const fromScore = factorOfScore(factor);
          for (let i = 0; i < n; i++) value[i] = fromScore(score[i]);
        }
      }
      started = true;
    },
    factor(driver) {
      const state = byName.get(driver);
      if (!state) throw new Error(`internal: no driver ${driver} in this simulation`);
      return state.value;
    },
  };
}

/** One driver's pull on one variable: its loading λ and the centring c subtracted from λ·f (see loadingsByVariable). */
export interface DriverPull {
  readonly driver: string;
  readonly loading: number;
  readonly centre: number;
}

/** Normal scores tabulated for a PERT factor: ±scoreTableEnd in steps of 1/scoreTableSteps (beyond: computed exactly). */
const scoreTableEnd = 8;
const scoreTableSteps = 256;
const scoreTables = new Map<string, Float64Array>();

/**
 * z ↦ F⁻¹(Φ(z)) for a factor distribution F. Uniform and triangular have closed-form quantiles; a
 * PERT quantile is a bisection on the incomplete beta function (≈ 30 µs), so it is tabulated once
 * per distribution on a grid of normal scores (4097 points, step 1/256) and interpolated linearly —
 * within 10⁻⁶ of the exact quantile over the factor's range (tested) — with exact values beyond ±8.
 * @example factorOfScore({ dist: 'uniform', min: 0, max: 2 })(0); // => 1
 */
export function factorOfScore(factor: Distribution): (score: number) => number {
  if (factor.dist !== 'pert') return (score) => distributionQuantile(factor, normalCdf(score));
  const key = JSON.stringify(factor);
  let table = scoreTables.get(key);
  if (!table) {
    table = Float64Array.from({ length: 2 * scoreTableEnd * scoreTableSteps + 1 }, (_, k) =>
      distributionQuantile(factor, normalCdf(-scoreTableEnd + k / scoreTableSteps)),
    );
    scoreTables.set(key, table);
  }
  const grid = table;
  return (score) => {
    const position = (score + scoreTableEnd) * scoreTableSteps;
    if (!(position >= 0 && position < grid.length - 1)) return distributionQuantile(factor, normalCdf(score));
    const k = Math.floor(position);
    const weight = position - k;
    return grid[k] + weight * (grid[k + 1] - grid[k]);
  };
}

/** A variable's loadings, gathered from every driver: what the simulation applies to it each year. */
export interface VariableLoadings {
  /** Pulls on its log growth: it moves by Σ λ·(f_t − E f). */
  readonly growth: readonly DriverPull[];
  /** Pulls on a count law's rate: multiplied by Π exp(λ·f_t) / E[exp(λ·f)]. */
  readonly rate: readonly DriverPull[];
}

/**
 * Every loaded variable's loadings, by variable name, each with its centring, so that a driver
 * moves variables together without moving their centre:
 * - growth: the year's log growth moves by λ·(f_t − E f) — mean zero, so a level's median path
 *   stays the scenario's own (centre c = λ·E f);
 * - rate: a count law's rate is multiplied by exp(λ·f_t) / E[exp(λ·f)] — mean one, so the count's
 *   mean stays the law's (centre c = ln E[exp(λ·f)], the log of the factor's moment-generating
 *   function at λ; for a normal factor λμ + λ²σ²/2).
 * @example loadingsByVariable([{ name: 'cycle', factor: { dist: 'normal', mean: 0, sd: 1 }, loadings: [{ variable: 'x', effect: 'growth', loading: 0.04 }] }]).get('x')?.growth;
 * // => [{ driver: 'cycle', loading: 0.04, centre: 0 }]
 */
export function loadingsByVariable(drivers: readonly Driver[]): Map<string, VariableLoadings> {
  const out = new Map<string, { growth: DriverPull[]; rate: DriverPull[] }>();
  for (const driver of drivers) {
    for (const { variable, effect, loading } of driver.loadings) {
      const entry = out.get(variable) ?? { growth: [], rate: [] };
      const centre = effect === 'growth' ? loading * distributionMean(driver.factor) : Math.log(distributionMgf(driver.factor, loading));
      entry[effect].push({ driver: driver.name, loading, centre });
      out.set(variable, entry);
    }
  }
  return out;
}

/**
 * The multiplier exp(Σ_d (λ_d · f_d,t − c_d)) of each draw, into `out`: a level's growth factor this
 * year, or a count law's rate multiplier.
 * @example driverMultiplier([{ driver: 'c', loading: 0.5, centre: 0.125 }], factors, out); // out[i] = exp(0.5 · f_i − 0.125)
 */
export function driverMultiplier(pulls: readonly DriverPull[], factors: DriverFactors, out: Float64Array): Float64Array {
  let centre = 0;
  for (const pull of pulls) centre += pull.centre;
  out.fill(-centre);
  for (const { driver, loading } of pulls) {
    const factor = factors.factor(driver);
    for (let i = 0; i < out.length; i++) out[i] += loading * factor[i];
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
  return out;
}
