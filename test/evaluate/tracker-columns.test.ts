// Target kinds keep their per-draw state of a block in columns lent by the tracker (the same arena as
// the law runtimes': src/simulate/block-columns.ts): from lent columns that hold another block's
// leftovers they judge exactly what they judge from new, zeroed ones — every kind that keeps state.
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/data/types.js';
import { targetKind } from '../../src/evaluate/target-kinds/registry.js';
import { newColumns } from '../../src/laws/law.js';
import type { PreparedVariable } from '../../src/model/prepared-model.js';
import { blockColumns } from '../../src/simulate/block-columns.js';
import type { YearColumns } from '../../src/simulate/simulate.js';

const draws = 50;
const baseYear = 2023;
const horizon = 2027;
const variable = { spec: { name: 'x', unit: '亿元', region: 'Beijing' }, params: {}, origins: {}, baseYear, firstYear: baseYear + 1 } as unknown as PreparedVariable;
const base = Float64Array.from({ length: draws }, (_, i) => 2400 + 10 * i);
const level = (year: number) => Float64Array.from(base, (v, i) => v * Math.pow(1 + 0.01 * ((i * (year - 2020)) % 17) - 0.03, year - baseYear));

function target(fields: Partial<Target>): Target {
  return { id: 't', labelZh: '', labelEn: '', region: 'Beijing', variable: 'x', kind: 'level', year: 2026, unit: '亿元', writtenUnit: '亿元', source: 's', quote: 'q', reading: 'r', file: 'f', line: 1, ...fields };
}

const cases: Record<string, Target> = {
  'level (with its growth factor)': target({ lower: { value: 3000, inclusive: true } }),
  growthEachYear: target({ kind: 'growthEachYear', fromYear: 2024, year: 2026, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.05, inclusive: true } }),
  cagr: target({ kind: 'cagr', fromYear: 2024, year: 2027, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.08, inclusive: true } }),
  'cagr (window after the base year)': target({ kind: 'cagr', fromYear: 2026, year: 2027, unit: 'rate', writtenUnit: 'rate', lower: { value: 0.08, inclusive: true } }),
  cumulative: target({ kind: 'cumulative', baseYear: 2023, year: 2026, lower: { value: 9000, inclusive: true } }),
};

describe('target kinds on lent columns', () => {
  for (const [name, judged] of Object.entries(cases)) {
    it(`${name}: lent columns full of another block's numbers judge as new ones do`, () => {
      const run = (lend: boolean) => {
        const arena = blockColumns(draws);
        if (lend) {
          for (let k = 0; k < 8; k++) arena.float64(draws).fill(Number.NaN);
          arena.reset();
        }
        const block = targetKind(judged.kind).track(judged, variable, []).startBlock(new Map([['x', base]]), draws, lend ? arena : newColumns);
        const seen: number[] = [];
        let previous = base;
        for (let year = baseYear + 1; year <= horizon; year++) {
          const current = level(year);
          const before = previous;
          const columns: YearColumns = { year, block: { index: 0, offset: 0, count: draws }, current: (v) => (v === 'x' ? current : undefined), previous: (v) => (v === 'x' ? before : undefined) };
          const values = block.observe(columns);
          if (values) seen.push(...values.subarray(0, draws));
          const factor = block.ownGrowthFactor?.();
          if (factor) seen.push(...factor.subarray(0, draws));
          previous = current;
        }
        return seen;
      };
      const fresh = run(false);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every(Number.isFinite)).toBe(true);
      expect(run(true)).toEqual(fresh);
    });
  }
});
