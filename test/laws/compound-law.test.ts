import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors/model-error.js';
import { compoundBandScale } from '../../src/calibrate/compound-band-scale.js';
import { compoundLaw } from '../../src/laws/compound-law.js';
import type { Distribution } from '../../src/model/distribution.js';
import { calibrationInput, levels, observation, simulateLaw } from '../calibrate/fixtures.js';

type StudentT = Extract<Distribution, { dist: 'studentT' }>;
type ScaledInvChi = Extract<Distribution, { dist: 'scaledInvChi' }>;

/** Mean log growth m and its scale back from the calibrated growth rate (inverse of growthRateDistribution). */
function logGrowthOf(growth: Distribution): { location: number; scale: number; df: number } {
  const t = growth as StudentT;
  return { location: Math.log1p(t.location), scale: t.scale / (1 + t.location), df: t.df };
}

function history(values: Float64Array[], firstYear: number) {
  return levels(firstYear, values.map((column) => column[0]));
}

describe('compoundLaw.calibrate', () => {
  it('compoundLaw.calibrate(levels 100, 110, 121) gives growth centred on exactly 10% with the conjugate spread', () => {
    // By hand (BDA3 §3.3): samples ln 1.1 twice, SS = 0, df = 2 + 2 − 1 = 3,
    // s_post² = 2·0.05²/3 = 0.005/3, mean scale = s_post/√2; rate location exp(ln 1.1) − 1 = 0.1.
    const calibration = compoundLaw.calibrate(calibrationInput({ observations: levels(2020, [100, 110, 121]), pooledBandFloor: false }));
    const sPost = Math.sqrt(0.005 / 3);
    expect(calibration.baseYear).toBe(2022);
    expect(calibration.base).toEqual({ dist: 'constant', value: 121 });
    const growth = calibration.params.growth as StudentT;
    expect(growth.dist).toBe('studentT');
    expect(growth.location).toBeCloseTo(0.1, 14);
    expect(growth.scale).toBeCloseTo(1.1 * (sPost / Math.SQRT2), 14);
    expect(growth.df).toBe(3);
    expect(calibration.params.volatility).toEqual({ dist: 'scaledInvChi', scale: sPost, df: 3 });
    expect(calibration.params.persistence).toEqual({ dist: 'constant', value: 0 });
    expect(calibration.notes.join('\n')).toContain('default persistence = 0');
    expect(calibration.notes.join('\n')).toContain('weak prior: volatility 0.05');
    expect(calibration.evidence.map((e) => e.weight)).toEqual([1, 1, 1]);
  });

  it('compoundLaw.calibrate recovers growth 0.08 and volatility 0.03 from a 200-year path of its own simulation', () => {
    const path = simulateLaw(compoundLaw, { base: 100, params: { growth: 0.08, volatility: 0.03, persistence: 0 }, years: 200, seed: 7 });
    const calibration = compoundLaw.calibrate(calibrationInput({ observations: history(path, 1800), pooledBandFloor: false }));
    const m = logGrowthOf(calibration.params.growth);
    // Standard error of the mean of 200 yearly growths: 0.03/√200 = 0.0021; allow 3 of them.
    expect(Math.abs(m.location - Math.log(1.08))).toBeLessThan(3 * m.scale);
    expect(m.scale).toBeCloseTo(0.03 / Math.sqrt(200), 3);
    const volatility = calibration.params.volatility as ScaledInvChi;
    // Standard error of a sample sd: σ/√(2·df) ≈ 0.0015; allow 3 of them.
    expect(Math.abs(volatility.scale - 0.03)).toBeLessThan((3 * 0.03) / Math.sqrt(2 * volatility.df));
  });

  it('compoundLaw.calibrate recovers the mean growth of a persistent path (φ = 0.5) within its wider error', () => {
    const path = simulateLaw(compoundLaw, { base: 100, params: { growth: 0.05, volatility: 0.04, persistence: 0.5 }, years: 400, seed: 11 });
    const m = logGrowthOf(compoundLaw.calibrate(calibrationInput({ observations: history(path, 1600) })).params.growth);
    // Long-run variance of an AR(1) mean is inflated by (1 + φ)/(1 − φ) = 3: SE = 0.04·√3/√400 = 0.0035.
    expect(Math.abs(m.location - Math.log(1.05))).toBeLessThan(3 * 0.0035);
  });

  it('compoundLaw.calibrate gives an eight-point history visibly wider bands than a 200-point one', () => {
    const path = simulateLaw(compoundLaw, { base: 100, params: { growth: 0.08, volatility: 0.03, persistence: 0 }, years: 200, seed: 3 });
    const long = logGrowthOf(compoundLaw.calibrate(calibrationInput({ observations: history(path, 1800), pooledBandFloor: false })).params.growth);
    const short = logGrowthOf(compoundLaw.calibrate(calibrationInput({ observations: history(path.slice(-8), 1993), pooledBandFloor: false })).params.growth);
    expect(short.df).toBe(2 + 7 - 1);
    expect(short.scale).toBeGreaterThan(4 * long.scale);
    // One growth figure: the prior's volatility, df 2 (t₂ has a 90% interval of ±2.92 scales).
    const single = logGrowthOf(compoundLaw.calibrate(calibrationInput({ observations: levels(2022, [100, 112]), pooledBandFloor: false })).params.growth);
    expect(single.df).toBe(2);
    expect(single.scale).toBeCloseTo(0.05, 12);
  });

  it('compoundLaw.calibrate widens both growth scales by the stored factor of its length class, and says so', () => {
    // levels 100, 110, 121: two years of growth evidence, a series of 3 values: class '<10'.
    const input = calibrationInput({ observations: levels(2020, [100, 110, 121]) });
    const own = compoundLaw.calibrate({ ...input, pooledBandFloor: false });
    const floored = compoundLaw.calibrate(input);
    const c = compoundBandScale.byLengthClass['<10'];
    expect(c).toBeGreaterThan(1);
    const [a, b] = [own.params.growth as StudentT, floored.params.growth as StudentT];
    expect(b.location).toBe(a.location);
    expect(b.df).toBe(a.df);
    expect(b.scale).toBeCloseTo(c * a.scale, 14);
    const [va, vb] = [own.params.volatility as ScaledInvChi, floored.params.volatility as ScaledInvChi];
    expect(vb.scale).toBeCloseTo(c * va.scale, 14);
    expect(vb.df).toBe(va.df);
    expect(floored.notes.join('\n')).toContain(`2 years of growth evidence (length class <10); the growth scale and volatility ×${c.toFixed(3)}`);
    expect(own.notes.join('\n')).not.toContain('band floor');
  });

  it('compoundLaw.calibrate leaves a given volatility alone and widens only what it calibrates', () => {
    const input = calibrationInput({ observations: levels(2020, [100, 110, 121]), fixed: { volatility: { dist: 'constant', value: 0.02 } } });
    const floored = compoundLaw.calibrate(input);
    expect(floored.params.volatility).toEqual({ dist: 'constant', value: 0.02 });
    expect((floored.params.growth as StudentT).scale).toBeCloseTo(compoundBandScale.byLengthClass['<10'] * (compoundLaw.calibrate({ ...input, pooledBandFloor: false }).params.growth as StudentT).scale, 14);
  });

  it('compoundLaw.calibrate uses growth evidence from other series when the own series has only a bound', () => {
    const calibration = compoundLaw.calibrate(
      calibrationInput({
        observations: [observation({ year: 2023, value: 2500, qualifier: 'atLeast' })],
        growthEvidence: [observation({ series: 'related', year: 2022, yoy: 0.2 }), observation({ series: 'related', year: 2023, yoy: 0.3 })],
      }),
    );
    expect(calibration.base).toEqual({ dist: 'uniform', min: 2500, max: 2750 });
    expect(logGrowthOf(calibration.params.growth).location).toBeCloseTo((Math.log(1.2) + Math.log(1.3)) / 2, 14);
    expect(calibration.notes.join('\n')).toContain('treated as censored');
  });

  it('compoundLaw.calibrate passes parameters fixed by the model through unchanged', () => {
    const fixed = { growth: { dist: 'uniform', min: 0, max: 0.15 }, volatility: { dist: 'constant', value: 0.02 } } as const;
    const start = { year: 2023, value: { dist: 'uniform', min: 6000, max: 12000 } } as const;
    const calibration = compoundLaw.calibrate(calibrationInput({ fixed, start }));
    expect(calibration.params).toEqual({ ...fixed, persistence: { dist: 'constant', value: 0 } });
    expect(calibration.baseYear).toBe(2023);
    const withData = compoundLaw.calibrate(calibrationInput({ observations: levels(2020, [100, 110, 121]), fixed: { growth: fixed.growth } }));
    expect(withData.params.growth).toBe(fixed.growth);
    expect(withData.notes.join('\n')).toContain('not calibrated: growth');
  });

  it('compoundLaw.calibrate without growth evidence throws a ModelError naming the variable and the parameters', () => {
    const input = calibrationInput({ observations: levels(2023, [100]) });
    expect(() => compoundLaw.calibrate(input)).toThrow(ModelError);
    expect(() => compoundLaw.calibrate(input)).toThrow('x (law compound): growth, volatility must be calibrated on evidence');
  });
});

describe('compoundLaw.start', () => {
  it('compoundLaw with growth 0.1 and no volatility compounds exactly: 100 → 110 → 121', () => {
    const path = simulateLaw(compoundLaw, { base: 100, params: { growth: 0.1, volatility: 0, persistence: 0 }, years: 2 });
    expect(path[1][0]).toBeCloseTo(110, 10);
    expect(path[2][0]).toBeCloseTo(121, 10);
  });

  it('compoundLaw with zero growth and zero volatility stays exactly flat', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), (base, persistence) => {
        const runtime = compoundLaw.start({
          draws: 3,
          params: { growth: new Float64Array(3), volatility: new Float64Array(3), persistence: new Float64Array(3).fill(persistence) },
          stream: () => constantNormals(1),
        });
        const level = new Float64Array(3).fill(base);
        const scratch = new Float64Array(3);
        for (let step = 1; step <= 10; step++) {
          runtime.next(step, level, scratch);
          if (!level.every((v) => v === base)) return false;
        }
        return true;
      }),
    );
  });

  it('compoundLaw: higher growth never lowers any draw, so never the median (same random numbers)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (growth, extra, volatility, seed) => {
          const params = { volatility, persistence: 0.3 };
          const low = simulateLaw(compoundLaw, { base: 100, params: { ...params, growth }, years: 5, draws: 50, seed });
          const high = simulateLaw(compoundLaw, { base: 100, params: { ...params, growth: growth + extra }, years: 5, draws: 50, seed });
          return high.every((column, year) => column.every((v, i) => v >= low[year][i]));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('compoundLaw draws yearly log growth with mean ln(1 + growth), sd σ and lag-1 correlation φ', () => {
    const draws = 40000;
    const path = simulateLaw(compoundLaw, { base: 100, params: { growth: 0.1, volatility: 0.05, persistence: 0.6 }, years: 3, draws, seed: 5 });
    const g1 = path[1].map((v, i) => Math.log(v / path[0][i]));
    const g2 = path[2].map((v, i) => Math.log(v / path[1][i]));
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const m1 = mean(g1);
    const m2 = mean(g2);
    const sd1 = Math.sqrt(mean(g1.map((v) => (v - m1) ** 2)));
    const correlation = mean(g1.map((v, i) => (v - m1) * (g2[i] - m2))) / (sd1 * Math.sqrt(mean(g2.map((v) => (v - m2) ** 2))));
    // Standard errors at 40,000 draws: mean 0.05/200 = 0.00025, sd ≈ 0.00018, correlation ≈ (1 − 0.36)/200 = 0.0032.
    expect(Math.abs(m1 - Math.log(1.1))).toBeLessThan(0.001);
    expect(Math.abs(sd1 - 0.05)).toBeLessThan(0.001);
    expect(Math.abs(correlation - 0.6)).toBeLessThan(0.015);
  });

  it('compoundLaw keeps nothing of its lent parameter columns and refuses steps out of order', () => {
    const params = { growth: Float64Array.of(0.1, 0.1), volatility: new Float64Array(2), persistence: new Float64Array(2) };
    const runtime = compoundLaw.start({
      draws: 2,
      params,
      stream: () => constantNormals(0),
    });
    params.growth.fill(5); // the simulation reuses these columns for the next variable
    const level = Float64Array.of(100, 200);
    const scratch = new Float64Array(2);
    runtime.next(1, level, scratch);
    expect(level[1]).toBeCloseTo(220, 10);
    expect(() => runtime.next(3, level, scratch)).toThrow('steps must be 1, 2, 3');
    expect(() => runtime.next(1, level, scratch)).toThrow('steps must be 1, 2, 3');
  });
});

/** A stub stream whose every normal is `z` (for the plain and the fused step alike). */
function constantNormals(z: number): never {
  return {
    fillStandardNormal: (out: Float64Array) => out.fill(z),
    growByLogNormal: (level: Float64Array, mean: Float64Array, meanMask: number, scale: Float64Array, scaleMask: number) => {
      for (let k = 0; k < level.length; k++) level[k] *= Math.exp(mean[k & meanMask] + scale[k & scaleMask] * z);
    },
  } as never;
}
