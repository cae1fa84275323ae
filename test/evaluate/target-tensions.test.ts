import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOf } from '../../src/data/as-of.js';
import { convertTargetUnit } from '../../src/data/convert-target-unit.js';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { observationsOf } from '../../src/data/observations-of.js';
import { targetKind } from '../../src/evaluate/target-kinds/registry.js';
import { targetTensions, targetsOverview } from '../../src/evaluate/target-tensions.js';
import type { Observation, Target } from '../../src/data/types.js';
import { InputError } from '../../src/errors/input-error.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

// The July-2024 vintage (the earlier sheet and its one later figure, AI core 2023 "超过2500亿元" of
// 2024-07-26): the record as it stood while the 2023–2025 plan's window was still open.
const latest = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
const data = asOf(latest, '2024-07-31');
const target = (id: string) => data.targets.find((t) => t.id === id)!;
const targetNeeds = (t: Target, observations: readonly Observation[]) => targetKind(t.kind).need(t, observations.filter((o) => o.kind === 'observed'));
const needOf = (id: string) => targetNeeds(target(id), observationsOf(data, target(id).series!));
const needNow = (id: string) => targetNeeds(target(id), observationsOf(latest, target(id).series!));

describe("each kind's need(target, observations)", () => {
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
    expect(need).toMatchObject({ counted: 6, years: 2 });
    expect(need.room).toBeUndefined();
    expect(need.requiredPerYear).toBe(-0.5);
  });

  it('measures a past target from its latest level before the target year (十三五: ≥ 1万亿元 in 2018)', () => {
    expect(needOf('bj-swinfo-revenue-2020')).toMatchObject({ latest: { year: 2018, qualifier: 'atLeast' } });
    expect(needOf('bj-infosoft-va-share-2020')).toMatchObject({ latest: { year: 2017, value: 11.3 } });
  });

  it('measures from the latest vintage of the latest year on record (March 2026: 2025 信息软件业 above 3.7万亿元, AI core 2024 近3500亿元)', () => {
    // (48000 / 37000)^(1/2) − 1 = 0.13899…: at most that, since 37000 is a lower bound
    expect(needNow('bj-infosoft-revenue-2027')).toMatchObject({ latest: { year: 2025, value: 37000, qualifier: 'atLeast' }, years: 2 });
    expect(needNow('bj-infosoft-revenue-2027').requiredCagr).toBeCloseTo(Math.sqrt(48000 / 37000) - 1, 14);
    // 2024 in three vintages (突破3000 twice, then 近3500): the latest is the level of 2024
    expect(needNow('bj-ai-core-2025')).toMatchObject({ latest: { year: 2024, value: 3500, qualifier: 'approx', source: 'ref26-bjgovpt-20250815' } });
  });

  it('gives a growth target its floor and a series without data no latest level', () => {
    expect(needOf('bj-ai-core-growth-2023-2025').requiredCagr).toBe(0.1);
    expect(needOf('bj-ai-radiating-2025').latest).toBeUndefined();
  });
});

describe('targetTensions(needs)', () => {
  it('finds that 10% a year from 2023 asks more than 3000亿元 by 2025 does (growth binds)', () => {
    const { tensions } = targetsOverview(data);
    const ai = tensions.find((t) => t.targets.includes('bj-ai-core-2025'));
    expect(ai).toMatchObject({ kind: 'growthBinds', quantity: 'Beijing/aiCoreIndustry', growthFloor: 0.1, fromLowerBound: true, targets: ['bj-ai-core-2025', 'bj-ai-core-growth-2023-2025'] });
    // 2500 × 1.1² = 3025 > 3000
    expect(ai?.impliedLevel).toBeCloseTo(3025, 9);
    // 5-10 unicorns: 10 is an aspiration, not a ceiling the pace on record could breach.
    expect(tensions.find((t) => t.targets.includes('bj-ai-unicorns-2025'))).toBeUndefined();
  });

  it('says the level binds when it asks more than the growth floor, and consistent when equal', () => {
    const obs: Observation = {
      series: 's', region: 'R', unit: '亿元', period: 'FY', year: 2020, value: 100, qualifier: 'exact', status: 'reported',
      kind: 'observed', confidence: 'high', source: 'x', published: '2021-01', quote: 'q', file: 'f', line: 2,
    };
    const base = { labelZh: '', labelEn: '', region: 'R', series: 's', source: 'x', quote: 'q', file: 'f', line: 1 } as const;
    const level = (value: number): Target => ({ ...base, id: `level-${value}`, kind: 'level', year: 2022, unit: '亿元', writtenUnit: '亿元', reading: 'r', lower: { value, inclusive: true } });
    const floor: Target = { ...base, id: 'floor', kind: 'growthEachYear', fromYear: 2021, year: 2022, unit: 'rate', writtenUnit: 'rate', reading: 'r', lower: { value: 0.1, inclusive: true } };
    const kinds = (value: number) => targetTensions([targetNeeds(level(value), [obs]), targetNeeds(floor, [obs])]).map((t) => t.kind);
    expect(kinds(144)).toEqual(['levelBinds']); // needs 20% a year
    expect(kinds(110)).toEqual(['growthBinds']); // needs 4.9% a year
    expect(kinds(121)).toEqual(['consistent']); // needs exactly 10%
  });

  it('flags a path of level targets whose later step asks ≥ 10 points more a year, with each step\'s arithmetic', () => {
    // The sheet's example: ≈ 4500 in 2025, > 5500 in 2026, > 10000 by 2027 (one variable, two targets).
    const obs: Observation = {
      series: 'core', region: 'Beijing', unit: '亿元', period: 'FY', year: 2025, value: 4500, qualifier: 'approx', status: 'reported',
      kind: 'observed', confidence: 'high', source: 'x', published: '2026-01', quote: 'q', file: 'f', line: 2,
    };
    const base = { labelZh: '', labelEn: '', region: 'Beijing', variable: 'aiCoreIndustry', source: 'x', quote: 'q', reading: 'r', file: 'f', line: 1, kind: 'level', unit: '亿元', writtenUnit: '亿元' } as const;
    const in2026: Target = { ...base, id: 'ai-2026', series: 'ai.industry', year: 2026, lower: { value: 5500, inclusive: false }, proxy: 'narrower' };
    const in2027: Target = { ...base, id: 'core-2027', series: 'core', year: 2027, lower: { value: 10000, inclusive: false } };
    const [step] = targetTensions([targetNeeds(in2026, [obs]), targetNeeds(in2027, [obs])]);
    expect(step).toMatchObject({ kind: 'stepUp', quantity: 'Beijing/aiCoreIndustry', targets: ['ai-2026', 'core-2027'], latest: { year: 2025, value: 4500 } });
    // 5500 / 4500 − 1 = 0.2222…; 10000 / 5500 − 1 = 0.8181…; (10000 / 4500)^(1/2) − 1 = 0.4907… (python3: (10000/4500)**0.5-1)
    expect(step.steps!.map((s) => s.growth)).toEqual([expect.closeTo(0.2222222222, 9), expect.closeTo(0.8181818182, 9)]);
    expect(step.averageGrowth).toBeCloseTo(0.49071198499985974, 12);
    // An even path is no tension: 4500 → 5500 → 6700 (+22%, +22%).
    const even: Target = { ...in2027, lower: { value: 6700, inclusive: false } };
    expect(targetTensions([targetNeeds(in2026, [obs]), targetNeeds(even, [obs])])).toEqual([]);
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
