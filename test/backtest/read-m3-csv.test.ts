import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readM3Csv } from '../../src/backtest/read-m3-csv.js';
import { InputError } from '../../src/errors/input-error.js';

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

  it('readM3Csv reports every bad row with file, line, column, rule and value', () => {
    const problems = (text: string) => {
      try {
        readM3Csv(text, 'c.csv');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message.split('\n');
      }
      throw new Error('expected an InputError');
    };
    const header = 'series_id,category,split,t,value\n';
    expect(problems(`${header}N1,micro,train,1,abc\nN1,micro,valid,1,3\nN1,micro,train,0,3\n`)).toEqual([
      'c.csv:2  error  value must be a finite number, got "abc"',
      'c.csv:3  error  split must be one of: train, test, got "valid"',
      'c.csv:4  error  t must be a positive whole number, got "0"',
    ]);
    expect(problems(`${header}N2,micro,test,1,3\n`)).toEqual(['c.csv:2  error  series N2 must have at least one train row, got "test rows only"']);
    expect(problems(`${header}N1,micro,train,2,3\n`)).toEqual(['c.csv:2  error  t of series N1 (train) must run 1, 2, 3, … without a gap, got "no row for t = 1"']);
    expect(problems(`${header}N1,micro,train,1,3\nN1,micro,train,1,4\n`)).toEqual(['c.csv:3  error  t must be given once per series and split (series N1, train), got "1"']);
    expect(problems('id,value\nN1,3\n')).toEqual(['c.csv:1  error  the header must name the columns series_id, category, split, t and value, got "id,value"']);
  });
});
