// Progress: what the line says, when it shows (terminal or --progress, after a second), --quiet.
import { describe, expect, it } from 'vitest';
import { countLine, countProgress, formatSeconds, progressLine, progressReporter } from '../../src/cli/progress.js';

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

  it('counts units of work with percent, elapsed and remaining time (none before the first unit, none at the end)', () => {
    expect(countLine(3, 10, 'variants', 1.2)).toBe('  3 of 10 variants done (30%) · 1.2 s elapsed · about 2.8 s left');
    expect(countLine(0, 1000, 'variants', 2)).toBe('  0 of 1000 variants done (0%) · 2.0 s elapsed');
    expect(countLine(999, 1000, 'variants', 150)).toBe('  999 of 1000 variants done (99%) · 2 min 30 s elapsed · about 0.2 s left');
    expect(countLine(40, 40, 'runs', 61)).toBe('  40 of 40 runs done (100%) · 1 min 1 s elapsed');
  });

  it('counts units of work (sweep variants, sensitivity runs) under the same rules; disabled it prints nothing', () => {
    const pipe = sink(false);
    const count = countProgress(pipe.sink, true, 'variants');
    count(1, 3);
    pipe.advance(1500);
    count(2, 3);
    pipe.advance(10);
    count(3, 3);
    expect(pipe.written).toEqual(['  2 of 3 variants done (66%) · 1.5 s elapsed · about 0.8 s left\n', '  3 of 3 variants done (100%) · 1.5 s elapsed\n']);
    const terminal = sink(true);
    const rewritten = countProgress(terminal.sink, true, 'runs');
    terminal.advance(1500);
    rewritten(1, 2);
    rewritten(2, 2);
    expect(terminal.written).toEqual(['\r\x1b[K  1 of 2 runs done (50%) · 1.5 s elapsed · about 1.5 s left', '\r\x1b[K']);
    const off = sink(false);
    const silent = countProgress(off.sink, false, 'variants');
    off.advance(5000);
    silent(3, 3);
    expect(off.written).toEqual([]);
  });
});
