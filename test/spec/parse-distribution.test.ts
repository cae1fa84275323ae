import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareRangeHint, parameterUnit } from '../../src/spec/bare-range-hint.js';
import { parseDistribution } from '../../src/spec/parse-distribution.js';

const ok = (value: unknown) => {
  const result = parseDistribution(value);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.distribution;
};
const messagesOf = (value: unknown, path = ['x']) => {
  const result = parseDistribution(value, path);
  return result.ok ? [] : result.issues.map((issue) => (issue.hint ? `${issue.message} (${issue.hint})` : issue.message));
};

describe('parseDistribution', () => {
  it('reads a bare number or a percent string as a constant', () => {
    expect(ok(0.12)).toEqual({ dist: 'constant', value: 0.12 });
    expect(ok('12%')).toEqual({ dist: 'constant', value: 0.12 });
    expect(ok('-2.5%')).toEqual({ dist: 'constant', value: -0.025 });
    expect(ok('+3%')).toEqual({ dist: 'constant', value: 0.03 });
  });

  it('reads each explicit form, with percents in any numeric field', () => {
    expect(ok({ dist: 'normal', mean: '18%', sd: '4%' })).toEqual({ dist: 'normal', mean: 0.18, sd: 0.04 });
    expect(ok({ dist: 'lognormal', meanlog: 0, sdlog: 0.5 })).toEqual({ dist: 'lognormal', meanlog: 0, sdlog: 0.5 });
    expect(ok({ dist: 'uniform', min: 8000, max: 12000 })).toEqual({ dist: 'uniform', min: 8000, max: 12000 });
    expect(ok({ dist: 'triangular', min: 2.5, mode: 3.3, max: 4 })).toEqual({ dist: 'triangular', min: 2.5, mode: 3.3, max: 4 });
    expect(ok({ dist: 'pert', min: 1, mode: 1, max: 4 })).toEqual({ dist: 'pert', min: 1, mode: 1, max: 4 });
  });

  it('takes the calibrated forms as forecast explain and solve print them, and checks their spreads', () => {
    expect(ok({ dist: 'studentT', location: '13.3%', scale: 0.0424, df: 3 })).toEqual({ dist: 'studentT', location: 0.133, scale: 0.0424, df: 3 });
    expect(ok({ dist: 'scaledInvChi', scale: 0.036, df: 7 })).toEqual({ dist: 'scaledInvChi', scale: 0.036, df: 7 });
    expect(ok({ dist: 'gamma', shape: 2, rate: 0.5 })).toEqual({ dist: 'gamma', shape: 2, rate: 0.5 });
    expect(messagesOf({ dist: 'studentT', location: 0.1, scale: 0, df: 3 })).toEqual(['x.scale must be greater than 0, got 0']);
    expect(messagesOf({ dist: 'gamma', shape: 2, p5: 1, p95: 3 })[0]).toMatch(/^x/);
  });

  it('converts the p5/p95 form to the named distribution', () => {
    const normal = ok({ dist: 'normal', p5: '13%', p95: '19%' });
    expect(normal.dist).toBe('normal');
    if (normal.dist === 'normal') {
      expect(normal.mean).toBeCloseTo(0.16, 12);
      // checked in R: (0.19 - 0.13) / (2 * qnorm(0.95)) = 0.01823870495735307
      expect(normal.sd).toBeCloseTo(0.01823870495735307, 12);
    }
    const lognormal = ok({ dist: 'lognormal', p5: 1, p95: Math.E ** 2 });
    expect(lognormal).toMatchObject({ dist: 'lognormal' });
    if (lognormal.dist === 'lognormal') expect(lognormal.meanlog).toBeCloseTo(1, 12);
  });

  it('names the field, the rule and the value for each broken rule', () => {
    expect(messagesOf({ dist: 'normal', mean: 0, sd: 0 })).toEqual(['x.sd must be greater than 0, got 0']);
    expect(messagesOf({ dist: 'lognormal', meanlog: 0, sdlog: -1 })).toEqual(['x.sdlog must be greater than 0, got -1']);
    expect(messagesOf({ dist: 'uniform', min: 2, max: 2 })).toEqual(['x.max must be greater than min (2), got 2']);
    expect(messagesOf({ dist: 'pert', min: 1, mode: 0, max: 2 })).toEqual(['x.mode must lie between min (1) and max (2), got 0']);
    expect(messagesOf({ dist: 'normal', p5: '5%', p95: '5%' })).toEqual(['x.p95 must be greater than p5 (0.05), got "5%"']);
    expect(messagesOf({ dist: 'lognormal', p5: 0, p95: 5 })).toEqual(['x.p5 must be greater than 0, got 0']);
  });

  it('names the path it is given', () => {
    expect(messagesOf({ dist: 'normal', mean: 0.18, sd: -0.04 }, ['assumptions', 'aiCoreIndustry', 'growth'])).toEqual([
      'assumptions.aiCoreIndustry.growth.sd must be greater than 0, got -0.04',
    ]);
  });

  it('refuses bare ranges and says to state a distribution', () => {
    const rule = 'x must state a distribution, not a bare range';
    // The hint keeps the numbers as written: a field of unknown unit cannot tell 5 from 5%.
    const hint = '(e.g. { dist: uniform, min: 5, max: 10 } or { dist: normal, p5: 5, p95: 10 })';
    const percentHint = '(e.g. { dist: uniform, min: "5%", max: "10%" } or { dist: normal, p5: "5%", p95: "10%" })';
    expect(messagesOf('5 to 10')).toEqual([`${rule}, got "5 to 10" ${hint}`]);
    expect(messagesOf('5%-10%')).toEqual([`${rule}, got "5%-10%" ${percentHint}`]);
    expect(messagesOf([5, 10])).toEqual([`${rule}, got [5,10] ${hint}`]);
  });

  it('gives the hint of a bare range in the unit of its field', () => {
    expect(bareRangeHint('5 to 10', 'rate')).toBe('e.g. { dist: uniform, min: "5%", max: "10%" } or { dist: normal, p5: "5%", p95: "10%" }');
    expect(bareRangeHint('0.05 to 0.1', 'rate')).toBe('e.g. { dist: uniform, min: 0.05, max: 0.1 } or { dist: normal, p5: 0.05, p95: 0.1 }');
    expect(bareRangeHint('5 to 10', 'count')).toBe('e.g. { dist: uniform, min: 5, max: 10 } or { dist: normal, p5: 5, p95: 10 }');
    expect(bareRangeHint(['5%', 8], 'level')).toBe('e.g. { dist: uniform, min: "5%", max: 8 } or { dist: normal, p5: "5%", p95: 8 }');
    expect(parameterUnit('growth')).toBe('rate');
    expect(parameterUnit('volatility')).toBeUndefined();
    expect(parameterUnit('volatility', 'linear')).toBe('level');
  });

  it('explains misused percent strings and quoted numbers', () => {
    expect(messagesOf('12')).toEqual(['x must be a number or a percent such as "12%", got "12" (write the number without quotes, or add "%" for a percent)']);
    expect(messagesOf('12%%')).toEqual(['x must be a number or a percent such as "12%", got "12%%" (write a percent as digits then "%", e.g. "12%" or "-2.5%")']);
    expect(messagesOf({ dist: 'normal', mean: 'ten', sd: 1 })).toEqual(['x.mean must be a number or a percent such as "12%", got "ten"']);
  });

  it('reports unknown, missing and misspelt keys with did-you-mean', () => {
    expect(messagesOf({ mean: 1, sd: 1 })).toEqual(['x.dist is required, got nothing (one of: normal, lognormal, uniform, triangular, pert, studentT, scaledInvChi, gamma)']);
    expect(messagesOf({ dist: 'nromal', mean: 1, sd: 1 })).toEqual([
      'x.dist must be one of: normal, lognormal, uniform, triangular, pert, studentT, scaledInvChi, gamma, got "nromal" (did you mean "normal"?)',
    ]);
    expect(messagesOf({ dist: 'uniform', min: 1, mx: 2 })).toEqual(['x.max is required, got nothing', 'x has an unknown key, got "mx" (did you mean "max"?)']);
    expect(messagesOf({ dist: 'normal', p5: 1, p95: 2, mode: 1.5 })).toEqual(['x has an unknown key, got "mode"']);
  });

  it('refuses values that are no distribution at all', () => {
    expect(messagesOf(true)).toEqual([
      'x must be a number, a percent such as "12%" or a distribution such as { dist: normal, mean: 0.1, sd: 0.02 }, got true',
    ]);
    expect(messagesOf(null)).toEqual([
      'x must be a number, a percent such as "12%" or a distribution such as { dist: normal, mean: 0.1, sd: 0.02 }, got null',
    ]);
  });

  it('reads "p%" as the double nearest to the decimal p/100 ("13.7%" is 0.137, never 0.13699999999999998)', () => {
    expect(parseDistribution('13.7%')).toEqual({ ok: true, distribution: { dist: 'constant', value: 0.137 } });
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (hundredths) => {
        const text = `${(hundredths / 100).toFixed(2)}%`;
        // hundredths of a percent are ten-thousandths: the exact decimal is hundredths × 10⁻⁴.
        expect(parseDistribution(text)).toEqual({ ok: true, distribution: { dist: 'constant', value: Number(`${hundredths}e-4`) } });
      }),
    );
  });
});
