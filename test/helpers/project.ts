// Paths shared by tests: the project root and a fresh temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json is). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A new empty temporary folder. */
export function freshDir(prefix = 'forecast-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
