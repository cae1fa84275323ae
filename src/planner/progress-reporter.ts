// Progress of the planner's long commands on stderr: quiet for quick runs, throttled for long ones.

/**
 * A progress callback for long planner commands: writes `  <done> of <total> <what> done` to stderr
 * once the command has run for more than a second, at most four times a second (and at the end);
 * on a terminal (`io.isTTY`) the line is rewritten in place and cleared when the work is done.
 * @example progressReporter(io, false, Date.now(), 'variants')(3, 10); // (prints nothing in the first second)
 */
export function progressReporter(io: { stderr(text: string): void; readonly isTTY?: boolean }, quiet: boolean, started: number, what: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (quiet || now - started < 1000 || (now - last < 250 && done < total)) return;
    last = now;
    const text = `  ${done} of ${total} ${what} done`;
    // On a terminal one line, rewritten in place and cleared at the end; in a log, one line each.
    if (io.isTTY) io.stderr(done < total ? `\r\x1b[K${text}` : '\r\x1b[K');
    else io.stderr(`${text}\n`);
  };
}
