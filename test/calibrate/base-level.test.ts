import { describe, expect, it } from 'vitest';
import { baseLevel } from '../../src/calibrate/base-level.js';
import { ModelError } from '../../src/errors/model-error.js';
import { calibrationInput, levels, observation } from './fixtures.js';

const base = (fields: Parameters<typeof calibrationInput>[0]) => baseLevel(calibrationInput(fields), 'compound', { positive: true });

describe('baseLevel', () => {
  it('baseLevel takes the latest exact full-year level as a constant', () => {
    const result = base({ observations: levels(2020, [100, 110, 121]) });
    expect(result.baseYear).toBe(2022);
    expect(result.base).toEqual({ dist: 'constant', value: 121 });
    expect(result.evidence).toHaveLength(1);
  });

  it('baseLevel draws an approx level within ±3% (接近3万亿元 → 29100 … 30900)', () => {
    const result = base({ observations: [observation({ year: 2023, value: 30000, qualifier: 'approx' })] });
    expect(result.base).toMatchObject({ dist: 'uniform' });
    const { min, max } = result.base as { min: number; max: number };
    expect(min).toBeCloseTo(29100, 9);
    expect(max).toBeCloseTo(30900, 9);
  });

  it('baseLevel draws an estimate within ±10% (预计4500亿元 → 4050 … 4950) until an outturn replaces it', () => {
    const estimate = observation({ year: 2025, value: 4500, qualifier: 'approx', kind: 'estimate' });
    const result = base({ observations: [observation({ year: 2024, value: 3500, qualifier: 'approx' }), estimate] });
    expect(result.baseYear).toBe(2025);
    const { min, max } = result.base as { min: number; max: number };
    expect(min).toBeCloseTo(4050, 9);
    expect(max).toBeCloseTo(4950, 9);
    expect(result.notes[0]).toBe('base level an estimate (approx) 4500, no outturn yet: drawn uniformly within ±10%');
    expect(base({ observations: [estimate, observation({ year: 2025, value: 4380 })] }).base).toEqual({ dist: 'constant', value: 4380 });
  });

  it('baseLevel keeps a lower bound a bound: 超过2500 → uniform [2500, 2750]', () => {
    const result = base({ observations: [observation({ year: 2023, value: 2500, qualifier: 'atLeast' })] });
    expect(result.base).toEqual({ dist: 'uniform', min: 2500, max: 2750 });
    expect(result.notes.join('\n')).toContain('a bound stays a bound');
  });

  it('baseLevel keeps an upper bound a bound: 不到1000 → uniform [900, 1000]', () => {
    const result = base({ observations: [observation({ year: 2023, value: 1000, qualifier: 'atMost' })] });
    expect(result.base).toEqual({ dist: 'uniform', min: 900, max: 1000 });
  });

  it('baseLevel draws between two bounds of the same year', () => {
    const result = base({
      observations: [observation({ year: 2023, value: 2500, qualifier: 'atLeast' }), observation({ year: 2023, value: 2600, qualifier: 'atMost' })],
    });
    expect(result.base).toEqual({ dist: 'uniform', min: 2500, max: 2600 });
  });

  it('baseLevel prefers a later bound to an earlier exact point, and a point to a bound in the same year', () => {
    expect(base({ observations: [observation({ year: 2021, value: 2000 }), observation({ year: 2023, value: 2500, qualifier: 'atLeast' })] }).baseYear).toBe(2023);
    expect(base({ observations: [observation({ year: 2023, value: 2600 }), observation({ year: 2023, value: 2500, qualifier: 'atLeast' })] }).base).toEqual({
      dist: 'constant',
      value: 2600,
    });
  });

  it('baseLevel ignores partial-year levels and stocks dated before December', () => {
    const result = base({
      observations: [
        observation({ year: 2022, value: 100 }),
        observation({ year: 2023, period: 'M1-M10', value: 90 }),
        observation({ year: 2023, period: '2023-06', value: 95 }),
      ],
    });
    expect(result.baseYear).toBe(2022);
  });

  it('baseLevel reads a December stock as the year-end level', () => {
    expect(base({ observations: [observation({ year: 2023, period: '2023-12-31', value: 6 })] })).toMatchObject({
      baseYear: 2023,
      base: { dist: 'constant', value: 6 },
    });
  });

  it('baseLevel respects toYear', () => {
    expect(base({ observations: levels(2020, [100, 110, 121]), toYear: 2021 }).base).toEqual({ dist: 'constant', value: 110 });
  });

  it('baseLevel uses the model start when the model states one', () => {
    const start = { year: 2023, value: { dist: 'uniform', min: 6000, max: 12000 } as const };
    expect(base({ start })).toMatchObject({ baseYear: 2023, base: start.value });
  });

  it('baseLevel never takes a level from a growthEvidence series', () => {
    expect(() => base({ growthEvidence: levels(2020, [100, 110]) })).toThrow(ModelError);
  });

  it('baseLevel without a level or a start throws a ModelError naming the variable', () => {
    expect(() => base({})).toThrow(/^x \(law compound\): the base level must come from a full-year level/);
  });

  it('baseLevel refuses a non-positive level for a law on the log scale', () => {
    expect(() => base({ observations: levels(2020, [0]) })).toThrow(/must be positive/);
    expect(baseLevel(calibrationInput({ observations: levels(2020, [0]) }), 'poisson', { positive: false }).base).toEqual({ dist: 'constant', value: 0 });
  });
});
