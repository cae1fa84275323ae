import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertTargetUnit } from '../../src/data/convert-target-unit.js';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { observationsOf } from '../../src/data/observations-of.js';
import { requiredGrowth } from '../../src/data/required-growth.js';
import { targetNeeds } from '../../src/data/target-needs.js';
import { targetTensions } from '../../src/data/target-tensions.js';
import type { Observation, Target } from '../../src/data/types.js';
import { InputError } from '../../src/errors/input-error.js';
import { projectRoot } from '../helpers/project.js';

const data = loadDataSet(join(projectRoot, 'data'), 'data');
const target = (id: string) => data.targets.find((t) => t.id === id)!;
const needOf = (id: string) => targetNeeds(target(id), observationsOf(data, target(id).series!));

describe('requiredGrowth(latest, threshold, years)', () => {
  it('is (threshold / latest)^(1 / years) − 1', () => {
    expect(requiredGrowth(64, 100, 2)).toBe(0.25);
    // hand-worked: (3000 / 2500)^(1/2) − 1 = √1.2 − 1 = 0.0954451150103322
    expect(requiredGrowth(2500, 3000, 2)).toBeCloseTo(0.0954451150103322, 14);
    // (48000 / 30000)^(1/4) − 1 = 1.6^0.25 − 1 = 0.1246826503807...
    expect(requiredGrowth(30000, 48000, 4)).toBeCloseTo(0.12468265038069815, 14);
  });

  it('is NaN when an input is out of range', () => {
    expect(requiredGrowth(0, 100, 2)).toBeNaN();
    expect(requiredGrowth(100, -1, 2)).toBeNaN();
    expect(requiredGrowth(100, 121, 0)).toBeNaN();
  });
});

describe('targetNeeds(target, observations)', () => {
  it('measures 3000亿元 by 2025 from the 2023 lower bound 2500亿元: at most 9.5% a year', () => {
    const need = needOf('bj-ai-core-2025');
    expect(need.latest).toMatchObject({ year: 2023, value: 2500, qualifier: 'atLeast' });
    expect(need.years).toBe(2);
    expect(need.requiredCagr).toBeCloseTo(Math.sqrt(1.2) - 1, 14);
  });

  it('converts 4.8万亿元 to the series unit before measuring from 2023 (≈ 3万亿元)', () => {
    const need = needOf('bj-infosoft-revenue-2027');
    expect(need.threshold).toBe(48000);
    expect(need.thresholdUnit).toBe('亿元');
    expect(need.latest).toMatchObject({ year: 2023, value: 30000, qualifier: 'approx' });
    expect(need.requiredCagr).toBeCloseTo(Math.pow(1.6, 0.25) - 1, 14);
  });

  it('counts a cumulative flow since the base year: 6 new AI unicorns in 2023 meet the commitment of 5 (the aspiration of 10 is no ceiling)', () => {
    const need = needOf('bj-ai-unicorns-2025');
    expect(need).toMatchObject({ counted: 6, years: 2, metOnRecord: true });
    expect(need.room).toBeUndefined();
    expect(need.requiredPerYear).toBe(-0.5);
  });

  it('says a past target was met on record (十三五: 1万亿元 passed in 2018)', () => {
    expect(needOf('bj-swinfo-revenue-2020')).toMatchObject({ metOnRecord: true, latest: { year: 2018, qualifier: 'atLeast' } });
    expect(needOf('bj-infosoft-va-share-2020')).toMatchObject({ metOnRecord: true, latest: { year: 2017, value: 11.3 } });
  });

  it('gives a growth target its floor and a series without data no latest level', () => {
    expect(needOf('bj-ai-core-growth-2023-2025').requiredCagr).toBe(0.1);
    expect(needOf('bj-ai-radiating-2025').latest).toBeUndefined();
  });
});

describe('targetTensions(needs)', () => {
  it('finds that 10% a year from 2023 asks more than 3000亿元 by 2025 does (growth binds)', () => {
    const tensions = targetTensions(data.targets.map((t) => targetNeeds(t, t.series ? observationsOf(data, t.series) : [])));
    const ai = tensions.find((t) => t.targets.includes('bj-ai-core-2025'));
    expect(ai).toMatchObject({ kind: 'growthBinds', series: 'bj.ai.core', growthFloor: 0.1, fromLowerBound: true, targets: ['bj-ai-core-2025', 'bj-ai-core-growth-2023-2025'] });
    // 2500 × 1.1² = 3025 > 3000
    expect(ai?.impliedLevel).toBeCloseTo(3025, 9);
    // 5-10 unicorns: 10 is an aspiration, not a ceiling the pace on record could breach.
    expect(tensions.find((t) => t.targets.includes('bj-ai-unicorns-2025'))).toBeUndefined();
  });

  it('says the level binds when it asks more than the growth floor, and consistent when equal', () => {
    const obs: Observation = {
      series: 's', region: 'R', unit: '亿元', period: 'FY', year: 2020, value: 100, qualifier: 'exact', status: 'reported',
      kind: 'observed', source: 'x', published: '2021-01', quote: 'q', file: 'f', line: 2,
    };
    const base = { labelZh: '', labelEn: '', region: 'R', series: 's', source: 'x', quote: 'q', file: 'f', line: 1 } as const;
    const level = (value: number): Target => ({ ...base, id: `level-${value}`, kind: 'level', year: 2022, unit: '亿元', writtenUnit: '亿元', reading: 'r', lower: { value, inclusive: true } });
    const floor: Target = { ...base, id: 'floor', kind: 'growthEachYear', fromYear: 2021, year: 2022, unit: 'rate', writtenUnit: 'rate', reading: 'r', lower: { value: 0.1, inclusive: true } };
    const kinds = (value: number) => targetTensions([targetNeeds(level(value), [obs]), targetNeeds(floor, [obs])]).map((t) => t.kind);
    expect(kinds(144)).toEqual(['levelBinds']); // needs 20% a year
    expect(kinds(110)).toEqual(['growthBinds']); // needs 4.9% a year
    expect(kinds(121)).toEqual(['consistent']); // needs exactly 10%
  });
});

describe('convertTargetUnit(target, unit)', () => {
  it('turns 4.8万亿元 into 48000亿元 and leaves rate targets alone', () => {
    const converted = convertTargetUnit(target('bj-infosoft-revenue-2027'), '亿元');
    expect(converted).toMatchObject({ unit: '亿元', lower: { value: 48000, inclusive: true } });
    expect(convertTargetUnit(target('bj-ai-core-growth-2023-2025'), '亿元')).toBe(target('bj-ai-core-growth-2023-2025'));
    expect(convertTargetUnit(target('bj-ai-radiating-2025'), '亿元').lower).toEqual({ value: 10000, inclusive: false });
  });

  it('throws an InputError at the target when the units do not convert', () => {
    try {
      convertTargetUnit(target('bj-ai-core-2025'), 'count');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems[0]).toMatchObject({
        file: 'data/targets.yaml',
        line: target('bj-ai-core-2025').line,
        message: 'bj-ai-core-2025.unit must be convertible to "count" (the unit of variable aiCoreIndustry), got "亿元"',
      });
    }
  });
});
