import { describe, expect, it } from 'vitest';
import { invertFromMode, invertFromModeBySearch, invertFromZero, negativeBinomialSampler, inversionMaxMean, startAtModes } from '../../src/laws/negative-binomial-sampler.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

/** NB pmf by its recurrence, p₀ = (k/(k+μ))^k, pₙ₊₁ = pₙ·q·(n+k)/(n+1). */
function pmf(mean: number, k: number, upTo: number): number[] {
  const q = mean / (k + mean);
  const out = [Math.pow(k / (k + mean), k)];
  for (let n = 0; n < upTo; n++) out.push((out[n] * q * (n + k)) / (n + 1));
  return out;
}

/** Pearson χ² of counts against pmf over 0 … last, the rest pooled into one cell. */
function chiSquare(counts: Float64Array, probabilities: number[]): { statistic: number; cells: number } {
  const observed = new Array(probabilities.length + 1).fill(0);
  for (const c of counts) observed[Math.min(c, probabilities.length)]++;
  const expected = [...probabilities, 1 - probabilities.reduce((s, p) => s + p, 0)].map((p) => p * counts.length);
  let statistic = 0;
  for (let j = 0; j < observed.length; j++) statistic += (observed[j] - expected[j]) ** 2 / expected[j];
  return { statistic, cells: observed.length };
}

const sampler = (means: number[], dispersions: number[], seed: number) =>
  negativeBinomialSampler(Float64Array.from(means), Float64Array.from(dispersions), createStream(seed, 'nb', 'intensity'), createStream(seed, 'nb', 'arrivals'));

describe('negativeBinomialSampler', () => {
  it('pmf recurrence equals scipy.stats.nbinom.pmf', () => {
    // checked in scipy 1.x: [nbinom.pmf(n, 3, 3/9) for n in range(5)] and [nbinom.pmf(n, 0.7, 0.7/3.2) for n in range(3)]
    const scipy = [0.03703703703703703, 0.07407407407407406, 0.09876543209876543, 0.1097393689986283, 0.10973936899862824];
    pmf(6, 3, 4).forEach((p, n) => expect(p).toBeCloseTo(scipy[n], 14));
    const scipySmallK = [0.3451148469551869, 0.1887346819286177, 0.12533162471822273];
    pmf(2.5, 0.7, 2).forEach((p, n) => expect(p).toBeCloseTo(scipySmallK[n], 14));
  });

  it.each([
    [6, 3],
    [2.5, 0.7],
    [0.4, 20],
  ])('draws NB(μ = %d, k = %d) counts whose frequencies fit the pmf (χ² test)', (mean, k) => {
    const draws = 200_000;
    const out = new Float64Array(draws);
    sampler(new Array(draws).fill(mean), new Array(draws).fill(k), 3).fill(out, new Float64Array(draws));
    const cells = pmf(mean, k, 40).filter((p) => p * draws >= 20);
    const { statistic, cells: df } = chiSquare(out, cells);
    // χ² with df − 1 degrees of freedom: mean df − 1, sd √(2(df − 1)); 5 sd is far beyond chance.
    expect(statistic).toBeLessThan(df - 1 + 5 * Math.sqrt(2 * (df - 1)));
  });

  it('the search from the mode gives the reference inversion from 0 on the same uniforms (all but rounding ties)', () => {
    const draws = 200_000;
    const means = Array.from({ length: draws }, (_, i) => [0.3, 1, 6, 14, 40, 51][i % 6] * (1 + ((i * 7919) % 100) / 400));
    const dispersions = Array.from({ length: draws }, (_, i) => [0.4, 1, 2.5, 5, 30, 300][(i * 31) % 6]);
    const fast = new Float64Array(draws);
    sampler(means, dispersions, 11).fill(fast, new Float64Array(draws));
    expect(means.every((m) => m <= inversionMaxMean)).toBe(true); // every draw by inversion
    // The reference on the very uniforms the sampler drew, with its single-precision q and k.
    const uniforms = new Float64Array(draws);
    createStream(11, 'nb', 'arrivals').fillUniform(uniforms);
    const k = Float32Array.from(dispersions);
    const q = Float32Array.from(means, (m, i) => m / (dispersions[i] + m));
    const p0 = Float64Array.from(k, (shape, i) => Math.exp(shape * Math.log1p(-q[i])));
    const slow = new Float64Array(draws);
    invertFromZero(uniforms, p0, q, k, slow);
    let differ = 0;
    for (let i = 0; i < draws; i++) if (fast[i] !== slow[i]) differ++;
    // F(n) summed down from the mode and up from 0 differ by rounding only: a u that close to a step is a ~1e-15 event.
    expect(differ).toBe(0);
  });

  it('the walk from the mode, four terms a round, gives the term-by-term walk\'s count for every draw', () => {
    // Means 0.05 … 64 and dispersions 0.3 … 1000 (modes from 0 to 63, walks up and down, short and
    // long), each against uniforms at 0, near 0, spread over (0, 1), and within rounding of 1.
    const means = [0.05, 0.3, 1, 2.5, 6, 14, 25, 40, 51, 64];
    const dispersions = [0.3, 1, 1.5, 2.5, 5, 30, 300, 1000];
    const uniforms = [0, 2 ** -53, 1e-12, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 0.999, 1 - 1e-9, 1 - 2 ** -40];
    const cases = means.flatMap((m) => dispersions.flatMap((d) => uniforms.map((u) => ({ m, d, u }))));
    // And 40,000 random draws of each.
    const random = new Float64Array(40_000);
    createStream(5, 'nb-walk').fillUniform(random);
    for (let i = 0; i < random.length; i++) cases.push({ m: means[i % means.length], d: dispersions[(i * 7) % dispersions.length], u: random[i] });
    const n = cases.length;
    const k = Float32Array.from(cases, (c) => c.d);
    const q = Float32Array.from(cases, (c) => c.m / (c.d + c.m));
    const p0 = Float64Array.from(k, (shape, i) => Math.exp(shape * Math.log1p(-q[i])));
    const modes = new Int32Array(n);
    const modeCdf = new Float64Array(n);
    const modePmf = new Float64Array(n);
    startAtModes(p0, q, k, modes, modeCdf, modePmf);
    const u = Float64Array.from(cases, (c) => c.u);
    const fast = new Float64Array(n);
    const slow = new Float64Array(n);
    invertFromMode(u, q, k, modes, modeCdf, modePmf, fast);
    invertFromModeBySearch(u, q, k, modes, modeCdf, modePmf, slow);
    let down = 0;
    let up = 0;
    for (let i = 0; i < n; i++) {
      if (slow[i] < modes[i]) down++;
      if (slow[i] > modes[i] + 4) up++;
      if (fast[i] !== slow[i]) expect({ ...cases[i], count: fast[i] }).toEqual({ ...cases[i], count: slow[i] });
    }
    // Both walks are taken, and walks longer than a round: the test reaches the rounds' exits.
    expect(down).toBeGreaterThan(1000);
    expect(up).toBeGreaterThan(1000);
  });

  it('keeps each draw to its own parameters, takes large means by Gamma–Poisson, and gives 0 for μ ≤ 0', () => {
    const draws = 60_000;
    const means = Array.from({ length: draws }, (_, i) => [1, 200, 0][i % 3]);
    const out = new Float64Array(draws);
    sampler(means, new Array(draws).fill(4), 9).fill(out, new Float64Array(draws));
    const byMean = [0, 1, 2].map((j) => out.filter((_, i) => i % 3 === j));
    const average = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    expect(200).toBeGreaterThan(inversionMaxMean);
    // SE of the mean: √((μ + μ²/k)/n), n = 20,000: 0.008 at μ = 1, 0.71 at μ = 200.
    expect(Math.abs(average(byMean[0]) - 1)).toBeLessThan(0.04);
    expect(Math.abs(average(byMean[1]) - 200)).toBeLessThan(3.5);
    expect(byMean[2].every((v) => v === 0)).toBe(true);
    expect(out.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('gives the same counts for the same seed', () => {
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    sampler(new Array(1000).fill(5), new Array(1000).fill(2), 11).fill(a, new Float64Array(1000));
    sampler(new Array(1000).fill(5), new Array(1000).fill(2), 11).fill(b, new Float64Array(1000));
    expect(b).toEqual(a);
  });

  it('fillScaled draws NB(k, μ·m): its frequencies fit the scaled pmf (χ² test), large scaled means by Gamma–Poisson, m = 1 the unscaled law', () => {
    const draws = 200_000;
    const out = new Float64Array(draws);
    const factor = new Float64Array(draws).fill(1.6);
    sampler(new Array(draws).fill(2.5), new Array(draws).fill(3), 5).fillScaled(out, new Float64Array(draws), factor);
    const cells = pmf(4, 3, 40).filter((p) => p * draws >= 20);
    const { statistic, cells: df } = chiSquare(out, cells);
    expect(statistic).toBeLessThan(df - 1 + 5 * Math.sqrt(2 * (df - 1)));
    // m = 1: the same χ² fit to the unscaled pmf
    sampler(new Array(draws).fill(2.5), new Array(draws).fill(3), 5).fillScaled(out, new Float64Array(draws), new Float64Array(draws).fill(1));
    const unscaled = chiSquare(out, pmf(2.5, 3, 40).filter((p) => p * draws >= 20));
    expect(unscaled.statistic).toBeLessThan(unscaled.cells - 1 + 5 * Math.sqrt(2 * (unscaled.cells - 1)));
    // a scaled mean past inversionMaxMean: 40 × 2 = 80, SE of the mean √((80 + 80²/4)/20,000) ≈ 0.29
    const large = new Float64Array(20_000);
    sampler(new Array(20_000).fill(40), new Array(20_000).fill(4), 6).fillScaled(large, new Float64Array(20_000), new Float64Array(20_000).fill(2));
    expect(Math.abs(large.reduce((s, v) => s + v, 0) / large.length - 80)).toBeLessThan(1.5);
    expect(large.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('fillScaled by inversion gives, draw for draw, the term-by-term search from 0 on the same uniforms', () => {
    const draws = 60_000;
    const means = Array.from({ length: draws }, (_, i) => [0.2, 1, 4, 12, 30][i % 5]);
    const dispersions = Array.from({ length: draws }, (_, i) => [0.5, 2, 8, 200][(i * 3) % 4]);
    const factor = Float64Array.from({ length: draws }, (_, i) => 0.5 + ((i * 7919) % 1000) / 600);
    const fast = new Float64Array(draws);
    sampler(means, dispersions, 8).fillScaled(fast, new Float64Array(draws), factor);
    const uniforms = new Float64Array(draws);
    createStream(8, 'nb', 'arrivals').fillUniform(uniforms);
    let long = 0;
    for (let i = 0; i < draws; i++) {
      const mean = means[i] * factor[i];
      if (mean > inversionMaxMean) continue;
      // The search before the walk counted four terms a round (the same recurrence, in double).
      const shape = dispersions[i];
      const ratio = mean / (shape + mean);
      let probability = Math.exp(shape * Math.log1p(-ratio));
      let cumulative = probability;
      let count = 0;
      while (uniforms[i] >= cumulative && count < 100_000) {
        probability *= (ratio * (count + shape)) / (count + 1);
        count++;
        cumulative += probability;
      }
      if (count > 8) long++;
      if (fast[i] !== count) expect({ i, count: fast[i] }).toEqual({ i, count });
    }
    expect(long).toBeGreaterThan(5000);
  });
});
