// vitest globalSetup: every temporary folder of a test run (the tests', and those of the commands
// and browsers they start) goes under one folder, removed when the run ends — a run leaves /tmp as
// it found it. os.tmpdir() reads TMPDIR, which the test processes inherit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'forecast-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
