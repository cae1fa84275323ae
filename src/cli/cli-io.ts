// The CLI's only contact with the outside world, injectable so tests run commands in process.

/** Where a command reads its environment and writes its text. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colour is allowed). */
  readonly isTTY: boolean;
  /** True when stderr is a terminal (progress shows there, rewritten in place). */
  readonly stderrIsTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The real process: writes straight to the process streams. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/** An in-memory CliIo for tests: collects what a command prints. */
export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    env: { NO_COLOR: '1', ...env },
    isTTY: false,
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
  };
}
