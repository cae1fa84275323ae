// Columns lent to law runtimes block by block (src/simulate/block-columns.ts): the same memory again
// after a reset, and runtimes that give the same numbers from lent columns holding another block's
// leftovers as from new, zeroed ones (every law whose runtime keeps per-draw state in them).
import { describe, expect, it } from 'vitest';
import { compoundLaw } from '../../src/laws/compound-law.js';
import { dampedTrendLaw } from '../../src/laws/damped-trend-law.js';
import { gompertzLaw } from '../../src/laws/gompertz-law.js';
import { linearLaw } from '../../src/laws/linear-law.js';
import { logisticLaw } from '../../src/laws/logistic-law.js';
import { meanRevertingLaw } from '../../src/laws/mean-reverting-law.js';
import type { Law } from '../../src/laws/law.js';
import { negativeBinomialLaw } from '../../src/laws/negative-binomial-law.js';
import { poissonLaw } from '../../src/laws/poisson-law.js';
import { blockColumns } from '../../src/simulate/block-columns.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

describe('blockColumns', () => {
  it('lends columns of the length asked, and the same memory again after reset()', () => {
    const arena = blockColumns(64);
    const first = arena.float64(64);
    const short = arena.float32(10);
    expect([first.length, short.length]).toEqual([64, 10]);
    arena.reset();
    expect(arena.float64(5).buffer).toBe(first.buffer);
    expect(arena.float32(64).buffer).toBe(short.buffer);
    expect(() => arena.int32(65)).toThrow(/65 values from an arena of 64/);
  });

  // Parameters that vary per draw (so the runtimes keep per-draw columns), with draws a
  // negative binomial skips (mean 0) and draws beyond its inversion (mean 500).
  const draws = 40;
  const column = (f: (i: number) => number) => Float64Array.from({ length: draws }, (_, i) => f(i));
  const cases: { law: Law; params: () => Record<string, Float64Array> }[] = [
    { law: compoundLaw, params: () => ({ growth: column((i) => 0.01 * i), volatility: column((i) => 0.05 + 0.001 * i), persistence: column(() => 0) }) },
    { law: negativeBinomialLaw, params: () => ({ mean: column((i) => (i % 7 === 0 ? 0 : i % 11 === 0 ? 500 : 1 + i)), dispersion: column((i) => 0.5 + (i % 5)) }) },
    { law: poissonLaw, params: () => ({ rate: column((i) => 0.5 * i) }) },
    { law: dampedTrendLaw, params: () => ({ trend: column((i) => 0.02 * i), damping: column((i) => 0.5 + 0.01 * i), volatility: column(() => 0.05) }) },
    { law: linearLaw, params: () => ({ slope: column((i) => i), volatility: column((i) => (i % 3) - 1) }) },
    { law: meanRevertingLaw, params: () => ({ initialGrowth: column((i) => 0.1 + 0.01 * i), longRunGrowth: column(() => 0.03), halfLife: column((i) => i % 4), volatility: column(() => 0.02) }) },
    { law: logisticLaw, params: () => ({ rate: column((i) => 0.1 + 0.01 * i), capacity: column((i) => 200 + i), volatility: column(() => 0.03) }) },
    { law: gompertzLaw, params: () => ({ rate: column((i) => 0.1 + 0.01 * i), capacity: column((i) => 200 + i), volatility: column(() => 0.03) }) },
  ];
  for (const { law, params } of cases) {
    it(`${law.name}: lent columns full of another block's numbers give the numbers of new ones`, () => {
      const run = (lend: boolean) => {
        const arena = blockColumns(draws);
        if (lend) {
          // Another block's leftovers: every column the arena will lend holds NaN and junk.
          for (let k = 0; k < 12; k++) {
            arena.float64(draws).fill(Number.NaN);
            arena.float32(draws).fill(7.5);
            arena.int32(draws).fill(-3);
          }
          arena.reset();
        }
        const runtime = law.start({ draws, params: params(), stream: (component) => createStream(5, 'x', component), columns: lend ? arena : undefined });
        const level = column(() => 100);
        const path: number[] = [];
        for (let step = 1; step <= 3; step++) {
          runtime.next(step, level, new Float64Array(draws));
          path.push(...level);
        }
        return path;
      };
      const fresh = run(false);
      expect(fresh.every(Number.isFinite)).toBe(true);
      expect(run(true)).toEqual(fresh);
    });
  }
});
