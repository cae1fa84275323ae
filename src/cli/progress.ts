// Progress of a long run on stderr: which scenario of how many, percent done, elapsed and remaining time.

/** Where progress goes and when it shows. */
export interface ProgressSink {
  /** Writes to stderr. */
  write(text: string): void;
  /** Milliseconds since some origin (Date.now in the CLI; a fake clock in tests). */
  now(): number;
  /** A terminal: the line is rewritten in place; otherwise one line per update. */
  readonly terminal: boolean;
}

/**
 * The CLI's progress: on stderr, shown on a terminal or anywhere with --progress, never with --quiet.
 * @example stderrProgress(io, { quiet: false, progress: false }).enabled; // => true on a terminal, false on a pipe
 */
export function stderrProgress(
  io: { stderr(text: string): void; readonly stderrIsTTY?: boolean },
  options: { readonly quiet: boolean; readonly progress: boolean },
): { sink: ProgressSink; enabled: boolean } {
  const terminal = Boolean(io.stderrIsTTY);
  return { sink: { write: io.stderr, now: Date.now, terminal }, enabled: !options.quiet && (terminal || options.progress) };
}

/** Nothing shows before a run has taken this long (short runs print no progress at all). */
const quietMilliseconds = 1000;
/** At most one update in this interval. */
const intervalMilliseconds = 250;

/** Seconds for people: "0.8 s", "42 s", "3 min 5 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - 60 * minutes)} s`;
}

/**
 * The progress line: `  baseline (1 of 3): 45% · 1.2 s elapsed · about 1.5 s left`. The remaining time
 * extrapolates the whole run's pace: elapsed · (1 − F)/F, F = (scenarios done + this one's fraction)/count.
 * @example progressLine('baseline', 0, 3, 0.45, 1.2); // => '  baseline (1 of 3): 45% · 1.2 s elapsed · about 6.8 s left'
 */
export function progressLine(scenario: string, index: number, count: number, fraction: number, elapsedSeconds: number): string {
  const overall = (index + fraction) / count;
  const left = overall > 0 ? (elapsedSeconds * (1 - overall)) / overall : Number.NaN;
  const remaining = Number.isFinite(left) ? ` · about ${formatSeconds(left)} left` : '';
  return `  ${scenario} (${index + 1} of ${count}): ${Math.floor(fraction * 100)}% · ${formatSeconds(elapsedSeconds)} elapsed${remaining}`;
}

/** A reporter for one command run: update it as blocks finish, finish it before printing results. */
export interface ProgressReporter {
  update(scenario: string, index: number, count: number, done: number, total: number): void;
  finish(): void;
}

/**
 * Progress on `sink` once the run has lasted a second, at most four times a second; `finish` clears a
 * terminal's line. Disabled (`enabled` false: --quiet, or a pipe without --progress) it prints nothing.
 */
export function progressReporter(sink: ProgressSink, enabled: boolean): ProgressReporter {
  const started = sink.now();
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(scenario, index, count, done, total) {
      const now = sink.now();
      if (!enabled || now - started < quietMilliseconds || now - last < intervalMilliseconds) return;
      last = now;
      shown = true;
      const line = progressLine(scenario, index, count, done / total, (now - started) / 1000);
      sink.write(sink.terminal ? `\r\x1b[K${line}` : `${line}\n`);
    },
    finish() {
      if (shown && sink.terminal) sink.write('\r\x1b[K');
    },
  };
}

/**
 * The line of a command that counts units of work: `  3 of 10 variants done (30%) · 1.2 s elapsed ·
 * about 2.8 s left`. The remaining time extrapolates the pace so far, elapsed · (total − done)/done;
 * none is given before the first unit is done, nor once all are.
 * @example countLine(3, 10, 'variants', 1.2); // => '  3 of 10 variants done (30%) · 1.2 s elapsed · about 2.8 s left'
 */
export function countLine(done: number, total: number, what: string, elapsedSeconds: number): string {
  const left = done > 0 && done < total ? (elapsedSeconds * (total - done)) / done : Number.NaN;
  const remaining = Number.isFinite(left) ? ` · about ${formatSeconds(left)} left` : '';
  return `  ${done} of ${total} ${what} done (${Math.floor((100 * done) / total)}%) · ${formatSeconds(elapsedSeconds)} elapsed${remaining}`;
}

/**
 * Progress of a command that counts units of work (a sweep's variants, sensitivity's runs), as
 * countLine says it, under the same rules as progressReporter (after a second, at most four times a
 * second and at the end; a terminal's line rewritten in place and cleared at the end; nothing when
 * disabled).
 * @example countProgress({ write, now: Date.now, terminal: false }, true, 'variants')(3, 10); // (nothing in the first second)
 */
export function countProgress(sink: ProgressSink, enabled: boolean, what: string): (done: number, total: number) => void {
  const started = sink.now();
  let last = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const now = sink.now();
    if (!enabled || now - started < quietMilliseconds || (now - last < intervalMilliseconds && done < total)) return;
    last = now;
    const text = countLine(done, total, what, (now - started) / 1000);
    if (sink.terminal) sink.write(done < total ? `\r\x1b[K${text}` : '\r\x1b[K');
    else sink.write(`${text}\n`);
  };
}
