import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';

async function run(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('forecast report', () => {
  const out = freshDir('report-command-');
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run(['report', 'scenarios/baseline.yaml', 'scenarios/optimistic.yaml', '--draws', '2000', '--out', out]);
  }, 120_000);

  it('writes report.html and one Vega-Lite spec per chart into <out>/charts, and says so', () => {
    // Progress lines ("simulated through …") may appear after a second; nothing else.
    expect(result.stderr.split('\n').filter((line) => line !== '' && !/simulated through/.test(line))).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote report\.html and \d+ chart specs \(charts\/\*\.vl\.json\) to /);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const charts = readdirSync(join(out, 'charts'));
    expect(charts.every((f) => f.endsWith('.vl.json'))).toBe(true);
    expect(charts).toContain('fan-info-software-revenue.vl.json');
    expect(charts).toContain('fan-ai-core-industry.vl.json');
    expect(charts.some((f) => f.startsWith('first-passage-'))).toBe(true);
  });

  it('writes specs that compile on their own (data inlined)', () => {
    for (const file of readdirSync(join(out, 'charts'))) {
      const spec = JSON.parse(readFileSync(join(out, 'charts', file), 'utf8')) as TopLevelSpec;
      expect(() => compile(spec), file).not.toThrow();
      expect(JSON.stringify(spec), file).not.toMatch(/"url"\s*:/);
    }
  });

  it('shows both scenarios and the shipped targets', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('baseline');
    expect(html).toContain('optimistic');
    expect(html).toContain('id="target-bj-ai-core-2027"');
    expect(html).toContain('北京人工智能核心产业规模');
  });

  it('adds tornado charts from a sensitivity CSV and rejects a bad one with exit code 2', async () => {
    const dir = freshDir('report-sensitivity-');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'scenario,target,input,low,high,swingProbability\nbaseline,bj-ai-core-2027,aiCoreIndustry.growth,0.2,0.9,0.7\n');
    const withTornado = await run(['report', 'scenarios/baseline.yaml', '--draws', '500', '--quiet', '--out', join(dir, 'out'), '--sensitivity', good]);
    expect(withTornado.stderr).toBe('');
    expect(withTornado.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'charts', 'tornado-bj-ai-core-2027.vl.json'))).toBe(true);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'scenario,target,input,low,high,swingProbability\nbaseline,bj-ai-core-2027,x,0.2,2,0.7\n');
    const rejected = await run(['report', 'scenarios/baseline.yaml', '--draws', '500', '--quiet', '--out', join(dir, 'bad-out'), '--sensitivity', bad]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('bad.csv:2  error  high must be a probability from 0 to 1, got 2');
    expect(existsSync(join(dir, 'bad-out'))).toBe(false);
  });
});
