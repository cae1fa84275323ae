// Reads an input file for the engine, safely: regular files only, within a size limit and, when the
// file was named inside another file, within the folders the run may read (docs/security.md).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { activeLimits, raiseHint, type Limits } from './limits.js';

/** Why a file was not read: the rule it broke (`file must <rule>, got <received>`) and a hint for the line that named it. */
export class FileRefused extends InputError {
  /** `missing` when the file does not exist (the caller may say "did you mean"). */
  readonly reason: 'missing' | 'outside' | 'notRegular' | 'tooLarge' | 'notText';
  /** The refusal in words, for a message at the line that named the file. */
  readonly explanation: string;

  constructor(file: string, reason: FileRefused['reason'], rule: string, received: string, explanation: string, hint?: string) {
    super([{ file, message: messages.fileRefused(rule, received), hint }]);
    this.name = 'FileRefused';
    this.reason = reason;
    this.explanation = explanation;
  }
}

export interface ReadOptions {
  /**
   * Folders the file must lie in once symlinks are resolved (a file named inside a scenario must
   * stay inside the project or a folder named on the command line); absent: any folder.
   */
  readonly roots?: readonly string[];
  /** How the file is named in messages (default: the path as given). */
  readonly shown?: string;
}

/** True when `path` is `folder` or lies below it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const kindOf = (stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }) =>
  stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a pipe' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a regular file';

/**
 * Reads a UTF-8 text file (BOM stripped) after checking, in order: it exists; it lies inside one of
 * `roots` (symlinks resolved); it is a regular file (never a device, pipe or directory: `/dev/zero`
 * or `/dev/stdin` are refused before they are opened for reading); it holds at most the file-size
 * limit; it is text (no NUL byte, valid UTF-8). Its content never appears in a message.
 * @throws FileRefused (an InputError) naming the rule broken
 * @example readText('scenarios/baseline.yaml').startsWith('#'); // => true
 */
export function readText(file: string, options: ReadOptions = {}): string {
  const shown = options.shown ?? file;
  const bytes = readBytes(file, options);
  if (bytes.includes(0)) throw new FileRefused(shown, 'notText', 'be a UTF-8 text file', 'binary content', 'it is not a text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefused(shown, 'notText', 'be a UTF-8 text file', 'bytes that are not UTF-8', 'it is not UTF-8 text');
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * Reads a file's bytes with readText's checks but the last (exists, inside `roots`, a regular file,
 * at most `limit` bytes: by default the file-size limit).
 * @throws FileRefused (an InputError) naming the rule broken
 */
export function readBytes(file: string, options: ReadOptions & { readonly limit?: { readonly bytes: number; readonly name: keyof Limits } } = {}): Buffer {
  const shown = options.shown ?? file;
  const limit = options.limit?.bytes ?? activeLimits().fileBytes;
  const limitName = options.limit?.name ?? 'fileBytes';
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new FileRefused(shown, 'missing', 'exist and be readable', JSON.stringify(file), `there is no file ${shown}`);
  }
  if (options.roots && !options.roots.some((root) => isInside(realOf(root), real))) {
    throw new FileRefused(
      shown,
      'outside',
      'lie inside the project folder or a folder named on the command line',
      'a file outside them',
      'it lies outside the project folder and the folders named on the command line',
    );
  }
  let before;
  try {
    before = statSync(real);
  } catch {
    throw new FileRefused(shown, 'missing', 'exist and be readable', JSON.stringify(file), `there is no file ${shown}`);
  }
  if (!before.isFile()) throw new FileRefused(shown, 'notRegular', 'be a regular file', kindOf(before), `it is ${kindOf(before)}, not a file`);
  let descriptor: number;
  try {
    // Non-blocking, so that a file swapped for a pipe since the stat cannot make the open wait.
    descriptor = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new FileRefused(shown, 'missing', 'exist and be readable', JSON.stringify(file), 'it cannot be opened for reading');
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new FileRefused(shown, 'notRegular', 'be a regular file', kindOf(stats), `it is ${kindOf(stats)}, not a file`);
    if (stats.size > limit) {
      throw new FileRefused(shown, 'tooLarge', `hold at most ${limit} bytes`, `${stats.size} bytes`, `it holds more than ${limit} bytes`, raiseHint(limitName));
    }
    // Read at most limit + 1 bytes: files whose size stat does not tell (e.g. /proc) are bounded too.
    const buffer = Buffer.alloc(Math.min(limit + 1, Math.max(stats.size, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    if (length > limit) {
      throw new FileRefused(shown, 'tooLarge', `hold at most ${limit} bytes`, 'more', `it holds more than ${limit} bytes`, raiseHint(limitName));
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

function realOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
