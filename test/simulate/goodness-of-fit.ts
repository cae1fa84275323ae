// Test helpers: goodness-of-fit statistics with tolerances derived from sampling theory, not guessed.
import { distributionQuantile } from '../../src/simulate/distributions/distribution-quantile.js';

/**
 * Kolmogorov–Smirnov statistic D = supₓ |Fₙ(x) − F(x)| of a sample against a continuous CDF.
 * Under H₀, P(√n·D > 1.9495) ≈ 0.001 (Kolmogorov's limiting distribution; scipy: kstwobign.isf(0.001) = 1.9495126…).
 */
export function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** The KS critical value at α = 0.001: 1.9495126 / √n (scipy.stats.kstwobign.isf(0.001)). */
export function ksCritical(n: number): number {
  return 1.9495126515607205 / Math.sqrt(n);
}

/** The 99.9th percentile of χ²(df), from the gamma quantile (checked against scipy in special-functions.test.ts). */
export function chiSquareCritical(df: number): number {
  return distributionQuantile({ dist: 'gamma', shape: df / 2, rate: 0.5 }, 0.999);
}

/** Sample mean, variance and the standard errors of both (SE of s² ≈ √((m₄ − s⁴)/n)). */
export function moments(sample: Float64Array): { mean: number; variance: number; meanSe: number; varianceSe: number } {
  const n = sample.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (sample[i] - mean) / (i + 1);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (sample[i] - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean, variance, meanSe: Math.sqrt(variance / n), varianceSe: Math.sqrt(Math.max(m4 - variance * variance, 0) / n) };
}

/**
 * Pearson's χ² of integer counts against a pmf, cells with expected count < 5 merged into the tails.
 * Returns the statistic and its degrees of freedom (cells − 1).
 */
export function chiSquareOfCounts(sample: Float64Array, pmf: (k: number) => number): { statistic: number; df: number } {
  const n = sample.length;
  const counts = new Map<number, number>();
  let maxK = 0;
  for (const k of sample) {
    counts.set(k, (counts.get(k) ?? 0) + 1);
    maxK = Math.max(maxK, k);
  }
  // Cells [lo, hi] with expected ≥ 5, tails merged into the first and last cell.
  const cells: { observed: number; expected: number }[] = [];
  let observed = 0;
  let expected = 0;
  let total = 0;
  for (let k = 0; k <= maxK + 1000; k++) {
    observed += counts.get(k) ?? 0;
    expected += n * pmf(k);
    total += pmf(k);
    if (expected >= 5 && n * (1 - total) >= 5) {
      cells.push({ observed, expected });
      observed = 0;
      expected = 0;
    }
    if (n * (1 - total) < 5 && k > maxK) break;
  }
  cells.push({ observed: n - cells.reduce((s, c) => s + c.observed, 0), expected: n - cells.reduce((s, c) => s + c.expected, 0) });
  const statistic = cells.reduce((s, c) => s + (c.observed - c.expected) ** 2 / c.expected, 0);
  return { statistic, df: cells.length - 1 };
}
