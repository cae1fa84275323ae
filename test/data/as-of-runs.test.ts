// `forecast run --as-of D` runs on what was published by D, and on nothing else: the same run on a
// copy of data/ without the rows published later gives byte-identical files.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { latestDayOf } from '../../src/data/publication-date.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { freshDir, projectRoot } from '../helpers/project.js';

async function run(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** A copy of data/ whose observations.csv keeps only the rows published by `date` (all else as is). */
function dataPublishedBy(date: string): string {
  const dir = freshDir();
  for (const file of ['sources.csv', 'series.csv', 'targets.yaml']) copyFileSync(join(projectRoot, 'data', file), join(dir, file));
  const text = readFileSync(join(projectRoot, 'data', 'observations.csv'), 'utf8');
  const lines = text.trimEnd().split('\n');
  const table = parseCsv('observations.csv', text);
  const kept = new Set(table.records.filter((r) => latestDayOf(r.fields.published) <= date).map((r) => r.line));
  writeFileSync(join(dir, 'observations.csv'), [lines[0], ...lines.filter((_, i) => kept.has(i + 1))].join('\n') + '\n');
  return dir;
}

const outputs = ['projections.csv', 'targets.csv', 'first-passage.csv'];

describe('forecast run --as-of', () => {
  it.each(['2024-07-31', '2025-09-30'])('as of %s runs, and depends only on the rows published by then', async (date) => {
    const [full, trimmed] = [freshDir(), freshDir()];
    const data = dataPublishedBy(date);
    const a = await run(['run', 'scenarios/baseline.yaml', '--as-of', date, '--draws', '2000', '--quiet', '--out', full]);
    const b = await run(['run', 'scenarios/baseline.yaml', '--as-of', date, '--draws', '2000', '--quiet', '--out', trimmed, '--data', data]);
    expect([a.code, b.code, a.stderr]).toEqual([0, 0, '']);
    for (const file of outputs) expect(readFileSync(join(trimmed, file), 'utf8'), file).toBe(readFileSync(join(full, file), 'utf8'));
  });

  it('the two vintages differ where the record moved: the AI core industry starts from 2023 (> 2500) in July 2024, from 2024 (≈ 3500) in September 2025', async () => {
    const start = async (date: string) => {
      const out = freshDir();
      await run(['run', 'scenarios/baseline.yaml', '--as-of', date, '--draws', '500', '--quiet', '--out', out]);
      const rows = parseCsv('projections.csv', readFileSync(join(out, 'projections.csv'), 'utf8')).records.map((r) => r.fields);
      return rows.filter((r) => r.variable === 'aiCoreIndustry' && r.kind === 'history').map((r) => `${r.year} ${r.p50}`);
    };
    expect(await start('2024-07-31')).toEqual(['2023 2500']);
    expect(await start('2025-09-30')).toEqual(['2023 2500', '2024 3500']);
  });
});
