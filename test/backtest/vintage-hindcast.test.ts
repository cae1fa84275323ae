// The vintage hindcast: verdicts on bounds, what each as-of date may read, and the docs' table kept equal to the command's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandVerdict } from '../../src/backtest/band-verdict.js';
import { vintageHindcast } from '../../src/backtest/vintage-hindcast.js';
import { vintageHindcastTable } from '../../src/backtest/vintage-hindcast-table.js';
import { memoryIo } from '../../src/cli/cli-io.js';
import { VINTAGE_HINDCAST_DATES } from '../../src/cli/commands/backtest.js';
import { main } from '../../src/cli/main.js';
import type { DataSet } from '../../src/data/types.js';
import type { ModelSpec } from '../../src/spec/model-spec.js';
import { levels, observation } from '../calibrate/fixtures.js';
import { freshDir, projectRoot } from '../helpers/project.js';

describe('bandVerdict', () => {
  it('judges a point against the band and a bound only when the band lies on one side of it', () => {
    expect(bandVerdict({ value: 4500, qualifier: 'approx' }, 2478, 4124)).toBe('above');
    expect(bandVerdict({ value: 3000, qualifier: 'exact' }, 2478, 4124)).toBe('inside');
    expect(bandVerdict({ value: 2000, qualifier: 'exact' }, 2478, 4124)).toBe('below');
    expect(bandVerdict({ value: 4124, qualifier: 'exact' }, 2478, 4124)).toBe('inside');
    expect(bandVerdict({ value: 5000, qualifier: 'atLeast' }, 2478, 4124)).toBe('above');
    expect(bandVerdict({ value: 3000, qualifier: 'atLeast' }, 2478, 4124)).toBe('undecided');
    expect(bandVerdict({ value: 2000, qualifier: 'atMost' }, 2478, 4124)).toBe('below');
    expect(bandVerdict({ value: 3000, qualifier: 'atMost' }, 2478, 4124)).toBe('undecided');
  });
});

describe('vintageHindcast', () => {
  const model: ModelSpec = {
    model: 'm', labelZh: '', labelEn: '', region: '', file: 'm.yaml',
    variables: [
      { name: 'x', labelZh: '', labelEn: '', unit: '亿元', region: '', law: 'compound', series: 's', growthSeries: [], params: {}, location: { file: 'm.yaml', line: 1, col: 1 } },
      { name: 'y', labelZh: '', labelEn: '', unit: '亿元', region: '', law: 'compound', series: 't', growthSeries: [], params: {}, start: { year: 2020, value: { dist: 'constant', value: 50 } }, location: { file: 'm.yaml', line: 2, col: 1 } },
    ],
  };
  // x: levels 100·1.1^t 2015–2021, each published the February after its year; 2022 only as an estimate, then a bound for 2023.
  const data: DataSet = {
    observations: [
      ...levels(2015, Array.from({ length: 7 }, (_, t) => 100 * 1.1 ** t)).map((o) => ({ ...o, published: `${o.year + 1}-02` })),
      observation({ year: 2022, value: 180, kind: 'estimate', published: '2023-01' }),
      observation({ year: 2023, value: 1000, qualifier: 'atLeast', published: '2024-02' }),
    ],
    series: [],
    sources: [],
    targets: [],
  };
  const result = vintageHindcast(model, data, { asOf: ['2020-07-31', '2021-07-31'], horizon: 3, draws: 2000, seed: 1 });

  it('starts each forecast from the latest level published by its date and scores the years to its year + H − 1 on today\'s record', () => {
    const first = result.rows.filter((row) => row.asOf === '2020-07-31');
    expect(first.map((row) => [row.baseYear, row.year, row.horizon])).toEqual([[2019, 2020, 1], [2019, 2021, 2], [2019, 2022, 3]]);
    expect(first[0].in80).toBe('inside');
    expect(first[2].outcome).toMatchObject({ value: 180, kind: 'estimate' });
    const second = result.rows.filter((row) => row.asOf === '2021-07-31');
    expect(second.map((row) => row.year)).toEqual([2021, 2022, 2023]);
    // 2023: "at least 1000" lies above any band a 10%-a-year series gives: decided although a bound.
    expect(second[2]).toMatchObject({ in80: 'above', in90: 'above' });
    expect(second[2].p95).toBeLessThan(1000);
  });

  it('never uses a start the model states today: a variable without published data is skipped with the reason', () => {
    expect(result.rows.some((row) => row.variable === 'y')).toBe(false);
    expect(result.skipped.filter((skip) => skip.variable === 'y').map((skip) => skip.asOf)).toEqual(['2020-07-31', '2021-07-31']);
  });

  it('the table marks estimates and bounds and tallies by h what each band held', () => {
    const table = vintageHindcastTable(result);
    expect(table).toContain('| x | 2021-07-31 | 2020 | 2023 | 3 | ≥ 1000 |');
    expect(table).toContain('180 (estimate)');
    expect(table).toMatch(/\| all \| 6 \| \d of 6 \| \d of 6 \| 2 of 2, 2 of 2 \|/);
  });
});

describe('docs/backtest.md §9', () => {
  it('carries the table `forecast backtest --as-of` prints on the shipped model and data', async () => {
    const docs = readFileSync(join(projectRoot, 'docs/backtest.md'), 'utf8');
    const block = /<!-- vintage-hindcast:begin -->\n([\s\S]*?)<!-- vintage-hindcast:end -->/.exec(docs)?.[1];
    expect(block, 'the block between the vintage-hindcast markers').toBeDefined();
    const io = memoryIo(projectRoot);
    expect(await main(['backtest', '--as-of', VINTAGE_HINDCAST_DATES.join(','), '--out', freshDir()], io)).toBe(0);
    expect(block).toBe(io.out.join('').replace(/^wrote .*\n/m, ''));
  }, 60_000);

  it('refuses an as-of date that is not one (exit 2, the value named), before any work', async () => {
    const io = memoryIo(projectRoot);
    expect(await main(['backtest', '--as-of', '2024-07-31,mid-2024', '--out', freshDir()], io)).toBe(2);
    expect(io.err.join('')).toContain('--as-of must be dates YYYY-MM-DD or YYYY-MM, got "mid-2024"');
  });
});
