import { describe, expect, it } from 'vitest';
import { calibrateByLengthClass, lengthClassForecast, lengthClassTables } from '../../src/backtest/length-class-calibration.js';
import { probabilityNodes, tableQuantileAt } from '../../src/forecast/error-quantile-table.js';

/** n samples at horizon k from windows of `length` values, log errors 0.01·1 … 0.01·n, scale 0.1. */
const samples = (n: number, k: number, length: number) =>
  Array.from({ length: n }, (_, i) => ({ horizon: k, windowLength: length, actual: Math.exp(0.01 * (i + 1)), point: 1, scale: 0.1 }));

describe('calibrateByLengthClass', () => {
  it('pools |ln(y/ŷ)|/s̃ by horizon and window length class, sorted', () => {
    const calibration = calibrateByLengthClass([...samples(60, 1, 5), ...samples(60, 1, 25)], 1, 50);
    expect(calibration.sortedScores['<10'][0]).toHaveLength(60);
    expect(calibration.sortedScores['<10'][0][0]).toBeCloseTo(0.1, 12);
    expect(calibration.sortedScores['<10'][0][59]).toBeCloseTo(6, 12);
    expect(calibration.ownCounts['>=20']).toEqual([60]);
    expect(calibration.borrowed['<10']).toEqual([false]);
  });

  it('a class with fewer than minimumPool own scores at k uses all classes\' scores at k', () => {
    const calibration = calibrateByLengthClass([...samples(60, 1, 5), ...samples(10, 1, 12)], 1, 50);
    expect(calibration.borrowed['10-13']).toEqual([true]);
    expect(calibration.ownCounts['10-13']).toEqual([10]);
    expect(calibration.sortedScores['10-13'][0]).toHaveLength(70);
    expect(calibration.sortedScores['14-19'][0]).toHaveLength(70);
  });

  it('a horizon with no score borrows the nearest shorter one, widened by √(k/k′)', () => {
    const calibration = calibrateByLengthClass(samples(60, 1, 5), 4, 50);
    expect(calibration.sortedScores['<10'][3][59]).toBeCloseTo(6 * 2, 12);
  });

  it('an outcome at or below zero scores +∞ (never covered); no horizon-1 sample is an error', () => {
    const calibration = calibrateByLengthClass([{ horizon: 1, windowLength: 5, actual: -3, point: 2, scale: 1 }], 1, 1);
    expect(calibration.sortedScores['<10'][0]).toEqual([Infinity]);
    expect(() => calibrateByLengthClass(samples(5, 2, 5), 2)).toThrow('calibrateByLengthClass samples must include horizon 1, got none');
  });

  it('lengthClassForecast: ŷ·exp(±s̃·Q(L)) from the pool of the series\' class (type-7 quantiles)', () => {
    const calibration = calibrateByLengthClass([...samples(60, 1, 5), ...samples(60, 1, 25)], 1, 50);
    const forecast = lengthClassForecast([200], 0.5, calibration, 7);
    // Q(0.8) of 0.1·1 … 0.1·60 (type 7): position 47.2 → 0.1·(48 + 0.2) = 4.82
    expect(forecast.quantile(0.9)[0]).toBeCloseTo(200 * Math.exp(0.5 * 4.82), 9);
    expect(forecast.quantile(0.1)[0]).toBeCloseTo(200 * Math.exp(-0.5 * 4.82), 9);
    expect(forecast.quantile(0.5)).toEqual([200]);
    expect(() => lengthClassForecast([1, 2], 1, calibration, 7)).toThrow('lengthClassForecast point must have at most 1 horizons, got 2');
  });

  it('lengthClassTables stores q(p) = sign(p − ½)·Q(|2p − 1|) on the grid, read back by tableQuantileAt', () => {
    const calibration = calibrateByLengthClass(samples(60, 1, 5), 1, 50);
    const table = lengthClassTables(calibration)['<10'];
    const nodes = probabilityNodes(table.probabilities);
    const at = (p: number) => table.byHorizon[0][table.probabilities.indexOf(p)];
    expect(at(0.5)).toBe(0);
    expect(at(0.9)).toBeCloseTo(4.82, 9);
    expect(at(0.1)).toBeCloseTo(-4.82, 9);
    expect(tableQuantileAt(table, nodes, 1, nodes[table.probabilities.indexOf(0.9)])).toBeCloseTo(4.82, 9);
    // beyond the table's last horizon: q_H·√(k/H)
    expect(tableQuantileAt(table, nodes, 4, nodes[table.probabilities.indexOf(0.9)])).toBeCloseTo(4.82 * 2, 9);
  });
});
