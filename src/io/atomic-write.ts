// Writes a set of output files so that readers see the whole old set or the whole new set, never a
// mix, even if the process is killed at any instant (docs/outputs.md, "How outputs are written").
//
//   --out folder  =  a symbolic link  out → .out.versions/<generation>
//   1 write every file of the new generation into .out.versions/.staging-<random>
//   2 carry over the current generation's other files (hard links: no copy, no change)
//   3 rename the staging folder to its generation name
//   4 point a fresh link (made in .out.versions) at it and rename the link over `out`: one
//     rename(2), atomic on POSIX
//   5 remove generations older than the previous one, and any staging or link left by a killed run
// A kill before step 4 leaves the old set in place (and a staging folder step 5 removes next time);
// a kill after it leaves the new set. The previous generation is kept one run longer, so a reader
// that resolved the link just before the switch can finish reading it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { lstatOrUndefined, outputFolder, outputFolderState, type OutputFolder } from './output-folder.js';

export { versionsFolder } from './output-folder.js';

/** One output file: its name relative to the output folder and its full content. */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * Creates a folder and its missing ancestors, one mkdir each (Node's `recursive: true` loops forever
 * where mkdir answers ENOENT for a parent that exists, as under /proc).
 * @throws the first mkdir error
 */
function makeFolder(path: string): void {
  const missing: string[] = [];
  let current = resolve(path);
  while (!lstatOrUndefined(current)) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

let sequence = 0;
/** A generation name that sorts by creation time (milliseconds, then this process's sequence), then random. */
const newId = () => `${Date.now().toString(36).padStart(9, '0')}-${(sequence++ % 1_679_616).toString(36).padStart(4, '0')}-${randomBytes(4).toString('hex')}`;

/**
 * Writes every file into `outDir` as one generation, switched into place by one atomic rename.
 * `outDir` becomes (or stays) a symbolic link to `.<name>.versions/<generation>`; files of the
 * previous generation that this call does not write are carried over, so commands sharing one
 * output folder (run, sweep, compare, …) keep each other's files.
 * @param options `cwd`: the working directory (`outDir` must not be it, nor hold it); `shown`: the folder as the user typed it
 * @throws InputError (`--out …`) when the folder cannot be one the engine manages or written to;
 *   Error for a file name that is absolute or climbs out of `outDir` (a bug, checked before writing)
 * @example writeOutputsAtomically('out', [{ name: 'a.csv', content: 'x\n' }]); // out/a.csv now reads "x"
 */
export function writeOutputsAtomically(outDir: string, files: readonly OutputFile[], options: { readonly cwd?: string; readonly shown?: string } = {}): void {
  for (const file of files) {
    const name = normalize(file.name);
    if (isAbsolute(name) || name.startsWith('..') || name === '.') throw new Error(`internal: output name ${JSON.stringify(file.name)} must stay inside the output folder`);
  }
  const folder = outputFolder(outDir, options);
  const { target, versions, fsProblem } = folder;

  // 1. What is there now: nothing, our link, or a folder an earlier version wrote (migrated once).
  let previous: string | undefined;
  try {
    previous = currentGeneration(folder);
    makeFolder(versions);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fsProblem(error);
  }

  // 2. The new generation, written aside.
  const staging = join(versions, `.staging-${newId()}`);
  const generation = join(versions, newId());
  const link = freshLinkPath(versions);
  try {
    mkdirSync(staging);
    const written = new Set<string>();
    for (const file of files) {
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      written.add(normalize(file.name));
    }
    if (previous) carryOver(previous, staging, '', written);
    renameSync(staging, generation);
    // 3. The switch: one rename of a fresh link over the old one.
    symlinkSync(relative(dirname(target), generation), link);
    renameSync(link, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(generation, { recursive: true, force: true });
    rmSync(link, { force: true });
    if (error instanceof InputError) throw error;
    throw fsProblem(error);
  }

  // 4. Older generations and a killed run's leftovers go; the previous generation stays one more run.
  removeStale(versions, previous ?? generation, target);
}

/**
 * Where the fresh link is made before it is renamed over `out`: inside the versions folder, so that
 * neither this run nor a later one lists `out`'s parent (which may be a crowded /tmp) to find a
 * killed run's leftover. rename(2) moves it within the one file system. Its text is relative to
 * `out`'s folder, where it will live (it dangles until then; nothing reads it there).
 */
const freshLinkPath = (versions: string) => join(versions, `.link-${newId()}`);

/**
 * The generation `out` points at now, or undefined when there is none yet. A folder written by an
 * earlier version of the engine (only output files in it) becomes the first generation.
 */
function currentGeneration(folder: OutputFolder): string | undefined {
  const { target, versions } = folder;
  const state = outputFolderState(folder);
  if (state.kind === 'new') return undefined;
  if (state.kind === 'linked') return state.generation;
  // Migration: the folder itself becomes the first generation (one rename), its staging leftovers dropped.
  makeFolder(versions);
  for (const entry of state.entries) if (entry.name.startsWith('.staging-')) rmSync(join(target, entry.name), { recursive: true, force: true });
  const first = join(versions, newId());
  renameSync(target, first);
  const link = freshLinkPath(versions);
  symlinkSync(relative(dirname(target), first), link);
  renameSync(link, target);
  return first;
}

/** Hard-links (or copies, where links are refused) every file of `from` not about to be written. */
function carryOver(from: string, to: string, prefix: string, written: ReadonlySet<string>): void {
  for (const entry of readdirSync(join(from, prefix), { withFileTypes: true })) {
    const name = prefix === '' ? entry.name : `${prefix}${sep}${entry.name}`;
    if (written.has(name)) continue;
    const source = join(from, name);
    const destination = join(to, name);
    if (entry.isDirectory()) {
      mkdirSync(destination, { recursive: true });
      carryOver(from, to, name, written);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), destination);
    } else if (entry.isFile()) {
      try {
        linkSync(source, destination);
      } catch {
        copyFileSync(source, destination);
      }
    }
  }
}

/**
 * A staging folder untouched this long belongs to a run that was killed (a live run writes into it
 * continuously); so does a fresh link this old (a live run renames it away at once).
 */
const staleStagingMs = 60_000;

/**
 * Removes the generations older than `oldestKept` (names sort by creation time) and staging folders
 * left by killed runs. Never the generation `out` points at when this runs, nor newer ones: another
 * run writing to the same folder may have switched since.
 */
function removeStale(versions: string, oldestKept: string, target: string): void {
  let current: string | undefined;
  try {
    current = basename(resolve(dirname(target), readlinkSync(target)));
  } catch {
    current = undefined;
  }
  const keepFrom = basename(oldestKept);
  const now = Date.now();
  for (const name of readdirSync(versions)) {
    const path = join(versions, name);
    if (name.startsWith('.staging-') || name.startsWith('.link-')) {
      if (now - (lstatOrUndefined(path)?.mtimeMs ?? now) > staleStagingMs) rmSync(path, { recursive: true, force: true });
    } else if (name < keepFrom && name !== current) rmSync(path, { recursive: true, force: true });
  }
}
