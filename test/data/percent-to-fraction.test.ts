// One percent parser: a scenario, a model, a target, an observation and the command line read "13.7%" alike.
import { describe, expect, it } from 'vitest';
import { percentToFraction } from '../../src/data/percent-to-fraction.js';
import { parseNumberLike } from '../../src/planner/parse-vary.js';
import { parseDistribution } from '../../src/spec/parse-distribution.js';

describe('percentToFraction(text)', () => {
  it('shifts the decimal point in the text, so the result is the double nearest to the decimal', () => {
    expect(13.7 / 100).toBe(0.13699999999999998); // what dividing gives
    expect(percentToFraction('13.7')).toBe(0.137);
    expect(percentToFraction('-26')).toBe(-0.26);
    expect(percentToFraction('0.5')).toBe(0.005);
  });

  it('is what every reader of percents uses: scenario and model files, --vary, and data rows', () => {
    for (const text of ['13.7', '17.7', '-2.5', '5600', '0.1']) {
      const expected = percentToFraction(text);
      expect(parseDistribution(`${text}%`)).toEqual({ ok: true, distribution: { dist: 'constant', value: expected } });
      expect(parseNumberLike(`${text}%`)).toBe(expected);
    }
  });
});
