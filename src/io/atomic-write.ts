// Writes a set of output files all or nothing: into a temporary folder first, then renamed into place.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One output file: its name relative to the output folder and its full content. */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * Writes every file into `outDir` atomically per file and all-or-nothing for the set:
 * everything is first written to a sibling temporary folder; only when all writes succeed
 * are the files renamed into place (rename is atomic within one file system).
 * On any failure the temporary folder is removed and `outDir` is left as it was.
 */
export function writeOutputsAtomically(outDir: string, files: readonly OutputFile[]): void {
  const target = resolve(outDir);
  mkdirSync(dirname(target), { recursive: true });
  mkdirSync(target, { recursive: true });
  const staging = mkdtempSync(join(target, '.staging-'));
  try {
    for (const file of files) {
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    for (const file of files) {
      const destination = join(target, file.name);
      mkdirSync(dirname(destination), { recursive: true });
      renameSync(join(staging, file.name), destination);
    }
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
}
