// What an output folder (`--out`) is, checked without changing anything: the engine writes only into
// a folder of its own (src/io/atomic-write.ts), and a command checks it before its work
// (checkOutputFolder, from src/cli/main.ts), so a mistaken --out costs a moment, not a whole run
// thrown away at the end.
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { commandLineFile } from '../errors/problem.js';
import { outMessages } from '../errors/messages.js';
import { isInside } from './read-text.js';

/**
 * Files an output folder written by an earlier version of the engine (or by its report tests) may
 * hold: outputs, charts, printed reports and screenshots. Anything else (sources, a project's
 * package.json, other folders) means the folder is not an output folder, and it is not taken over.
 */
const outputLike = /\.(csv|json|html|pdf|png|svg|txt)$/;
const projectMarkers = new Set(['package.json', 'package-lock.json', 'tsconfig.json']);

/** The folder beside `out` that holds its generations. */
export function versionsFolder(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.versions`);
}

export const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** An output folder as the user named it: where it is, where its generations go, and its problems. */
export interface OutputFolder {
  readonly target: string;
  readonly versions: string;
  /** The folder as the user typed it. */
  readonly shown: string;
  /** An `--out` problem (exit 2) in the user's own words for the folder. */
  problem(message: string, hint?: string): InputError;
  /** The `--out` problem for a file-system error (its code: EACCES, ENOTDIR, …). */
  fsProblem(error: unknown): InputError;
}

/**
 * `outDir` as an output folder, refused when it is empty or is (or holds) the working directory.
 * @param options `cwd`: the working directory; `shown`: the folder as the user typed it
 * @throws InputError (`--out …`)
 */
export function outputFolder(outDir: string, options: { readonly cwd?: string; readonly shown?: string } = {}): OutputFolder {
  const cwd = options.cwd ?? process.cwd();
  const shown = options.shown ?? outDir;
  const problem = (message: string, hint?: string) => new InputError([{ file: commandLineFile, field: '--out', message, ...(hint !== undefined && { hint }) }]);
  const fsProblem = (error: unknown) => problem(outMessages.notWritable(shown, (error as NodeJS.ErrnoException).code ?? 'error'));
  if (shown.trim() === '' || outDir.trim() === '') throw problem(outMessages.empty());
  const target = resolve(outDir);
  if (isInside(target, resolve(cwd))) throw problem(outMessages.holdsProject(shown), 'name a folder of its own, e.g. --out out');
  return { target, versions: versionsFolder(target), shown, problem, fsProblem };
}

/** What `out` holds now: nothing yet, the engine's link (to a generation, or dangling), or a folder an earlier version wrote. */
export type OutputFolderState =
  | { readonly kind: 'new' }
  | { readonly kind: 'linked'; readonly generation: string | undefined }
  | { readonly kind: 'legacy'; readonly entries: readonly Dirent[] };

/**
 * Reads what `out` is, changing nothing.
 * @throws InputError when it is a file, a link to somewhere else, or a folder holding anything but outputs
 */
export function outputFolderState(folder: OutputFolder): OutputFolderState {
  const { target, versions, shown, problem } = folder;
  const stats = lstatOrUndefined(target);
  if (!stats) return { kind: 'new' };
  if (stats.isSymbolicLink()) {
    const pointsAt = resolve(dirname(target), readlinkSync(target));
    if (!isInside(versions, pointsAt) || pointsAt === versions) throw problem(outMessages.foreignLink(shown), 'remove the link, or name another folder');
    return { kind: 'linked', generation: lstatOrUndefined(pointsAt)?.isDirectory() ? pointsAt : undefined };
  }
  if (!stats.isDirectory()) throw problem(outMessages.notFolder(shown));
  const entries = readdirSync(target, { withFileTypes: true });
  const foreign = entries.filter(
    (entry) =>
      !(entry.isFile() && outputLike.test(entry.name) && !projectMarkers.has(entry.name)) && !(entry.isDirectory() && (entry.name === 'charts' || entry.name.startsWith('.staging-'))),
  );
  if (foreign.length > 0) throw problem(outMessages.foreignFolder(shown, foreign.length), 'name an empty or new folder');
  return { kind: 'legacy', entries };
}

/**
 * Checks, before a command does its work, that `outDir` is a folder the engine may write its outputs
 * into: every refusal writeOutputsAtomically would make about the folder itself, and that the nearest
 * existing folder of its generations is a folder this process may write. Changes nothing. A folder
 * that changes between this check and the write is still refused then, by the same rules.
 * @param options `cwd`: the working directory; `shown`: the folder as the user typed it
 * @throws InputError (`--out …`, exit 2)
 * @example checkOutputFolder('out'); // passes for a new folder, or one the engine wrote
 */
export function checkOutputFolder(outDir: string, options: { readonly cwd?: string; readonly shown?: string } = {}): void {
  const folder = outputFolder(outDir, options);
  try {
    outputFolderState(folder);
    let existing = folder.versions;
    let stats = lstatOrUndefined(existing);
    while (!stats && dirname(existing) !== existing) {
      existing = dirname(existing);
      stats = lstatOrUndefined(existing);
    }
    if (stats && !stats.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(existing, constants.W_OK);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw folder.fsProblem(error);
  }
}
