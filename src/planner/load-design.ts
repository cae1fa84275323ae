// Reads a sweep's design file (`forecast sweep --design <file>`) as any file named on the command line is read.
import { relative, resolve } from 'node:path';
import { isInside, readText } from '../io/read-text.js';

/**
 * The design file `file` (relative to `cwd`, or absolute) as an input of the sweep: its path
 * relative to `cwd` when it lies there, as the other inputs are named, else as given (a shard's part
 * records it and its SHA-256), and its
 * text, read within the file-size limit (a regular UTF-8 text file; its content never appears in a
 * message). sweep-points.ts's pointsFromDesign reads the variants from it.
 * @throws InputError (FileRefused) as readText
 * @example readDesign('/project', 'designs/growth.csv').path; // => 'designs/growth.csv'
 */
export function readDesign(cwd: string, file: string): { readonly path: string; readonly content: string } {
  const path = resolve(cwd, file);
  const shown = isInside(cwd, path) ? relative(cwd, path) || file : file;
  return { path: shown, content: readText(path, { shown }) };
}

/** The files a sweep read with its design among them (once, should it also be one of the others). */
export function withDesign<T extends { readonly path: string }>(files: readonly T[], design: T): T[] {
  return [...files.filter((file) => file.path !== design.path), design];
}
