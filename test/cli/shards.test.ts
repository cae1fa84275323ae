// Shards: `forecast run --shard k/n` then `forecast merge` gives the very files of the run on one
// machine, for 1, 2 and 7 shards, histogram and exact summaries alike; a hostile, mismatched or
// incomplete set of parts is an input error (exit 2, located), never a crash.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { shardBlocks } from '../../src/pipeline/shard-blocks.js';
import { projectRoot } from '../helpers/project.js';

let project: string;

beforeAll(() => {
  // A copy of the project, so a test can change an input between the shards and the merge.
  project = mkdtempSync(join(tmpdir(), 'shards-'));
  for (const folder of ['data', 'models', 'scenarios']) cpSync(join(projectRoot, folder), join(project, folder), { recursive: true });
});

async function forecast(args: string[]) {
  const io = memoryIo(project);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

const files = ['projections.csv', 'targets.csv', 'first-passage.csv', 'required.csv', 'record.csv', 'draws.csv'];

/** Runs every shard of n and merges them; returns the merged folder. */
async function sharded(name: string, n: number, options: string[]): Promise<string> {
  for (let k = 0; k < n; k++) {
    const result = await forecast(['run', ...options, '--shard', `${k}/${n}`, '--quiet', '--out', `${name}-part-${k}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  const merged = await forecast(['merge', ...Array.from({ length: n }, (_, k) => `${name}-part-${k}`), '--quiet', '--out', `${name}-merged`]);
  expect(merged.stderr).toBe('');
  expect(merged.code).toBe(0);
  return join(project, `${name}-merged`);
}

function expectSameFiles(actual: string, expected: string, names: readonly string[]): void {
  for (const file of names) expect(readFileSync(join(actual, file)), file).toEqual(readFileSync(join(expected, file)));
}

describe('shardBlocks', () => {
  it('gives every block to exactly one shard, in contiguous runs', () => {
    for (const count of [1, 2, 7, 40]) {
      const all = Array.from({ length: count }, (_, k) => shardBlocks(70_000, { index: k, count })).flat();
      expect(all.map((b) => b.index)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    }
  });
});

describe('forecast run --shard, forecast merge', () => {
  it('histogram summaries (70,000 draws): 1, 2 and 7 shards merge to the files of the whole run', async () => {
    const options = ['scenarios/optimistic.yaml', 'scenarios/pessimistic.yaml', '--draws', '70000', '--export-draws', '5'];
    const whole = await forecast(['run', ...options, '--quiet', '--out', 'whole-h']);
    expect(whole.code).toBe(0);
    for (const n of [1, 2, 7]) expectSameFiles(await sharded(`h${n}`, n, options), join(project, 'whole-h'), files);
  }, 240_000);

  it('exact summaries (--exact-quantiles): 2 and 7 shards merge to the files of the whole run', async () => {
    const options = ['scenarios/baseline.yaml', '--draws', '30000', '--exact-quantiles'];
    const whole = await forecast(['run', ...options, '--quiet', '--out', 'whole-e']);
    expect(whole.code).toBe(0);
    for (const n of [2, 7]) expectSameFiles(await sharded(`e${n}`, n, options), join(project, 'whole-e'), files.slice(0, 5));
  }, 240_000);

  it('sweep: 1, 2 and 7 shards (some with no variant) merge to the sweep.csv and sweep-effects.csv of the whole sweep', async () => {
    // A driver's setting varied too: the merge lays the same driver overrides over each variant.
    const options = ['sweep', 'scenarios/optimistic.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%:20%:2.5%', '--draws', '1500', '--vary', 'drivers.aiFinancing.persistence=0.2,0.8'];
    expect((await forecast([...options, '--quiet', '--out', 'sweep-whole'])).code).toBe(0);
    for (const n of [1, 2, 7]) {
      for (let k = 0; k < n; k++) expect((await forecast([...options, '--shard', `${k}/${n}`, '--quiet', '--out', `s${n}-part-${k}`])).code).toBe(0);
      const merged = await forecast(['merge', ...Array.from({ length: n }, (_, k) => `s${n}-part-${k}`), '--quiet', '--out', `s${n}-merged`]);
      expect(merged.stderr).toBe('');
      expectSameFiles(join(project, `s${n}-merged`), join(project, 'sweep-whole'), ['sweep.csv', 'sweep-effects.csv']);
    }
    // Parts of sweeps over other values are not one sweep.
    expect((await forecast([...options.slice(0, 3), 'assumptions.aiCoreIndustry.growth.mean=10%,20%', '--draws', '1500', '--shard', '1/2', '--quiet', '--out', 'other-sweep-1'])).code).toBe(0);
    const mixed = await forecast(['merge', 's2-part-0', 'other-sweep-1', '--quiet', '--out', 'mixed']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('sweep must be the same in every part of one run');
  }, 240_000);

  it('sweep --design: 2 and 7 shards merge to the whole sweep.csv and sweep-effects.csv; a design changed or a grid\'s part mixed in is refused', async () => {
    const rows = ['12%,6', '0.2,3.5', '15%,9', '8%,4', '0.1,5'];
    writeFileSync(join(project, 'design.csv'), `# five points\nassumptions.aiCoreIndustry.growth.mean,assumptions.newAiUnicorns.mean\n${rows.join('\n')}\n`);
    const options = ['sweep', 'scenarios/baseline.yaml', '--design', 'design.csv', '--draws', '1500'];
    expect((await forecast([...options, '--quiet', '--out', 'design-whole'])).code).toBe(0);
    for (const n of [2, 7]) {
      for (let k = 0; k < n; k++) expect((await forecast([...options, '--shard', `${k}/${n}`, '--quiet', '--out', `d${n}-part-${k}`])).code).toBe(0);
      const merged = await forecast(['merge', ...Array.from({ length: n }, (_, k) => `d${n}-part-${k}`), '--quiet', '--out', `d${n}-merged`]);
      expect(merged.stderr).toBe('');
      expectSameFiles(join(project, `d${n}-merged`), join(project, 'design-whole'), ['sweep.csv', 'sweep-effects.csv']);
    }
    // A part of a grid sweep is not a part of this one.
    expect((await forecast(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=12%,20%', '--draws', '1500', '--shard', '1/2', '--quiet', '--out', 'grid-part-1'])).code).toBe(0);
    const mixed = await forecast(['merge', 'd2-part-0', 'grid-part-1', '--quiet', '--out', 'mixed-design']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('sweep must be the same in every part of one run');
    // A part that names both a grid and a design, or a design that is not a path, is refused.
    const part = JSON.parse(gunzipSync(readFileSync(join(project, 'd2-part-1', 'part.json.gz'))).toString()) as { sweep: Record<string, unknown> };
    for (const [edit, message] of [
      [{ vary: ['assumptions.aiCoreIndustry.growth.mean=12%'] }, 'sweep must give either --vary values or a design file, got "both"'],
      [{ design: null }, 'sweep must give either --vary values or a design file, got "neither"'],
      [{ design: 5 }, 'sweep.design must be a text, got 5'],
    ] as const) {
      writeFileSync(join(project, 'edited-design.gz'), gzipSync(JSON.stringify({ ...part, sweep: { ...part.sweep, ...edit } })));
      const refused = await forecast(['merge', 'd2-part-0', 'edited-design.gz', '--quiet', '--out', 'edited-design']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
    // The design changed between the shards and the merge: its rows are no longer the parts' values.
    writeFileSync(join(project, 'design.csv'), `assumptions.aiCoreIndustry.growth.mean,assumptions.newAiUnicorns.mean\n${rows.join('\n')}\n`);
    const changed = await forecast(['merge', 'd2-part-0', 'd2-part-1', '--quiet', '--out', 'changed-design']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('inputs must be the files the shards read, got "design.csv" with another content (SHA-256 differs)');
  }, 240_000);

  it('refuses a shard that is not k/n, and output options that belong to merge', async () => {
    for (const shard of ['2/2', '1', 'a/b', '0/0', '1/10001']) {
      const result = await forecast(['run', '--shard', shard, '--out', 'x']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--shard must be k/n');
    }
    const report = await forecast(['run', '--shard', '0/2', '--report', '--out', 'x']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('--report must be given to forecast merge, not to a shard');
  });

  describe('refuses parts that do not make one whole run of the current inputs (exit 2, located)', () => {
    const options = ['scenarios/baseline.yaml', '--draws', '70000'];
    beforeAll(async () => {
      for (const k of [0, 1]) expect((await forecast(['run', ...options, '--shard', `${k}/2`, '--quiet', '--out', `r-part-${k}`])).code).toBe(0);
      expect((await forecast(['run', ...options, '--shard', '1/3', '--quiet', '--out', 'other-part-1'])).code).toBe(0);
    }, 120_000);

    const merge = (...parts: string[]) => forecast(['merge', ...parts, '--quiet', '--out', 'merged-bad']);
    const partFile = (k: number) => join(project, `r-part-${k}`, 'part.json.gz');
    const edited = (edit: (part: Record<string, unknown>) => void) => {
      const part = JSON.parse(gunzipSync(readFileSync(partFile(0))).toString()) as Record<string, unknown>;
      edit(part);
      writeFileSync(join(project, 'edited.gz'), gzipSync(JSON.stringify(part)));
      return 'edited.gz';
    };

    it.each([
      ['a shard missing', () => ['r-part-0'], 'parts must hold every shard 0 … 1 of the run, got none for shard 1'],
      ['a shard twice', () => ['r-part-0', 'r-part-0', 'r-part-1'], 'shard.index must name each shard once, got 0 again'],
      ['parts of another split', () => ['r-part-0', 'other-part-1'], 'shard.count must be the same in every part of one run'],
      ['random bytes', () => (writeFileSync(join(project, 'noise.gz'), Buffer.from(Array.from({ length: 999 }, (_, i) => (i * 131) % 256))), ['noise.gz', 'r-part-1']), 'got bytes that are not gzip'],
      ['gzip of a text', () => (writeFileSync(join(project, 'text.gz'), gzipSync('root:x:0:0')), ['text.gz', 'r-part-1']), 'got gzip of something that is not JSON'],
      ['another format', () => [edited((p) => (p.format = 'x')), 'r-part-1'], 'format must be "beijing-forecast-part", got "x"'],
      ['a negative count', () => [edited((p) => ((p.scenarios as { state: { trackers: { state: { counts: { met: number } } }[] } }[])[0].state.trackers[0].state.counts.met = -1)), 'r-part-1'], 'counts.met must be a whole number from 0 to 10000000, got -1'],
      ['counts of another layout', () => [edited((p) => ((p.scenarios as { state: { summaries: { quantiles: { counts: unknown } }[] } }[])[0].state.summaries[12].quantiles.counts = { i32: 'AAAAAA==' })), 'r-part-1'], 'quantiles.counts must hold'],
      ...(
        [
          ['counts as varints of another layout', Buffer.from([0x01, 0x02])],
          ['a varint cut off', Buffer.from([0x01, 0x80])],
          ['a varint beyond int32', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])],
          ['a varint of 6 bytes', Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])],
        ] as const
      ).map(([name, bytes]): [string, () => string[], string] => [
        name,
        () => [edited((p) => ((p.scenarios as { state: { summaries: { quantiles: { counts: unknown } }[] } }[])[0].state.summaries[12].quantiles.counts = { varint: bytes.toString('base64') })), 'r-part-1'],
        name === 'counts as varints of another layout'
          ? 'quantiles.counts must hold'
          : name === 'a varint cut off'
            ? 'quantiles.counts must end on the last byte of a varint'
            : 'quantiles.counts must hold varints of whole numbers from 0 to 2147483647, 5 bytes at most each',
      ]),
      ['another seed', () => [edited((p) => ((p.run as { seed: number }).seed = 7)), 'r-part-1'], 'run must be the same in every part of one run'],
    ])('%s', async (_name, parts, message) => {
      const result = await merge(...parts());
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('internal error');
    });

    it('an input changed since the shards ran', async () => {
      const path = join(project, 'scenarios', 'baseline.yaml');
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, `${original}\n# edited\n`);
      try {
        const result = await merge('r-part-0', 'r-part-1');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('scenarios/baseline.yaml  error  inputs must be the files the shards read, got "scenarios/baseline.yaml" with another content');
      } finally {
        writeFileSync(path, original);
      }
    });
  });
});
