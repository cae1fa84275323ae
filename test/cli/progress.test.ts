// Progress: what the line says, when it shows (terminal or --progress, after a second), --quiet.
import { describe, expect, it } from 'vitest';
import { countProgress, formatSeconds, progressLine, progressReporter } from '../../src/cli/progress.js';

function sink(terminal: boolean) {
  let now = 0;
  const written: string[] = [];
  return { written, advance: (ms: number) => (now += ms), sink: { write: (t: string) => void written.push(t), now: () => now, terminal } };
}

describe('progress', () => {
  it('says which scenario of how many, percent, elapsed and remaining time', () => {
    expect(progressLine('baseline', 0, 3, 0.45, 1.2)).toBe('  baseline (1 of 3): 45% · 1.2 s elapsed · about 6.8 s left');
    expect(progressLine('pessimistic', 2, 3, 0.5, 50)).toBe('  pessimistic (3 of 3): 50% · 50 s elapsed · about 10 s left');
    expect(formatSeconds(185)).toBe('3 min 5 s');
  });

  it('shows nothing during the first second, then at most every 250 ms; a terminal line is cleared at the end', () => {
    const t = sink(true);
    const progress = progressReporter(t.sink, true);
    progress.update('baseline', 0, 1, 10, 100);
    expect(t.written).toEqual([]);
    t.advance(1200);
    progress.update('baseline', 0, 1, 50, 100);
    t.advance(100);
    progress.update('baseline', 0, 1, 60, 100);
    expect(t.written).toEqual(['\r\x1b[K  baseline (1 of 1): 50% · 1.2 s elapsed · about 1.2 s left']);
    progress.finish();
    expect(t.written.at(-1)).toBe('\r\x1b[K');
  });

  it('on a pipe prints whole lines; disabled (--quiet, or a pipe without --progress) prints nothing', () => {
    const pipe = sink(false);
    const shown = progressReporter(pipe.sink, true);
    pipe.advance(2000);
    shown.update('baseline', 0, 2, 1, 4);
    shown.finish();
    expect(pipe.written).toEqual(['  baseline (1 of 2): 25% · 2.0 s elapsed · about 14 s left\n']);
    const quiet = sink(true);
    const silent = progressReporter(quiet.sink, false);
    quiet.advance(5000);
    silent.update('baseline', 0, 1, 1, 2);
    silent.finish();
    expect(quiet.written).toEqual([]);
  });

  it('counts units of work (sweep variants, sensitivity runs) under the same rules; disabled it prints nothing', () => {
    const pipe = sink(false);
    const count = countProgress(pipe.sink, true, 'variants');
    count(1, 3);
    pipe.advance(1500);
    count(2, 3);
    pipe.advance(10);
    count(3, 3);
    expect(pipe.written).toEqual(['  2 of 3 variants done\n', '  3 of 3 variants done\n']);
    const terminal = sink(true);
    const rewritten = countProgress(terminal.sink, true, 'runs');
    terminal.advance(1500);
    rewritten(1, 2);
    rewritten(2, 2);
    expect(terminal.written).toEqual(['\r\x1b[K  1 of 2 runs done', '\r\x1b[K']);
    const off = sink(false);
    const silent = countProgress(off.sink, false, 'variants');
    off.advance(5000);
    silent(3, 3);
    expect(off.written).toEqual([]);
  });
});
