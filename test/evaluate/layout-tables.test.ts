// A layout's lookup tables (the region at each cell, the gap a cell lies wholly in, the finer table's
// bins) are found by cellRuns without visiting every cell. Held here to the per-cell rule, written as
// the loops that built them before: every table of every layout equal, entry by entry.
import { describe, expect, it } from 'vitest';
import { cellRuns, histogramLayout, type HistogramLayout } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { quantileProbabilities } from '../../src/evaluate/quantiles.js';
import { nextUp } from '../../src/math/next-double.js';
import { createStream } from '../../src/simulate/random/create-stream.js';
import { pilotColumn, type PilotKind } from '../helpers/pilot-columns.js';

/** The per-cell rule: each cell's region (edges ≤ its start) and whether it lies wholly inside it. */
function cellsOneByOne(edges: Float64Array, origin: number, scale: number, cells: number): { region: number[]; inside: boolean[] } {
  const region: number[] = [];
  const inside: boolean[] = [];
  let r = 0;
  for (let cell = 0; cell < cells; cell++) {
    const start = scale > 0 ? origin + cell / scale : origin;
    const end = scale > 0 ? origin + (cell + 1) / scale : origin;
    while (r < edges.length && start >= edges[r]) r++;
    const next = r < edges.length ? edges[r] : Number.POSITIVE_INFINITY;
    const lo = r > 0 ? edges[r - 1] : Number.NEGATIVE_INFINITY;
    region.push(r);
    inside.push(end + (end - start) < next && start - (end - start) >= lo);
  }
  return { region, inside };
}

/** cellRuns spelt out cell by cell (and each run checked to be non-empty, in order, covering all cells). */
function cellsByRuns(edges: Float64Array, origin: number, scale: number, cells: number): { region: number[]; inside: boolean[] } {
  const region: number[] = [];
  const inside: boolean[] = [];
  cellRuns(edges, origin, scale, cells, (r, from, to, isInside) => {
    expect(from).toBe(region.length);
    expect(to).toBeGreaterThan(from);
    for (let c = from; c < to; c++) {
      region.push(r);
      inside.push(isInside);
    }
  });
  expect(region.length).toBe(cells);
  return { region, inside };
}

/** The three tables as the loops made them, from the layout's regions. */
function tablesOneByOne(layout: HistogramLayout): { lookup: number[]; cellCounter: number[]; fine: number[] } {
  const { regions, edges, lookupLo, lookupScale, fineScale } = layout;
  const lookup = [0];
  const cellCounter = [regions[0].offset];
  const coarse = cellsOneByOne(edges, lookupLo, lookupScale, 1024);
  coarse.region.forEach((r, c) => {
    lookup.push(r);
    cellCounter.push(coarse.inside[c] && regions[r].kind === 'gap' ? regions[r].offset : -1);
  });
  lookup.push(regions.length - 1);
  cellCounter.push(regions[regions.length - 1].offset);
  const fine = [-1];
  if (fineScale > 0) {
    const fineCells = cellsOneByOne(edges, lookupLo, fineScale, 4096);
    fineCells.region.forEach((r, c) => fine.push(fineCells.inside[c] && layout.kind[r] === 1 ? r : -1));
  } else for (let c = 0; c < 4096; c++) fine.push(-1);
  fine.push(-1);
  // Integer atoms name every cell they touch (set after the rule, as histogramLayoutOf does).
  for (let r = 0; r < regions.length && fineScale > 0; r++) {
    if (layout.kind[r] !== 3) continue;
    const first = Math.max(0, Math.floor((regions[r].lo - lookupLo) * fineScale));
    const last = Math.min(4095, Math.floor((regions[r].hi - lookupLo) * fineScale));
    for (let cell = first; cell <= last; cell++) fine[cell + 1] = r;
  }
  return { lookup, cellCounter, fine };
}

const column = (n: number, kind: PilotKind, seed: number) => pilotColumn(n, kind, seed, 'layout-tables-test');

const kinds: PilotKind[] = ['normal', 'lognormal', 'mostly zero', 'constant', 'counts', 'eighths', 'infinite tails', 'cells of a few ulps', 'near the least subnormal', 'a wide gap'];

describe('a layout\'s tables', () => {
  for (const kind of kinds) {
    it.each([4096, 32_768])(`${kind}, pilots of %i: every entry as the per-cell rule gives it`, (m) => {
      for (const expectedCount of [100_000, 1_000_000, 10_000_000]) {
        const layout = histogramLayout(column(m, kind, m + expectedCount), quantileProbabilities, expectedCount);
        const reference = tablesOneByOne(layout);
        expect(Array.from(layout.lookup)).toEqual(reference.lookup);
        expect(Array.from(layout.cellCounter)).toEqual(reference.cellCounter);
        expect(Array.from(layout.fine)).toEqual(reference.fine);
      }
    });
  }
});

describe('cellRuns', () => {
  it('gives each cell the region and the state the per-cell rule gives, for edges of every spacing', () => {
    const stream = createStream(11, 'cell-runs');
    for (let trial = 0; trial < 300; trial++) {
      const origin = (stream.nextFloat() - 0.5) * 10 ** Math.floor(stream.nextFloat() * 30 - 10);
      const span = 10 ** (stream.nextFloat() * 20 - 12) * (1 + Math.abs(origin));
      const cells = [1, 7, 64, 1024, 4096][trial % 5];
      const scale = trial % 37 === 0 ? 0 : (cells / span) * (1 - 2 ** -50);
      // Edges: some inside the span (on cell boundaries, between them, repeated), some beyond it.
      const count = Math.floor(stream.nextFloat() * 12);
      const picked = Array.from({ length: count }, () => {
        const u = stream.nextFloat();
        if (u < 0.2) return origin + Math.floor(stream.nextFloat() * cells) / scale;
        if (u < 0.3) return nextUp(origin + Math.floor(stream.nextFloat() * cells) / scale);
        if (u < 0.35) return u < 0.32 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        return origin + (stream.nextFloat() * 1.2 - 0.1) * span;
      });
      if (count > 2 && trial % 3 === 0) picked.push(picked[0]);
      const edges = Float64Array.from(picked.filter((e) => !Number.isNaN(e)).sort((a, b) => a - b));
      expect(cellsByRuns(edges, origin, scale, cells), `trial ${trial}`).toEqual(cellsOneByOne(edges, origin, scale, cells));
    }
  });
});
