// A cache on disk of values the engine computes from its inputs' content (the checked data set, parsed
// models and scenarios, the censored-growth quadrature), so a command run again on the same files
// skips the work.
//
//   key      SHA-256 of: the build's identity (dist/cli/build-id, a hash of the bundle, written by
//            scripts/bundle.mjs), the V8 version, the kind of value, and every input the value
//            depends on (file bytes, limits, how files are named in messages, a computation's numbers)
//   entry    <folder>/<kind>-<key>.bin = SHA-256 of the payload, then the payload (v8.serialize:
//            every double, -0, NaN, undefined and key order come back as they were)
//   write    to a temporary name in the folder, then rename(2) over the entry: readers see the whole
//            entry or none; two processes writing one key write the same bytes
//   read     a missing, unreadable or damaged entry (its hash does not match) is computed again
//
// Only the bundled CLI (dist/cli) has a build identity: the TypeScript sources (tests) and the
// compiled library (dist/src) never cache. A value is cached only when computing it succeeded, so an
// input error is always found and reported by the real check.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Entries kept per folder: writing beyond it removes the oldest (a data set is about 0.4 MB). */
const entriesKept = 200;

/** Where a command keeps its entries, and the identity of the code that computes the values. */
export interface ContentCache {
  readonly folder: string;
  /** The build's identity: entries of another build are never read. */
  readonly build: string;
}

/** The cache installed for the command running, or undefined when it is off. */
let active: ContentCache | undefined;

let bundleId: string | null | undefined;

/** The bundle's identity (written by scripts/bundle.mjs beside the bundle), or null outside it. */
function bundleIdentity(): string | null {
  if (bundleId === undefined) {
    try {
      bundleId = readFileSync(new URL('build-id', import.meta.url), 'utf8').trim() || null;
    } catch {
      bundleId = null;
    }
  }
  return bundleId;
}

/**
 * The cache a command uses, from the environment: `FORECAST_CACHE=off` turns it off,
 * `FORECAST_CACHE=<folder>` puts it there; by default node_modules/.cache/beijing-forecast in the
 * engine's own package. Undefined outside the bundled CLI (no build identity).
 * @param build the build's identity (default: the bundle's, null outside it)
 */
export function contentCacheFrom(env: Readonly<Record<string, string | undefined>>, build = bundleIdentity()): ContentCache | undefined {
  const setting = env.FORECAST_CACHE;
  if (build === null || setting === 'off') return undefined;
  const folder = setting !== undefined && setting !== '' ? setting : fileURLToPath(new URL('../../node_modules/.cache/beijing-forecast', import.meta.url));
  return { folder, build };
}

/** Whether values are cached: callers skip gathering a key otherwise. */
export function contentCacheOn(): boolean {
  return active !== undefined;
}

/** Installs the cache the commands use (undefined: off). @returns the previous one */
export function useContentCache(next: ContentCache | undefined): ContentCache | undefined {
  const previous = active;
  active = next;
  return previous;
}

/**
 * The value `compute()` returns, read from the cache when an entry for (kind, key) exists; else
 * computed and stored. The key must name everything the value depends on besides the engine's code.
 * Any cache failure (a read-only folder, a full disk) falls back to computing: the cache never
 * changes what a command does, only how long it takes.
 * @param kind a name for the value, a prefix of the entry's file name (letters and dashes)
 * @param key the inputs the value is a pure function of, in a fixed order
 * @param compute the computation; what it throws is thrown and nothing is stored
 * @param isCurrent for a value that depends on more than its key (files the key's file names): whether
 *   the stored value still holds; when not, it is computed and stored again
 * @example cachedByContent('growth-posterior', ['0.1 1'], () => integrate(...))
 */
export function cachedByContent<T>(kind: string, key: readonly (string | Uint8Array)[], compute: () => T, isCurrent?: (stored: T) => boolean): T {
  const cache = active;
  if (cache === undefined) return compute();
  // The serialised form is V8's: a value stored by another Node is computed again.
  const hash = createHash('sha256').update(cache.build).update('\0').update(process.versions.v8).update('\0').update(kind);
  for (const part of key) {
    // Each part preceded by its length in bytes, so two keys can never run together into one.
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`\0${bytes.length}\0`).update(bytes);
  }
  const entry = join(cache.folder, `${kind}-${hash.digest('hex')}.bin`);
  const found = readEntry(entry);
  if (found.hit && (isCurrent === undefined || isCurrent(found.value as T))) return found.value as T;
  const value = compute();
  writeEntry(cache.folder, entry, value);
  return value;
}

function readEntry(entry: string): { hit: true; value: unknown } | { hit: false } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry);
  } catch {
    return { hit: false };
  }
  if (bytes.length < 32) return { hit: false };
  const payload = bytes.subarray(32);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, 32))) return { hit: false };
  try {
    return { hit: true, value: deserialize(payload) };
  } catch {
    return { hit: false };
  }
}

function writeEntry(where: string, entry: string, value: unknown): void {
  const temporary = join(where, `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const payload = serialize(value);
    mkdirSync(where, { recursive: true });
    writeFileSync(temporary, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(temporary, entry);
    prune(where);
  } catch {
    // Not cached this time (a folder that cannot be written, a value that cannot be serialised).
    try {
      if (existsSync(temporary)) rmSync(temporary, { force: true });
    } catch {
      /* nothing more to do */
    }
  }
}

/** Removes the oldest entries beyond entriesKept, and temporary files a killed process left. */
function prune(where: string): void {
  const all = readdirSync(where);
  const hourAgo = Date.now() - 3_600_000;
  for (const name of all) if (name.endsWith('.tmp') && statSync(join(where, name)).mtimeMs < hourAgo) rmSync(join(where, name), { force: true });
  const names = all.filter((name) => name.endsWith('.bin'));
  if (names.length <= entriesKept) return;
  const byAge = names.map((name) => ({ name, time: statSync(join(where, name)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { name } of byAge.slice(0, names.length - entriesKept)) rmSync(join(where, name), { force: true });
}
