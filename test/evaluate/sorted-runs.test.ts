// A histogram layout reads its windows' order statistics and the values inside them from sortedRuns
// (one histogram of the pilot, one gather, short sorts). Both are held here to the obvious reference:
// sort the whole column, read ranks off it, filter the values in each window, keep the distinct ones.
import { describe, expect, it } from 'vitest';
import { marginOf, planHistogramLayout, type HistogramLayoutSpec } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { quantileProbabilities, sortedRuns } from '../../src/evaluate/quantiles.js';
import { nextUp } from '../../src/math/next-double.js';
import { pilotColumn, type PilotKind } from '../helpers/pilot-columns.js';

const column = (n: number, kind: PilotKind, seed: number) => pilotColumn(n, kind, seed, 'sorted-runs-test');

const kinds: PilotKind[] = ['normal', 'lognormal', 'poisson', 'counts', 'mostly zero', 'constant', 'signed zeros', 'two points', 'eighths', 'infinite tails', 'one outlier', 'cells of a few ulps', 'near the least subnormal', 'a wide gap'];
const sizes = [64, 500, 4096, 32_768];

/** The rank ranges a layout asks for (as planHistogramLayout computes them) plus a few of every shape. */
function rangesFor(n: number): { lo: number; hi: number }[] {
  const at = (x: number) => Math.min(n - 1, Math.max(0, Math.round(x)));
  const windows = quantileProbabilities.map((p) => {
    const c = p * (n - 1);
    const s = Math.sqrt(n * p * (1 - p));
    return { lo: at(c - 6 * s - 2), hi: at(c + 6 * s + 2) };
  });
  return [...windows, { lo: 0, hi: 0 }, { lo: n - 1, hi: n - 1 }, { lo: at(n / 3), hi: at(n / 3) }, { lo: 0, hi: n - 1 }];
}

describe('sortedRuns', () => {
  for (const kind of kinds) {
    it.each(sizes)(`${kind}, %i values: every asked rank is the sorted column's, each run ascending and closed`, (n) => {
      const values = column(n, kind, n);
      const copy = Float64Array.from(values);
      const sorted = Float64Array.from(values).sort();
      for (const ranges of [rangesFor(n), rangesFor(n).slice(0, 3), [rangesFor(n)[3]]]) {
        const runs = sortedRuns(values, ranges);
        expect(values).toEqual(copy); // not modified
        for (let k = 1; k < runs.length; k++) expect(runs[k].first).toBeGreaterThanOrEqual(runs[k - 1].first + runs[k - 1].values.length);
        for (const { lo, hi } of ranges) {
          const run = runs.find((r) => lo >= r.first && lo < r.first + r.values.length)!;
          expect(run, `rank ${lo}`).toBeDefined();
          expect(hi).toBeLessThan(run.first + run.values.length);
          // === : a run's −0 and +0 compare equal and may come in either order, as they do in a select.
          for (const rank of [lo, (lo + hi) >> 1, hi]) expect(run.values[rank - run.first] === sorted[rank], `rank ${rank}`).toBe(true);
        }
        for (const run of runs) {
          for (let i = 1; i < run.values.length; i++) expect(run.values[i] >= run.values[i - 1]).toBe(true);
          // Closed: every value of the column between a run's ends is in it, so its first is its rank.
          const low = run.values[0];
          const high = run.values[run.values.length - 1];
          if (low !== high) {
            expect(values.filter((v) => v >= low && v <= high).length).toBe(run.values.length);
            expect(values.filter((v) => v < low).length).toBe(run.first);
          }
        }
      }
    });
  }

  it('throws on NaN, an empty column and a range outside it', () => {
    const withNaN = column(4096, 'normal', 1);
    withNaN[77] = Number.NaN;
    expect(() => sortedRuns(withNaN, rangesFor(4096))).toThrow(/NaN at index 77/);
    expect(() => sortedRuns(Float64Array.of(1, Number.NaN), [{ lo: 0, hi: 0 }])).toThrow(/NaN at index 1/);
    expect(() => sortedRuns(new Float64Array(0), [{ lo: 0, hi: 0 }])).toThrow(/empty/);
    expect(() => sortedRuns(Float64Array.of(1, 2), [{ lo: 1, hi: 2 }])).toThrow(/below 2/);
    expect(() => sortedRuns(Float64Array.of(1, 2), [{ lo: 1, hi: 0 }])).toThrow(/lo ≤ hi/);
    expect(sortedRuns(Float64Array.of(1, 2), [])).toEqual([]);
  });
});

/**
 * planHistogramLayout as its comment describes it, by sorting the pilot: windows of order statistics
 * ±6 sds (se from ±2 sds), merged where they overlap, each window's distinct values when some tie.
 */
function planBySorting(pilot: Float64Array, probabilities: readonly number[], expectedCount: number): HistogramLayoutSpec {
  const m = pilot.length;
  const x = Float64Array.from(pilot).sort();
  const at = (position: number) => Math.min(m - 1, Math.max(0, Math.round(position)));
  const windows = probabilities
    .map((p) => {
      const c = p * (m - 1);
      const s = Math.sqrt(m * p * (1 - p));
      const [lo, hi, seLo, seHi] = [at(c - 6 * s - 2), at(c + 6 * s + 2), at(c - 2 * s), at(c + 2 * s)];
      const se = (x[seHi] - x[seLo]) / 4;
      return { lo: x[lo], hi: x[hi], width: (se * Math.sqrt(m / expectedCount)) / (20 * marginOf(seHi - seLo, expectedCount, p)) };
    })
    .sort((a, b) => a.lo - b.lo);
  const merged: typeof windows = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.lo <= last.hi) {
      last.hi = Math.max(last.hi, w.hi);
      last.width = Math.min(last.width, w.width);
    } else merged.push({ ...w });
  }
  const regions: HistogramLayoutSpec['regions'][number][] = [];
  let previousHi = Number.NEGATIVE_INFINITY;
  for (const w of merged) {
    regions.push({ kind: 'gap', lo: previousHi, hi: w.lo, width: 0, bins: 1 });
    const inside = pilot.filter((v) => v >= w.lo && v <= w.hi).sort();
    const distinct = Float64Array.from(new Set(inside));
    if (distinct.length < inside.length || !(w.hi > w.lo)) {
      const hi = nextUp(distinct[distinct.length - 1]);
      regions.push({ kind: 'atoms', lo: w.lo, hi, width: 0, bins: 2 * distinct.length, atoms: distinct });
      previousHi = hi;
    } else {
      const bins = Math.min(1 << 16, Math.max(1, Math.ceil((w.hi - w.lo) / w.width)));
      regions.push({ kind: 'bins', lo: w.lo, hi: w.hi, width: (w.hi - w.lo) / bins, bins });
      previousHi = w.hi;
    }
  }
  regions.push({ kind: 'gap', lo: previousHi, hi: Number.POSITIVE_INFINITY, width: 0, bins: 1 });
  return { regions };
}

describe('planHistogramLayout', () => {
  // The reference shares only marginOf with the code under test (its own test: histogram-margin.test.ts).
  for (const kind of kinds) {
    it.each(sizes)(`${kind}, %i pilot values: the regions of the sorted pilot's windows`, (m) => {
      const pilot = column(m, kind, 1000 + m);
      for (const expectedCount of [100_000, 1_000_000, 4_000_000]) {
        const spec = planHistogramLayout(pilot, quantileProbabilities, expectedCount);
        const reference = planBySorting(pilot, quantileProbabilities, expectedCount);
        expect(spec.regions.length).toBe(reference.regions.length);
        spec.regions.forEach((r, k) => {
          const s = reference.regions[k];
          expect([r.kind, r.bins], `region ${k}`).toEqual([s.kind, s.bins]);
          // === on the ends (a window ending at zero may end at −0 or +0; the counts compare alike).
          expect(r.lo === s.lo && r.hi === s.hi, `region ${k}: [${r.lo}, ${r.hi}) against [${s.lo}, ${s.hi})`).toBe(true);
          expect(r.width).toBe(s.width);
          if (s.atoms) {
            expect(Array.from(r.atoms!)).toEqual(Array.from(s.atoms)); // toEqual tells −0 from +0: atoms are +0
          }
        });
      }
    });
  }
});
