// `extends`: maps deep-merge, lists and distributions replace, `null` removes; every value remembers the file it came from.
import type { PathSegment } from '../io/yaml-document.js';

/** Who wrote a value: the index of the file in the chain and the value's path in that file. */
export interface Origin {
  readonly source: number;
  readonly path: readonly PathSegment[];
}

/** A `null` that removed an inherited value: where the null was written and who wrote what it removed. */
export interface ChainRemoval {
  /** The null: its file's index in the chain and its path. */
  readonly at: Origin;
  /** The value removed (written by an earlier file of the chain). */
  readonly removed: Origin;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A map with a `dist` key is one value (a distribution), never merged key by key. */
const isMergeable = (value: unknown): value is Record<string, unknown> => isMap(value) && !('dist' in value);

const keyOf = (path: readonly PathSegment[]) => JSON.stringify(path);

/**
 * Merges plain values, the later overriding the earlier: maps merge key by key (recursively),
 * anything else (lists, numbers, texts, distributions) replaces, and `null` removes what the earlier
 * files gave at that key (the key is then absent, as if never written). A `null` with nothing to
 * remove in the chain stays in the merged value as `null`: the caller decides what it means (a
 * scenario's `assumptions.<variable>.<parameter>: null` removes the model's setting). Keys that name
 * the chain itself are the caller's to drop.
 * @param sources ancestors first, the scenario itself last
 * @returns the merged value, the origin of every path in it (keyed by `JSON.stringify(path)`), and
 *   every removal of an inherited value, in the order the files were merged
 * @example mergeWithProvenance([{ a: { x: 1, y: 2 }, l: [1] }, { a: { y: 3 }, l: [2] }]).value;
 * // => { a: { x: 1, y: 3 }, l: [2] }
 * @example mergeWithProvenance([{ a: { x: 1, y: 2 } }, { a: { y: null } }]).value; // => { a: { x: 1 } }
 */
export function mergeWithProvenance(sources: readonly unknown[]): {
  value: Record<string, unknown>;
  origins: Map<string, Origin>;
  removals: ChainRemoval[];
} {
  const origins = new Map<string, Origin>();
  const removals: ChainRemoval[] = [];
  const record = (source: number, path: readonly PathSegment[], value: unknown) => {
    origins.set(keyOf(path), { source, path });
    if (isMap(value)) for (const [key, item] of Object.entries(value)) record(source, [...path, key], item);
    else if (Array.isArray(value)) value.forEach((item, index) => record(source, [...path, index], item));
  };
  const forget = (path: readonly PathSegment[]) => {
    const prefix = keyOf(path).slice(0, -1);
    for (const key of [...origins.keys()]) if (key.startsWith(prefix + ',')) origins.delete(key);
  };
  const merge = (target: Record<string, unknown>, source: Record<string, unknown>, index: number, path: readonly PathSegment[]) => {
    for (const [key, value] of Object.entries(source)) {
      const here = [...path, key];
      const existing = target[key];
      if (value === null && existing !== undefined && existing !== null) {
        // Removes the inherited value: the key disappears, and so do the origins under it.
        removals.push({ at: { source: index, path: here }, removed: origins.get(keyOf(here))! });
        forget(here);
        origins.delete(keyOf(here));
        delete target[key];
      } else if (isMergeable(existing) && isMergeable(value)) {
        origins.set(keyOf(here), { source: index, path: here });
        merge(existing, value, index, here);
      } else {
        forget(here);
        target[key] = structuredClone(value);
        record(index, here, value);
      }
    }
  };
  const value: Record<string, unknown> = {};
  sources.forEach((source, index) => {
    if (isMap(source)) merge(value, source, index, []);
  });
  return { value, origins, removals };
}

/** The origin of the value at `path`, if any source wrote it. */
export function originOf(origins: ReadonlyMap<string, Origin>, path: readonly PathSegment[]): Origin | undefined {
  return origins.get(keyOf(path));
}
