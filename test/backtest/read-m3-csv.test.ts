import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';

describe('readM3Csv', () => {
  it('readM3Csv groups rows into train and test parts', () => {
    const text = 'series_id,category,split,t,value\nN1,micro,train,2,6\nN1,micro,train,1,5\nN1,micro,test,1,7\n';
    expect(readM3Csv(text)).toEqual([{ id: 'N1', category: 'micro', train: [5, 6], test: [7] }]);
  });

  it('readM3Csv reads the ten-series fixture: 6 test values each', () => {
    const series = readM3Csv(readFileSync(new URL('../fixtures/m3/m3-yearly-sample.csv', import.meta.url), 'utf8'));
    expect(series.map((s) => s.id)).toEqual(['N0001', 'N0050', 'N0100', 'N0200', 'N0300', 'N0400', 'N0450', 'N0500', 'N0600', 'N0645']);
    for (const s of series) expect(s.test).toHaveLength(6);
    expect(series[0].train.slice(0, 2)).toEqual([940.66, 1084.86]);
  });

  it('readM3Csv names the line of a bad value, split or gap', () => {
    expect(() => readM3Csv('series_id,category,split,t,value\nN1,micro,train,1,abc\n')).toThrow('m3 csv line 2: value must be a number, got "abc"');
    expect(() => readM3Csv('series_id,category,split,t,value\nN1,micro,valid,1,3\n')).toThrow('m3 csv line 2: split must be one of: train, test, got "valid"');
    expect(() => readM3Csv('series_id,category,split,t,value\nN1,micro,train,2,3\n')).toThrow('m3 csv series N1: train t = 1 is missing');
  });
});
