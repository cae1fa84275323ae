// The one target tracker, driven block by block as the engine drives it: the same result for any
// split of the draws into blocks, and counts that match a direct per-draw computation.
import { describe, expect, it } from 'vitest';
import type { Observation, Target } from '../../src/data/types.js';
import { countAgainst, countAndMarkMet, countMet, trackTarget } from '../../src/evaluate/track-target.js';
import { nextDown, nextUp } from '../../src/math/next-double.js';
import type { PreparedVariable } from '../../src/model/prepared-model.js';
import type { YearColumns } from '../../src/simulate/simulate.js';

const draws = 1000;
const baseYear = 2023;
const horizon = 2027;

/** Deterministic paths: level_i(y) = base_i · Π growth_i,y, base in [2400, 2800], growth in [−5%, +25%]. */
function paths(): { base: Float64Array; years: Map<number, Float64Array> } {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const base = Float64Array.from({ length: draws }, () => 2400 + 400 * next());
  const years = new Map<number, Float64Array>();
  let previous = base;
  for (let year = baseYear + 1; year <= horizon; year++) {
    const column = Float64Array.from(previous, (v) => v * (0.95 + 0.3 * next()));
    years.set(year, column);
    previous = column;
  }
  return { base, years };
}

const { base, years } = paths();
const variable = { spec: { name: 'x', unit: '亿元', region: 'Beijing' }, params: {}, origins: {}, baseYear, firstYear: baseYear + 1 } as unknown as PreparedVariable;

/** Drives a tracker over the draws split into blocks of the given sizes, simulated in `order` (default: in turn). */
function run(target: Target, sizes: readonly number[], observations: readonly Observation[] = [], keepDraws = false, order?: readonly number[]) {
  const tracker = trackTarget({ target, variable, observations, draws, keepDraws });
  const blocks = sizes.map((count, index) => ({ index, count, offset: sizes.slice(0, index).reduce((a, b) => a + b, 0) }));
  for (const block of (order ?? blocks.map((b) => b.index)).map((k) => blocks[k])) {
    const slice = (column: Float64Array) => column.slice(block.offset, block.offset + block.count);
    tracker.beginBlock(block.count);
    tracker.observeBase(new Map([['x', slice(base)]]));
    for (let year = baseYear + 1; year <= horizon; year++) {
      const current = slice(years.get(year)!);
      const previous = slice(year === baseYear + 1 ? base : years.get(year - 1)!);
      const columns: YearColumns = { year, block, current: (name) => (name === 'x' ? current : undefined), previous: (name) => (name === 'x' ? previous : undefined) };
      tracker.observe(columns);
    }
    tracker.endBlock();
  }
  return { result: tracker.result(), outcome: tracker.outcome() };
}

function target(fields: Partial<Target>): Target {
  return { id: 't', labelZh: '', labelEn: '', region: 'Beijing', variable: 'x', kind: 'level', year: 2025, unit: '亿元', writtenUnit: '亿元', source: 's', quote: 'q', reading: 'r', file: 'f', line: 1, ...fields };
}

const targets: Record<string, Target> = {
  level: target({ lower: { value: 3000, inclusive: true }, aspiration: 3500 }),
  ceiling: target({ lower: { value: 2800, inclusive: false }, upper: { value: 3600, inclusive: true } }),
  approx: target({ approx: { value: 3200, tolerance: 0.05 }, lower: { value: 3040, inclusive: true } }),
  growth: target({ kind: 'growthEachYear', fromYear: 2024, year: 2026, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.05, inclusive: true } }),
  cagr: target({ kind: 'cagr', fromYear: 2024, year: 2027, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.08, inclusive: true } }),
  cumulative: target({ kind: 'cumulative', baseYear: 2023, year: 2026, unit: '亿元', lower: { value: 9000, inclusive: true } }),
};

describe('trackTarget driven block by block', () => {
  it.each(Object.keys(targets))('gives the same result for one block and for blocks of 300, 500 and 200 draws in any order (%s)', (name) => {
    const whole = run(targets[name], [draws]).result;
    const blocks = run(targets[name], [300, 500, 200]).result;
    expect(blocks).toEqual(whole);
    expect(run(targets[name], [300, 500, 200], [], false, [2, 0, 1]).result).toEqual(whole);
    expect(whole.probabilityMet).toBeGreaterThan(0);
    expect(whole.probabilityMet).toBeLessThan(1);
  });

  it('counts the commitment, the aspiration (never a miss) and a ceiling (a miss) draw by draw', () => {
    const y2025 = years.get(2025)!;
    const share = (test: (v: number) => boolean) => y2025.filter(test).length / draws;
    const level = run(targets.level, [draws]).result;
    expect(level.probabilityMet).toBe(share((v) => v >= 3000));
    expect(level.probabilityBelow).toBe(share((v) => v < 3000));
    expect(level.probabilityAspiration).toBe(share((v) => v >= 3500));
    expect(level.probabilityAbove).toBe(share((v) => v > 3500));
    // Exceeding the aspiration is met: P(met) + P(below) = 1.
    expect(level.probabilityMet + level.probabilityBelow).toBeCloseTo(1, 12);
    const ceiling = run(targets.ceiling, [draws]).result;
    expect(ceiling.probabilityMet).toBe(share((v) => v > 2800 && v <= 3600));
    expect(ceiling.probabilityAbove).toBe(share((v) => v > 3600));
    // 左右: met from x(1 − t); above x(1 + t) is reported, not a miss.
    const approx = run(targets.approx, [draws]).result;
    expect(approx.probabilityMet).toBe(share((v) => v >= 3040));
    expect(approx.probabilityAbove).toBe(share((v) => v > 3360));
  });

  it('judges growth every year, compound growth and a sum as their definitions say', () => {
    const growthMin = Float64Array.from({ length: draws }, (_, i) => Math.min(...[2024, 2025, 2026].map((y) => years.get(y)![i] / (y === 2024 ? base[i] : years.get(y - 1)![i]) - 1)));
    expect(run(targets.growth, [draws]).result.probabilityMet).toBe(growthMin.filter((g) => g >= 0.05).length / draws);
    const cagr = Float64Array.from({ length: draws }, (_, i) => Math.pow(years.get(2027)![i] / base[i], 1 / 4) - 1);
    expect(run(targets.cagr, [draws]).result.probabilityMet).toBe(cagr.filter((g) => g >= 0.08).length / draws);
    const sum = Float64Array.from({ length: draws }, (_, i) => years.get(2024)![i] + years.get(2025)![i] + years.get(2026)![i]);
    const cumulative = run(targets.cumulative, [draws]).result;
    expect(cumulative.probabilityMet).toBe(sum.filter((s) => s >= 9000).length / draws);
    // First passage of a sum without a ceiling: met by 2026 equals met in 2026 (a flow ≥ 0 only adds).
    expect(cumulative.firstPassage.at(-1)).toEqual({ year: 2026, probability: cumulative.probabilityMet });
  });

  it('keeps per-draw values and met flags over blocks for planners, in draw order whatever the block order', () => {
    const { result, outcome } = run(targets.level, [250, 750], [], true);
    expect(outcome!.values).toEqual(years.get(2025));
    expect(run(targets.level, [250, 500, 250], [], true, [2, 1, 0]).outcome!.values).toEqual(years.get(2025));
    expect(outcome!.met.reduce((a, b) => a + b, 0) / draws).toBe(result.probabilityMet);
    expect(run(targets.level, [draws]).outcome).toBeUndefined();
  });

  it('names the first year in which at least half the draws meet the target, and the scenario\'s own growth', () => {
    const level = run(targets.level, [draws]).result;
    const firstHalf = [2024, 2025, 2026, 2027].find((y) => years.get(y)!.filter((v) => v >= 3000).length * 2 >= draws);
    expect(level.firstYearMedianMeets).toBe(firstHalf);
    const factors = Float64Array.from({ length: draws }, (_, i) => years.get(2025)![i] / base[i]).sort();
    const median = (factors[draws / 2 - 1] + factors[draws / 2]) / 2;
    expect(level.assumedCagr).toBeCloseTo(Math.sqrt(median) - 1, 12);
  });
});

describe('the tracker\'s counting passes', () => {
  // Bounds inclusive or not, finite and infinite, against values at, next to and far from them.
  const bounds = [Number.NEGATIVE_INFINITY, -2, 0, 3, 1e300, Number.POSITIVE_INFINITY];
  const values = Float64Array.from([...bounds.flatMap((b) => [b, nextUp(b), nextDown(b)]), Number.NaN, -0, 0.5, 5, -Number.MAX_VALUE, Number.MAX_VALUE]);
  const meetsLow = (v: number, low: number, inclusive: boolean) => (inclusive ? v >= low : v > low);
  const meetsHigh = (v: number, high: number, inclusive: boolean) => (inclusive ? v <= high : v < high);
  const flags = [true, false];

  it('count what comparing each value with each bound counts (countMet, countAndMarkMet, countAgainst)', () => {
    for (const low of bounds) for (const lowInclusive of flags) for (const high of bounds) for (const highInclusive of flags) {
      let met = 0;
      let below = 0;
      let breach = 0;
      let above = 0;
      let finite = 0;
      const marks = Uint8Array.from(values, (_, i) => i % 2);
      let newly = 0;
      for (const [i, v] of values.entries()) {
        const meets = meetsLow(v, low, lowInclusive) && meetsHigh(v, high, highInclusive);
        met += meets ? 1 : 0;
        if (meets && marks[i] === 0) newly++;
        if (v === v) finite++;
        below += (lowInclusive ? v < low : v <= low) ? 1 : 0;
        breach += (highInclusive ? v > high : v >= high) ? 1 : 0;
        above += (highInclusive ? v >= high : v > high) ? 1 : 0;
      }
      const where = { low, lowInclusive, high, highInclusive };
      expect({ ...where, met: countMet(values, values.length, low, lowInclusive, high, highInclusive) }).toEqual({ ...where, met });
      const flagged = Uint8Array.from(values, (_, i) => i % 2);
      expect({ ...where, met: countAndMarkMet(values, values.length, flagged, low, lowInclusive, high, highInclusive) }).toEqual({ ...where, met });
      expect(flagged.reduce((s, f) => s + f, 0)).toBe(Uint8Array.from(values, (_, i) => i % 2).reduce((s, f) => s + f, 0) + newly);
      // The upper figure here is the high bound, "at it too" when it is inclusive; the aspiration the low bound.
      const reached = values.filter((v) => v >= low).length;
      expect({ ...where, ...countAgainst(values, values.length, low, lowInclusive, high, highInclusive, high, highInclusive, low) }).toEqual({ ...where, finite, below, breach, above, aspiration: reached });
    }
  });
});
