// Writes a set of output files all or nothing: into a staging folder first, then renamed into place.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';

/** One output file: its name relative to the output folder and its full content. */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * Writes every file into `outDir`, all or nothing:
 * 1. every file is written into a staging folder inside `outDir` (same file system);
 * 2. each existing file about to be replaced is moved aside into the staging folder;
 * 3. each new file is renamed into place (rename is atomic within one file system);
 * if any step fails, the files already placed are removed, the old ones are moved back, and the
 * error is rethrown — `outDir` is left as it was, and no staging folder remains.
 * @throws Error for a name that is absolute or climbs out of `outDir` (before anything is written)
 */
export function writeOutputsAtomically(outDir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const name = normalize(file.name);
    if (isAbsolute(name) || name.startsWith('..')) throw new Error(`internal: output name ${JSON.stringify(file.name)} must stay inside the output folder`);
  }
  const target = resolve(outDir);
  mkdirSync(target, { recursive: true });
  const staging = mkdtempSync(join(target, '.staging-'));
  const placed: string[] = [];
  const movedAside: { from: string; to: string }[] = [];
  try {
    files.forEach((file, i) => writeFileSync(join(staging, `new-${i}`), file.content));
    files.forEach((file, i) => {
      const destination = join(target, file.name);
      mkdirSync(dirname(destination), { recursive: true });
      if (existsSync(destination)) {
        const aside = join(staging, `old-${i}`);
        renameSync(destination, aside);
        movedAside.push({ from: aside, to: destination });
      }
      renameSync(join(staging, `new-${i}`), destination);
      placed.push(destination);
    });
  } catch (error) {
    for (const path of placed) rmSync(path, { force: true });
    for (const { from, to } of movedAside.reverse()) renameSync(from, to);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
