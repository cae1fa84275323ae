import { describe, expect, it } from 'vitest';
import { collectGrowthEvidence } from '../../src/calibrate/growth-evidence.js';
import { ModelError } from '../../src/errors/model-error.js';
import { calibrationInput, levels, observation } from './fixtures.js';

const collect = (fields: Parameters<typeof calibrationInput>[0]) => collectGrowthEvidence(calibrationInput(fields), 'compound');

describe('collectGrowthEvidence', () => {
  it('collectGrowthEvidence(levels 100, 110, 121) gives two yearly samples of exactly ln 1.1, weight 1', () => {
    // By hand: ln(110/100) = ln(121/110) = ln 1.1 = 0.09531017980432493 (Math.log(1.1)).
    const { samples, evidence } = collect({ observations: levels(2020, [100, 110, 121]) });
    expect(samples.map((s) => [s.year, s.years, s.weight, s.kind])).toEqual([
      [2021, 1, 1, 'levels'],
      [2022, 1, 1, 'levels'],
    ]);
    for (const sample of samples) expect(sample.value).toBeCloseTo(Math.log(1.1), 15);
    expect(evidence).toHaveLength(2);
  });

  it('collectGrowthEvidence turns levels k years apart into one average growth of weight k', () => {
    // 100 → 200 over 8 years: ln 2 / 8 = 0.08664339756999316 a year, worth 8 years for the mean.
    const { samples } = collect({ observations: [observation({ year: 2015, value: 100 }), observation({ year: 2023, value: 200 })] });
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({ year: 2023, years: 8, weight: 8, kind: 'levels' });
    expect(samples[0].value).toBeCloseTo(Math.LN2 / 8, 15);
  });

  it('collectGrowthEvidence prefers a reported full-year yoy to the level ratio of the same year, and says so', () => {
    const { samples, notes } = collect({
      observations: [observation({ year: 2022, value: 100 }), observation({ year: 2023, value: 120, yoy: 0.1 })],
    });
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({ year: 2023, kind: 'yoy', weight: 1 });
    expect(samples[0].value).toBeCloseTo(Math.log1p(0.1), 15);
    expect(notes.join('\n')).toContain('level ratio 2022→2023 not used: the reported yoy of 2023 is preferred');
  });

  it('collectGrowthEvidence weights a partial-year yoy by months / 12 and never scales its level', () => {
    const { samples, notes } = collect({ observations: [observation({ year: 2024, period: 'M1-M10', value: 25000, yoy: 0.177 })] });
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({ year: 2024, kind: 'partialYoy' });
    expect(samples[0].weight).toBeCloseTo(10 / 12, 15);
    expect(samples[0].value).toBeCloseTo(Math.log1p(0.177), 15);
    expect(notes.join('\n')).toContain('partial years are never scaled by months');
  });

  it('collectGrowthEvidence keeps only the longest partial period of a year', () => {
    const { samples, notes } = collect({
      observations: [
        observation({ year: 2024, period: 'Q1', yoy: 0.3 }),
        observation({ year: 2024, period: 'H1', yoy: 0.2 }),
        observation({ year: 2024, period: 'Q1-Q3', yoy: 0.15 }),
      ],
    });
    expect(samples).toHaveLength(1);
    expect(samples[0].weight).toBeCloseTo(0.75, 15);
    expect(samples[0].value).toBeCloseTo(Math.log1p(0.15), 15);
    expect(notes.filter((n) => n.includes('the longer period Q1-Q3 is kept'))).toHaveLength(2);
  });

  it('collectGrowthEvidence drops partial-year yoy when the full year is known', () => {
    const { samples, notes } = collect({
      observations: [observation({ year: 2023, yoy: 0.12 }), observation({ year: 2023, period: 'H1', yoy: 0.2 })],
    });
    expect(samples.map((s) => s.kind)).toEqual(['yoy']);
    expect(notes.join('\n')).toContain('2023 H1 yoy not used: full-year growth of 2023 is known');
  });

  it('collectGrowthEvidence treats atLeast and atMost levels as censored samples, never as points', () => {
    // 2021 exactly 100, 2022 ≥ 150, 2023 ≤ 130: g(2022) ≥ ln 1.5; g(2023) ≤ ln(130/150) (the 2022 level is at least 150).
    const { samples, censored, censoredEvidence, notes } = collect({
      observations: [
        observation({ year: 2021, value: 100 }),
        observation({ year: 2022, value: 150, qualifier: 'atLeast' }),
        observation({ year: 2023, value: 130, qualifier: 'atMost' }),
      ],
    });
    expect(samples).toEqual([]);
    expect(notes.filter((n) => n.includes('treated as censored'))).toHaveLength(2);
    expect(censored.map((c) => [c.year, c.years, c.lower, c.upper, c.weight, c.kind])).toEqual([
      [2022, 1, Math.log(1.5), Infinity, 1, 'levels'],
      [2023, 1, -Infinity, Math.log(130 / 150), 1, 'levels'],
    ]);
    expect(censoredEvidence.map((e) => e.description)).toEqual([
      'growth ≥ 0.4055 log points a year (censored) from FY levels 2021→2022 (exact 100 → atLeast 150, s)',
      'growth ≤ -0.1431 log points a year (censored) from FY levels 2022→2023 (atLeast 150 → atMost 130, s)',
    ]);
  });

  it('collectGrowthEvidence widens a censored limit by the band of an approx or estimated end, and says nothing for two bounds on one side', () => {
    // Beijing's AI core industry: 2023 "超过2500亿", 2024 "近3500亿" (±3%), 2025 "预计4500亿" (an estimate, ±10%); China's 2024 "超过9000亿", 2025 "超过1.2万亿".
    const { censored, notes } = collect({
      observations: [
        observation({ year: 2023, value: 2500, qualifier: 'atLeast' }),
        observation({ year: 2024, value: 3500, qualifier: 'approx' }),
        observation({ year: 2025, value: 4500, qualifier: 'approx', kind: 'estimate' }),
        observation({ series: 'n', year: 2024, value: 9000, qualifier: 'atLeast' }),
        observation({ series: 'n', year: 2025, value: 12000, qualifier: 'atLeast' }),
      ],
    });
    expect(censored).toHaveLength(1);
    expect(censored[0]).toMatchObject({ series: 's', year: 2024, lower: -Infinity, weight: 1 });
    expect(censored[0].upper).toBeCloseTo(Math.log((3500 * 1.03) / 2500), 15);
    expect(notes).toContain('growth from FY levels 2024→2025 (atLeast 9000 → atLeast 12000, n) not bounded: two bounds on the same side say nothing about the growth between them');
  });

  it('collectGrowthEvidence treats a bounded growth without a level (增长超过10%) as a censored sample', () => {
    const { samples, censored, notes } = collect({ observations: [observation({ year: 2023, yoy: 0.1, qualifier: 'atLeast' })] });
    expect(samples).toEqual([]);
    expect(notes.join('\n')).toContain('treated as censored');
    expect(censored).toEqual([{ series: 's', year: 2023, years: 1, lower: Math.log1p(0.1), upper: Infinity, weight: 1, kind: 'yoy', own: true }]);
  });

  it('collectGrowthEvidence drops a bound where a point speaks for its year, and bounds read across a break or a reported yoy', () => {
    // 信息软件业 2023: "两位数增长" (≥ 10%) with a January–October yoy of 17.7% on record: the point stands.
    const { censored, notes } = collect({
      observations: [
        observation({ year: 2023, yoy: 0.1, qualifier: 'atLeast' }),
        observation({ year: 2023, period: 'M1-M10', yoy: 0.177 }),
        observation({ year: 2024, value: 100 }),
        observation({ year: 2025, value: 110, qualifier: 'atLeast', basis: 2025 }),
        observation({ series: 'y', year: 2020, value: 100 }),
        observation({ series: 'y', year: 2021, value: 110, qualifier: 'atLeast', yoy: 0.12 }),
      ],
    });
    expect(censored).toEqual([]);
    expect(notes).toContain('growth ≥ 0.0953 log points (censored) from FY yoy ≥ 0.1 (s) not used: a point growth of 2023 is on record (a bound adds nothing where a point speaks)');
    expect(notes).toContain('s level ratio 2024→2025 not used: the series is on a new basis from 2025 (a break, data/series.csv), so the levels are not comparable');
    expect(notes).toContain('y level ratio 2020→2021 not used: the reported yoy of 2021 is preferred (statistical bureaus compute yoy on comparable firms)');
  });

  it('collectGrowthEvidence discounts approx levels by the variance of their ±3% band', () => {
    // τ² = 0.03²/3 = 0.0003 for one approx end of a 1-year ratio; weight 1/(1 + 0.0003/0.05²) = 1/1.12.
    const { samples } = collect({
      observations: [observation({ year: 2022, value: 100 }), observation({ year: 2023, value: 110, qualifier: 'approx' })],
    });
    expect(samples[0].weight).toBeCloseTo(1 / 1.12, 12);
  });

  it('collectGrowthEvidence never reads growth across a break of the series (levels on different bases)', () => {
    // Beijing GDP: 2022 41610.9 (4th census basis) | break 2023 (5th census) | 2023 47353.7, 2024 49843.1, 2025 52073.4.
    // Across the break the ratio would be +13.8% (ln 1.138 = 0.129); within it: ln(49843.1/47353.7), ln(52073.4/49843.1).
    const gdp = [
      observation({ year: 2021, value: 40269.6 }),
      observation({ year: 2022, value: 41610.9 }),
      observation({ year: 2023, value: 47353.7, basis: 2023 }),
      observation({ year: 2024, value: 49843.1, basis: 2023 }),
      observation({ year: 2025, value: 52073.4, basis: 2023 }),
    ];
    const { samples, notes } = collect({ observations: gdp });
    expect(samples.map((s) => s.year)).toEqual([2022, 2024, 2025]);
    expect(samples[1].value).toBeCloseTo(Math.log(49843.1 / 47353.7), 15);
    expect(samples.every((s) => s.value < 0.11)).toBe(true);
    expect(notes).toContain('s level ratio 2022→2023 not used: the series is on a new basis from 2023 (a break, data/series.csv), so the levels are not comparable');
  });

  it('collectGrowthEvidence counts an estimate as a point with the variance of its ±10% band', () => {
    // τ² = 0.1²/3 = 0.003333… for the estimate end; the approx end adds 0.03²/3 = 0.0003:
    // weight 1/(1 + (0.0003 + 0.0033333)/0.05²) = 1/2.4533… = 0.40761…
    const { samples } = collect({
      observations: [
        observation({ year: 2024, value: 3500, qualifier: 'approx' }),
        observation({ year: 2025, value: 4500, qualifier: 'approx', kind: 'estimate' }),
      ],
    });
    expect(samples).toHaveLength(1);
    expect(samples[0].value).toBeCloseTo(Math.log(4500 / 3500), 15);
    expect(samples[0].weight).toBeCloseTo(1 / (1 + (0.0003 + 0.01 / 3) / 0.0025), 12);
  });

  it('collectGrowthEvidence uses growthEvidence series for growth only, through their published rates', () => {
    const { samples, notes } = collect({
      observations: [observation({ year: 2023, value: 500 })],
      growthEvidence: [...levels(2020, [10, 11], { series: 'other' }), observation({ series: 'other', year: 2023, yoy: 0.2 })],
    });
    // The ratio 10 → 11 of the other series' levels is not used: scopes and firm sets drift between years.
    expect(samples.map((s) => [s.series, s.year, s.own])).toEqual([['other', 2023, false]]);
    expect(notes).toContain('other levels not compared across years: a related series informs growth only through its published rates');
  });

  it('collectGrowthEvidence respects fromYear and toYear on every observation', () => {
    const { samples } = collect({ observations: levels(2010, [100, 110, 121, 133.1, 146.41]), fromYear: 2011, toYear: 2013 });
    expect(samples.map((s) => s.year)).toEqual([2012, 2013]);
  });

  it('collectGrowthEvidence refuses a yoy of −100% and a non-positive level in a ratio, naming the variable', () => {
    expect(() => collect({ observations: [observation({ year: 2023, yoy: -1 })] })).toThrow(ModelError);
    expect(() => collect({ observations: levels(2020, [0, 10]) })).toThrow(/^x \(law compound\): level of s 2020 FY must be positive/);
  });
});
