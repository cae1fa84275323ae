// Negative-binomial counts with a mean and dispersion per draw, by inversion of the marginal pmf.
import type { RandomStream } from '../model/random-stream.js';
import { newColumns, type BlockColumns } from './law.js';
import { fillGammaPerDraw } from './fill-gamma-per-draw.js';

/**
 * Means above this are drawn as Gamma–Poisson instead: inversion walks ≈ μ + 1 terms of the pmf,
 * and p₀ = (k/(k+μ))^k underflows near μ ≈ 745 for large k.
 */
export const inversionMaxMean = 64;
/**
 * Terms walked before inversion stops. The pmf sums to 1 − O(10⁻¹⁶) in floating point, so a u above
 * the computed total ends at the cap; that needs u within rounding of 1 (probability < 10⁻¹²).
 */
const inversionMaxTerms = 100_000;

/** reciprocals[n] = 1/(n + 1), for the inversion's pmf recurrence (means ≤ 64 rarely walk past 256 terms). */
const reciprocalTerms = 256;
const reciprocals = Float64Array.from({ length: reciprocalTerms }, (_, n) => 1 / (n + 1));

/** A sampler of NB(k_i, μ_i) counts, one (μ, k) per draw, set up once; draw a year with `fill`. */
export interface NegativeBinomialSampler {
  /** Writes one count per draw into `out` (length = draws); `scratch` (same length) takes the uniforms. */
  fill(out: Float64Array, scratch: Float64Array): void;
  /**
   * As `fill` with each draw's mean multiplied by `factor[i]` this year (a shared driver): N ~ NB(k, μ·m).
   * The same method — inversion up to inversionMaxMean, Gamma–Poisson above — on the scaled mean.
   */
  fillScaled(out: Float64Array, scratch: Float64Array, factor: Float64Array): void;
}

/**
 * Sets up yearly NB counts N ~ NB(k, μ): P(N = n) = Γ(n + k)/(Γ(k) n!) · pᵏ qⁿ with p = k/(k + μ),
 * q = μ/(k + μ), so E N = μ and Var N = μ + μ²/k — the Gamma–Poisson mixture λ ~ Gamma(k, k/μ),
 * N ~ Poisson(λ) with λ integrated out (new λ every year, so the marginal each year is exact).
 *
 * Method: for μ ≤ inversionMaxMean, inversion n = min{n : u < F(n)} with p₀ = exp(k·log1p(−q)) = pᵏ
 * and pₙ₊₁ = pₙ · q · (n + k)/(n + 1), one uniform per draw from `arrivals`, by sequential search
 * started at the mode (Devroye 1986 §III.2.2, §X.1, §X.4.7): the mode's F and p are summed from 0
 * once per block of draws, and each year's search steps down (pₙ₋₁ = pₙ·n/(q(n − 1 + k))) or up
 * from there — about E|N − mode| steps instead of E N + 1, the same mapping from u to n (up to
 * rounding in F: invertFromZero is the reference it is tested against). About 5× faster than
 * drawing the gamma and the Poisson (measured at μ ≈ 6). Larger means: λ from `intensity`
 * (Marsaglia–Tsang), then Poisson from `arrivals`, over just those draws. μ ≤ 0 or k ≤ 0 gives 0.
 *
 * @param means μ per draw (count per year)
 * @param dispersions k per draw (> 0; large k → Poisson)
 * @param intensity stream of the yearly rates (large means only)
 * @param arrivals stream of the counts
 * @param columns where the per-draw state lives (a block's lent columns, or new)
 * @returns the sampler (it keeps the mode, F and p there in double, q and k in single precision: 28 bytes a draw)
 * @see Devroye, L. (1986). Non-Uniform Random Variate Generation. Springer. http://luc.devroye.org/rnbookindex.html
 * @example
 * // μ = 0.5, k = 1 (geometric, p = 2/3): p₀ = 2/3, so u = 0.5 gives 0 and u = 0.9 gives 2
 * negativeBinomialSampler(Float64Array.of(0.5), Float64Array.of(1), intensity, arrivals).fill(out, scratch);
 */
export function negativeBinomialSampler(
  means: Float64Array,
  dispersions: Float64Array,
  intensity: RandomStream,
  arrivals: RandomStream,
  columns: BlockColumns = newColumns,
): NegativeBinomialSampler {
  const draws = means.length;
  // The means and dispersions as given, for years a driver scales the mean (the columns are lent).
  const baseMeans = columns.float64(draws);
  baseMeans.set(means);
  const baseDispersions = columns.float64(draws);
  baseDispersions.set(dispersions);
  // q and k in single precision (the draw's parameters become float32 numbers), p₀ from those very
  // numbers, so each draw's pmf is exactly NB(k, q) of what is stored: 16 bytes a draw, not 24.
  // Zeroed: a skipped draw keeps p₀ = q = k = 0 (lent columns hold the last block's numbers).
  const p0 = columns.float64(draws).fill(0);
  const q = columns.float32(draws).fill(0);
  const k = columns.float32(draws).fill(0);
  const modes = columns.int32(draws).fill(0);
  const modeCdf = columns.float64(draws).fill(0);
  const modePmf = columns.float64(draws).fill(0);
  const large: number[] = [];
  for (let i = 0; i < draws; i++) {
    const mean = means[i];
    const dispersion = dispersions[i];
    if (!(mean > 0) || !(dispersion > 0)) continue; // p₀ = 0 with q = 0: the draw is skipped (count 0)
    if (mean > inversionMaxMean) {
      large.push(i);
      continue;
    }
    k[i] = dispersion;
    q[i] = mean / (dispersion + mean);
    p0[i] = Math.exp(k[i] * Math.log1p(-q[i]));
  }
  startAtModes(p0, q, k, modes, modeCdf, modePmf);
  const largeShapes = Float64Array.from(large, (i) => dispersions[i]);
  const largeScales = Float64Array.from(large, (i) => means[i] / dispersions[i]);
  const largeRates = new Float64Array(large.length);
  const largeCounts = new Float64Array(large.length);
  const largeNormals = new Float64Array(large.length);
  const largeUniforms = new Float64Array(large.length);

  return {
    fill(out: Float64Array, scratch: Float64Array): void {
      arrivals.fillUniform(scratch);
      invertFromMode(scratch, q, k, modes, modeCdf, modePmf, out);
      if (large.length === 0) return;
      fillGammaPerDraw(intensity, largeShapes, largeRates, largeNormals, largeUniforms);
      for (let j = 0; j < large.length; j++) largeRates[j] *= largeScales[j];
      arrivals.fillPoisson(largeCounts, largeRates);
      for (let j = 0; j < large.length; j++) out[large[j]] = largeCounts[j];
    },
    fillScaled(out: Float64Array, scratch: Float64Array, factor: Float64Array): void {
      arrivals.fillUniform(scratch);
      const scaledLarge = invertScaled(scratch, baseMeans, baseDispersions, factor, out);
      if (scaledLarge.length === 0) return;
      const shapes = Float64Array.from(scaledLarge, (i) => baseDispersions[i]);
      const rates = new Float64Array(scaledLarge.length);
      const counts = new Float64Array(scaledLarge.length);
      fillGammaPerDraw(intensity, shapes, rates, new Float64Array(scaledLarge.length), new Float64Array(scaledLarge.length));
      for (let j = 0; j < scaledLarge.length; j++) rates[j] *= (baseMeans[scaledLarge[j]] * factor[scaledLarge[j]]) / baseDispersions[scaledLarge[j]];
      arrivals.fillPoisson(counts, rates);
      for (let j = 0; j < scaledLarge.length; j++) out[scaledLarge[j]] = counts[j];
    },
  };
}

/**
 * Inversion with each draw's mean scaled by its factor: q = μm/(k + μm), p₀ = (1 − q)^k computed per
 * draw (in double). Draws whose scaled mean exceeds inversionMaxMean are left for Gamma–Poisson.
 * @returns the indices of those draws
 */
function invertScaled(uniforms: Float64Array, means: Float64Array, dispersions: Float64Array, factor: Float64Array, out: Float64Array): number[] {
  const large: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const mean = means[i] * factor[i];
    const shape = dispersions[i];
    out[i] = 0;
    if (!(mean > 0) || !(shape > 0)) continue;
    if (mean > inversionMaxMean) {
      large.push(i);
      continue;
    }
    const ratio = mean / (shape + mean);
    const u = uniforms[i];
    const p0 = Math.exp(shape * Math.log1p(-ratio));
    out[i] = u < p0 ? 0 : stepsUp(u, ratio, shape, 0, p0, p0, true);
  }
  return large;
}

/**
 * Each draw's mode m = ⌊(k − 1)μ/k⌋ (0 for k ≤ 1; μ/k = q/(1 − q)), and F(m), p(m) summed from p₀ by
 * the same recurrence as invertFromZero.
 */
export function startAtModes(p0: Float64Array, q: Float32Array, k: Float32Array, modes: Int32Array, modeCdf: Float64Array, modePmf: Float64Array): void {
  for (let i = 0; i < p0.length; i++) {
    let probability = p0[i];
    let cumulative = probability;
    let n = 0;
    if (probability > 0) {
      const ratio = q[i];
      const shape = k[i];
      const mode = shape > 1 ? Math.floor(((shape - 1) * ratio) / (1 - ratio)) : 0;
      while (n < mode && n < inversionMaxTerms) {
        probability *= ratio * (n + shape) * (n < reciprocalTerms ? reciprocals[n] : 1 / (n + 1));
        n++;
        cumulative += probability;
      }
    }
    modes[i] = n;
    modeCdf[i] = cumulative;
    modePmf[i] = probability;
  }
}

/**
 * The inversion from each draw's mode: n = min{n : u < F(n)}, stepping down while u < F(n − 1) =
 * F(n) − pₙ, or up while u ≥ F(n). A draw with p₀ = 0 (μ ≤ 0, k ≤ 0, or a large mean drawn apart) gives 0.
 *
 * F rises term by term going up and falls going down (each pₙ ≥ 0), so the answer is the mode plus
 * the number of terms at or above it with F(n) ≤ u, or minus the number below it with u < F(n − 1).
 * Those terms are counted four at a time, without a branch among the four, and each walk asks once
 * a round whether to go on (a walk of a random length mispredicted its exit once a draw). The terms
 * are the ones invertFromModeBySearch (the reference) computes, in the same order, so the counts are its.
 */
export function invertFromMode(uniforms: Float64Array, q: Float32Array, k: Float32Array, modes: Int32Array, modeCdf: Float64Array, modePmf: Float64Array, out: Float64Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const u = uniforms[i];
    let cumulative = modeCdf[i];
    let probability = modePmf[i];
    let count = modes[i];
    if (!(probability > 0)) {
      out[i] = count;
      continue;
    }
    const ratio = q[i];
    const shape = k[i];
    if (u >= cumulative) {
      out[i] = stepsUp(u, ratio, shape, count, cumulative, probability, false);
      continue;
    }
    // Down: count − #{j ≤ count, j ≥ 1 : u < F(j − 1)}, F(j − 1) = F(j) − pⱼ, pⱼ₋₁ = pⱼ·j/(q(j − 1 + k)).
    // Written here, not in a function: one that V8 does not inline takes its doubles boxed, and
    // stepsUp already fills this loop's inlining budget (a draw walking down allocated 32 bytes).
    const start = count;
    let above = 0;
    let done = false;
    while (count >= 4) {
      cumulative -= probability;
      const a0 = (u < cumulative) as unknown as number;
      probability *= count / (ratio * (count - 1 + shape));
      cumulative -= probability;
      const a1 = (u < cumulative) as unknown as number;
      probability *= (count - 1) / (ratio * (count - 2 + shape));
      cumulative -= probability;
      const a2 = (u < cumulative) as unknown as number;
      probability *= (count - 2) / (ratio * (count - 3 + shape));
      cumulative -= probability;
      const a3 = (u < cumulative) as unknown as number;
      probability *= (count - 3) / (ratio * (count - 4 + shape));
      count -= 4;
      above += a0 + a1 + a2 + a3;
      if (!a3) {
        done = true;
        break;
      }
    }
    if (done) {
      out[i] = start - above;
      continue;
    }
    // The last terms down to 0: one by one, as the reference.
    while (count > 0 && u < cumulative - probability) {
      cumulative -= probability;
      probability *= count / (ratio * (count - 1 + shape));
      count--;
    }
    out[i] = count;
  }
}

/**
 * pₙ₊₁/pₙ = q(n + k)/(n + 1): with 1/(n + 1) from the table while it lasts (a multiplication, not a
 * division), or, `divided`, as q(n + k) divided by n + 1 (invertScaled's rounding).
 */
function upRatio(ratio: number, shape: number, count: number, divided: boolean): number {
  if (divided) return (ratio * (count + shape)) / (count + 1);
  return ratio * (count + shape) * (count < reciprocalTerms ? reciprocals[count] : 1 / (count + 1));
}

/**
 * From n = count with F(n) = cumulative ≤ u: n + #{terms j ≥ n with F(j) ≤ u}, below the cap
 * (upRatio's `divided` picks the recurrence's rounding).
 */
function stepsUp(u: number, ratio: number, shape: number, count: number, cumulative: number, probability: number, divided: boolean): number {
  let below = count;
  while (count <= inversionMaxTerms - 4) {
    const b0 = (u >= cumulative) as unknown as number;
    probability *= upRatio(ratio, shape, count, divided);
    cumulative += probability;
    const b1 = (u >= cumulative) as unknown as number;
    probability *= upRatio(ratio, shape, count + 1, divided);
    cumulative += probability;
    const b2 = (u >= cumulative) as unknown as number;
    probability *= upRatio(ratio, shape, count + 2, divided);
    cumulative += probability;
    const b3 = (u >= cumulative) as unknown as number;
    probability *= upRatio(ratio, shape, count + 3, divided);
    cumulative += probability;
    count += 4;
    below += b0 + b1 + b2 + b3;
    if (!(u >= cumulative)) return below;
  }
  // Within four terms of the cap (u within rounding of 1): term by term, as the reference.
  while (u >= cumulative && count < inversionMaxTerms) {
    probability *= upRatio(ratio, shape, count, divided);
    count++;
    cumulative += probability;
  }
  return count;
}

/** invertFromMode by sequential search, term by term: the reference the tests hold it to. */
export function invertFromModeBySearch(uniforms: Float64Array, q: Float32Array, k: Float32Array, modes: Int32Array, modeCdf: Float64Array, modePmf: Float64Array, out: Float64Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const u = uniforms[i];
    let cumulative = modeCdf[i];
    let probability = modePmf[i];
    let count = modes[i];
    if (probability > 0) {
      const ratio = q[i];
      const shape = k[i];
      if (u < cumulative) {
        while (count > 0 && u < cumulative - probability) {
          cumulative -= probability;
          probability *= count / (ratio * (count - 1 + shape));
          count--;
        }
      } else {
        while (u >= cumulative && count < inversionMaxTerms) {
          probability *= ratio * (count + shape) * (count < reciprocalTerms ? reciprocals[count] : 1 / (count + 1));
          count++;
          cumulative += probability;
        }
      }
    }
    out[i] = count;
  }
}

/**
 * The reference inversion, by sequential search from 0 (the method before the search started at the
 * mode): tests check invertFromMode against it on the same uniforms.
 */
export function invertFromZero(uniforms: Float64Array, p0: Float64Array, q: Float32Array, k: Float32Array, out: Float64Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const u = uniforms[i];
    let probability = p0[i];
    let cumulative = probability;
    let count = 0;
    if (probability > 0) {
      const ratio = q[i];
      const shape = k[i];
      while (u >= cumulative && count < inversionMaxTerms) {
        // 1/(n + 1) from a table while it lasts: a multiplication instead of a division per term.
        probability *= ratio * (count + shape) * (count < reciprocalTerms ? reciprocals[count] : 1 / (count + 1));
        count++;
        cumulative += probability;
      }
    }
    out[i] = count;
  }
}
