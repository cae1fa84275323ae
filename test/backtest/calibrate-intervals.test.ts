import { describe, expect, it } from 'vitest';
import { calibratedQuantile, calibrateIntervals } from '../../src/backtest/calibrate-intervals.js';
import { calibratedForecast } from '../../src/backtest/calibrated-forecast.js';
import { logChangeScale } from '../../src/forecast/log-change-scale.js';

describe('calibrateIntervals', () => {
  it('stores absolute standardised log errors |ln(y/ŷ)|/s sorted by horizon', () => {
    const calibration = calibrateIntervals(
      [
        { horizon: 1, actual: Math.E, point: 1, scale: 1 },
        { horizon: 1, actual: 1, point: Math.E, scale: 0.5 },
        { horizon: 2, actual: 1, point: 1, scale: 1 },
      ],
      2,
    );
    expect(calibration.sortedScores[0]).toEqual([1, 2]);
    expect(calibration.sortedScores[1]).toEqual([0]);
  });

  it('a horizon without samples borrows the previous one widened by √(k/k′)', () => {
    const calibration = calibrateIntervals([{ horizon: 1, actual: Math.E, point: 1, scale: 1 }], 4);
    expect(calibration.sortedScores[3][0]).toBeCloseTo(2, 12);
  });

  it('calibratedQuantile(p) = sign(p − ½)·Q(|2p − 1|): symmetric, zero at the median', () => {
    const scores = [0, 1, 2, 3, 4];
    expect(calibratedQuantile(scores, 0.5)).toBe(0);
    expect(calibratedQuantile(scores, 0.9)).toBeCloseTo(3.2, 12); // Q(0.8), type 7: position 3.2
    expect(calibratedQuantile(scores, 0.1)).toBeCloseTo(-3.2, 12);
    expect(calibratedQuantile(scores, 1)).toBe(4);
    expect(calibratedQuantile(scores, 0)).toBe(-4);
  });

  it('the central interval at level L holds the hindcasts whose |z| is within Q(L), whatever their sign', () => {
    // Skewed errors: 900 of z = +0.5 and 100 of z = −3. The 80% interval is ±Q(0.8) = ±0.5.
    const samples = [
      ...Array.from({ length: 900 }, () => ({ horizon: 1, actual: 100 * Math.exp(0.5), point: 100, scale: 1 })),
      ...Array.from({ length: 100 }, () => ({ horizon: 1, actual: 100 * Math.exp(-3), point: 100, scale: 1 })),
    ];
    const forecast = calibratedForecast([100], 1, calibrateIntervals(samples, 1));
    expect(forecast.quantile(0.9)[0]).toBeCloseTo(100 * Math.exp(0.5), 9);
    expect(forecast.quantile(0.1)[0]).toBeCloseTo(100 * Math.exp(-0.5), 9);
    expect(forecast.quantile(0.5)[0]).toBe(100);
  });

  it('calibratedForecast gives nominal coverage on the data it was calibrated from', () => {
    // 1000 errors z = −4.995 … 4.995 at horizon 1; the 80% interval holds the middle 80%.
    const samples = Array.from({ length: 1000 }, (_, i) => ({ horizon: 1, actual: 100 * Math.exp((i - 499.5) / 100), point: 100, scale: 1 }));
    const forecast = calibratedForecast([100], 1, calibrateIntervals(samples, 1));
    const [lower] = forecast.quantile(0.1);
    const [upper] = forecast.quantile(0.9);
    const inside = samples.filter((s) => s.actual >= lower && s.actual <= upper).length;
    expect(inside).toBe(800);
    expect(forecast.point).toEqual([100]);
  });

  it('calibratedForecast scales the log errors by the series scale', () => {
    const calibration = { sortedScores: [[1, 1]] };
    const forecast = calibratedForecast([10], 0.1, calibration);
    expect(forecast.quantile(1)[0]).toBeCloseTo(10 * Math.exp(0.1), 12);
    expect(forecast.quantile(0)[0]).toBeCloseTo(10 * Math.exp(-0.1), 12);
  });

  it('calibrateIntervals needs horizon-1 samples', () => {
    expect(() => calibrateIntervals([], 2)).toThrow('calibrateIntervals samples must include horizon 1, got none');
  });
});

describe('logChangeScale', () => {
  it('logChangeScale([1, e, 1]) = sd(1, −1) = √2', () => {
    expect(logChangeScale([1, Math.E, 1])).toBeCloseTo(Math.SQRT2, 12);
  });

  it('a steady 10% growth has scale ln 1.1 (its mean log change: the trend is part of the error scale)', () => {
    expect(logChangeScale([100, 110, 121, 133.1])).toBeCloseTo(Math.log(1.1), 12);
  });

  it('logChangeScale = √(sd² + mean²) of the log changes; a flat series is floored at 0.001', () => {
    // log changes 0.1, 0.3: mean 0.2, sd √0.02
    const series = [1, Math.exp(0.1), Math.exp(0.4)];
    expect(logChangeScale(series)).toBeCloseTo(Math.sqrt(0.02 + 0.04), 12);
    expect(logChangeScale([5, 5, 5, 5])).toBe(1e-3);
  });
});
