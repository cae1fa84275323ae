import { describe, expect, it } from 'vitest';
import { percentToFraction } from '../../src/data/percent-to-fraction.js';
import { convertUnit, isKnownUnit, unitFactor, unitNames } from '../../src/data/units.js';

describe('units', () => {
  it('convertUnit(2.2, "万亿元", "亿元") gives 22000 exactly (万亿元 = 10,000 亿元)', () => {
    expect(convertUnit(2.2, '万亿元', '亿元')).toBe(22000);
    expect(convertUnit(4.313, '万亿元', '亿元')).toBe(43130);
    expect(convertUnit(4.8, '万亿元', '亿元')).toBe(48000);
  });

  it('converts persons from 万人 and back down from 亿元 to 万亿元', () => {
    expect(convertUnit(4, '万人', 'persons')).toBe(40000);
    expect(convertUnit(199.7, '万人', 'persons')).toBeCloseTo(1997000, 6);
    expect(convertUnit(30000, '亿元', '万亿元')).toBe(3);
    expect(convertUnit(12345, '万元', '亿元')).toBeCloseTo(1.2345, 12);
  });

  it('counts in 万 (610万套 → 6,100,000) and keeps the two densities apart', () => {
    expect(convertUnit(610, '万', 'count')).toBe(6_100_000);
    expect(convertUnit(3.7, '万', 'count')).toBe(37_000);
    expect(unitFactor('万', 'persons')).toBeUndefined();
    expect(unitFactor('per10kPersons', 'per10kWorkers')).toBeUndefined();
    expect(unitFactor('per10kPersons', 'per10kPersons')).toBe(1);
  });

  it('unitFactor is undefined between units that measure different things', () => {
    expect(unitFactor('亿元', '亿美元')).toBeUndefined();
    expect(unitFactor('count', 'persons')).toBeUndefined();
    expect(unitFactor('percent', 'rate')).toBeUndefined();
    expect(unitFactor('亿元', 'nonsense')).toBeUndefined();
    expect(() => convertUnit(1, '亿元', 'count')).toThrow('convertUnit: 亿元 does not convert to count');
  });

  it('knows every unit of the table and nothing else', () => {
    for (const unit of unitNames) expect(isKnownUnit(unit)).toBe(true);
    expect(isKnownUnit('亿圆')).toBe(false);
    expect(isKnownUnit('toString')).toBe(false);
  });
});

describe('percentToFraction(text)', () => {
  it('gives the double nearest the decimal fraction', () => {
    expect(percentToFraction('13.7')).toBe(0.137);
    expect(13.7 / 100).not.toBe(0.137); // why the helper exists
    expect(percentToFraction('-26')).toBe(-0.26);
    expect(percentToFraction('5600')).toBe(56);
    expect(percentToFraction('1e1')).toBe(0.1);
  });
});
