// Random kills during the write phase: the output folder always holds one whole set — the old one or
// the new one, every file of it, none torn — never a mix (docs/outputs.md). The child writes
// generation after generation (test/helpers/write-generations-forever.mjs) and is killed with
// SIGKILL at a random instant; 20 kills here, KILL_TEST_KILLS=200 for the acceptance run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/project.js';

const names = ['projections.csv', 'targets.csv', 'first-passage.csv', 'charts/fan-a.vl.json', 'report.html', 'manifest.json'];
const kills = Number(process.env.KILL_TEST_KILLS ?? 20);

/** The generation every file of the set names, or a description of what is wrong with the set. */
function generationOf(out: string): number | string {
  const generations = new Set<number>();
  for (const name of names) {
    const path = join(out, name);
    if (!existsSync(path)) return `missing ${name}`;
    const text = readFileSync(path, 'utf8');
    const match = /^generation (\d+) file \d+\n/.exec(text);
    const tail = /length (\d+)\n$/.exec(text);
    if (!match || !tail || Number(tail[1]) !== text.length - tail[0].length) return `torn ${name}`;
    generations.add(Number(match[1]));
  }
  return generations.size === 1 ? [...generations][0] : `mixed generations ${[...generations].join(', ')}`;
}

/** Starts the writer at generation `start` and kills it `delay` ms after it is ready; resolves with the last generation it reported. */
function killWriterAfter(out: string, cwd: string, start: number, delay: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'test', 'helpers', 'write-generations-forever.mjs'), out, cwd, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last: number | undefined;
    let stderr = '';
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delay);
        const wrote = /^wrote (\d+)$/.exec(line);
        if (wrote) last = Number(wrote[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`writer exited by itself: ${stderr}`))));
  });
}

describe('writeOutputsAtomically under random kills', () => {
  it(`leaves a whole old or whole new set after each of ${kills} kills at random instants of the write phase`, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kill-'));
    const out = join(cwd, 'out');
    // Kill instants drawn with a fixed seed: reproducible, spread over a write cycle of a few tens of ms.
    const delays = fc.sample(fc.integer({ min: 0, max: 120 }), { numRuns: kills, seed: 20240419 });
    let next = 1;
    let before: number | undefined;
    let switched = 0;
    for (const delay of delays) {
      const lastReported = await killWriterAfter(out, cwd, next, delay);
      if (!existsSync(out)) {
        // Killed before its first set was in place: nothing visible, which is the old state.
        expect(before).toBeUndefined();
        continue;
      }
      const now = generationOf(out);
      expect(typeof now, `after a kill ${delay} ms in: ${now}`).toBe('number');
      // Old or new: the set before this child ran, or one this child wrote (at or after what it reported).
      const fromThisChild = (now as number) >= next;
      if (!fromThisChild) expect(now).toBe(before);
      if (lastReported !== undefined) expect(now as number).toBeGreaterThanOrEqual(lastReported);
      if (now !== before) switched++;
      before = now as number;
      next = Math.max(next, (lastReported ?? next) + 2);
    }
    // The kills did land while sets were being switched: most children placed a set of their own.
    console.log(`random kills: ${kills}, sets switched between kills: ${switched}, mixed or torn sets: 0`);
    expect(switched).toBeGreaterThan(kills / 3);
    // No staging folder inside the output folder, ever; killed runs' staging is beside it, and cleaned.
    expect(readdirSync(out).filter((name) => name.startsWith('.staging'))).toEqual([]);
  }, 600_000);
});

describe('forecast run under random kills', () => {
  it('leaves out/ holding one run\'s whole set (its manifest, its targets) after kills at random instants', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-run-'));
    const out = join(dir, 'out');
    const bin = join(projectRoot, 'dist', 'src', 'cli', 'bin.js');
    const delays = fc.sample(fc.integer({ min: 200, max: 1500 }), { numRuns: 4, seed: 7 });
    for (const [k, delay] of delays.entries()) {
      const draws = 1000 + k;
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, 'run', 'scenarios/baseline.yaml', '--draws', String(draws), '--quiet', '--out', out], { cwd: projectRoot, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('error', reject);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (!existsSync(out)) continue;
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: string[]; scenarios: { draws: number }[] };
      for (const name of manifest.outputs) expect(existsSync(join(out, name)), name).toBe(true);
      const targets = parse(readFileSync(join(out, 'targets.csv'), 'utf8'), { columns: true }) as { draws: string }[];
      // Every projected row of targets.csv was written by the run the manifest describes (rows the
      // record decides have no draws).
      const projected = targets.filter((row) => row.draws !== '');
      expect(projected.length).toBeGreaterThan(0);
      for (const row of projected) expect(Number(row.draws)).toBe(manifest.scenarios[0].draws);
    }
  }, 120_000);
});
