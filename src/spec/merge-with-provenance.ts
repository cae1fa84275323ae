// `extends`: maps deep-merge, lists and distributions replace; every value remembers the file it came from.
import type { PathSegment } from '../io/yaml-document.js';

/** Who wrote a value: the index of the file in the chain and the value's path in that file. */
export interface Origin {
  readonly source: number;
  readonly path: readonly PathSegment[];
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A map with a `dist` key is one value (a distribution), never merged key by key. */
const isMergeable = (value: unknown): value is Record<string, unknown> => isMap(value) && !('dist' in value);

const keyOf = (path: readonly PathSegment[]) => JSON.stringify(path);

/**
 * Merges plain values, the later overriding the earlier: maps merge key by key (recursively),
 * anything else (lists, numbers, texts, distributions) replaces. Keys that name the chain itself
 * are the caller's to drop.
 * @param sources ancestors first, the scenario itself last
 * @returns the merged value and the origin of every path in it (keyed by `JSON.stringify(path)`)
 * @example mergeWithProvenance([{ a: { x: 1, y: 2 }, l: [1] }, { a: { y: 3 }, l: [2] }]).value;
 * // => { a: { x: 1, y: 3 }, l: [2] }
 */
export function mergeWithProvenance(sources: readonly unknown[]): { value: Record<string, unknown>; origins: Map<string, Origin> } {
  const origins = new Map<string, Origin>();
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
      if (isMergeable(existing) && isMergeable(value)) {
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
  return { value, origins };
}

/** The origin of the value at `path`, if any source wrote it. */
export function originOf(origins: ReadonlyMap<string, Origin>, path: readonly PathSegment[]): Origin | undefined {
  return origins.get(keyOf(path));
}
