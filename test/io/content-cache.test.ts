// The content cache: a value comes back exactly as computed, only for the same key and build; a damaged
// entry, a failed computation or a folder that cannot be written never changes what is returned.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';
import { cachedByContent, contentCacheFrom, contentCacheOn, useContentCache } from '../../src/io/content-cache.js';
import { loadDataFolder } from '../../src/io/load-data-folder.js';
import { loadScenario } from '../../src/spec/load-scenario.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { freshDir, projectRoot } from '../helpers/project.js';

afterEach(() => {
  useContentCache(undefined);
});

/** A computation that counts its calls. */
function counted<T>(value: () => T) {
  const calls = { count: 0 };
  return { calls, compute: () => (calls.count++, value()) };
}

/** Every object reachable from `value` that is frozen, as paths (to compare freezing). */
function frozenPaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return out;
  if (Object.isFrozen(value)) out.push(path);
  for (const [key, inner] of Object.entries(value)) frozenPaths(inner, `${path}.${key}`, out);
  return out;
}

describe('content cache', () => {
  it('is off outside the bundled CLI (no build identity), whatever the environment says', () => {
    expect(contentCacheFrom({})).toBeUndefined();
    expect(contentCacheFrom({ FORECAST_CACHE: freshDir() })).toBeUndefined();
    expect(contentCacheOn()).toBe(false);
    const { calls, compute } = counted(() => 1);
    cachedByContent('test', ['a'], compute);
    cachedByContent('test', ['a'], compute);
    expect(calls.count).toBe(2);
  });

  it('in the bundle: on by default in the package, FORECAST_CACHE=off turns it off, a folder moves it', () => {
    expect(contentCacheFrom({}, 'b')?.folder).toMatch(/node_modules[\\/]\.cache[\\/]beijing-forecast$/);
    expect(contentCacheFrom({ FORECAST_CACHE: 'off' }, 'b')).toBeUndefined();
    expect(contentCacheFrom({ FORECAST_CACHE: '/tmp/c' }, 'b')).toEqual({ folder: '/tmp/c', build: 'b' });
  });

  it('returns the stored value for the same key, bit for bit, and computes again for another key or build', () => {
    const folder = freshDir();
    useContentCache({ folder, build: 'build-1' });
    const value = { x: -0, y: NaN, z: undefined, big: 0.1 + 0.2, list: [1e-310, Infinity], b: 'β', nested: { order: 2, first: 1 } };
    const { calls, compute } = counted(() => value);
    expect(cachedByContent('test', ['k', Buffer.from('bytes')], compute)).toBe(value);
    const again = cachedByContent('test', ['k', Buffer.from('bytes')], compute);
    expect(calls.count).toBe(1);
    expect(isDeepStrictEqual(again, value)).toBe(true);
    expect(Object.is(again.x, -0)).toBe(true);
    expect(Object.keys(again)).toEqual(Object.keys(value));
    expect(Object.keys(again.nested)).toEqual(['order', 'first']);
    // Parts are delimited: ['kb', 'ytes'] is not ['k', 'bytes'].
    cachedByContent('test', ['kb', 'ytes'], compute);
    expect(calls.count).toBe(2);
    useContentCache({ folder, build: 'build-2' });
    cachedByContent('test', ['k', Buffer.from('bytes')], compute);
    expect(calls.count).toBe(3);
  });

  it('computes again when an entry is damaged, and stores nothing when the computation throws', () => {
    const folder = freshDir();
    useContentCache({ folder, build: 'b' });
    const { calls, compute } = counted(() => ({ value: 42 }));
    cachedByContent('test', ['k'], compute);
    const [entry] = readdirSync(folder);
    const bytes = readFileSync(join(folder, entry));
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(join(folder, entry), bytes);
    expect(cachedByContent('test', ['k'], compute)).toEqual({ value: 42 });
    expect(calls.count).toBe(2);
    expect(cachedByContent('test', ['k'], compute)).toEqual({ value: 42 });
    expect(calls.count).toBe(2);
    expect(() =>
      cachedByContent('test', ['bad'], () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(readdirSync(folder)).toEqual([entry]);
  });

  it('computes when the folder cannot be written (a file stands where it should be)', () => {
    const file = join(freshDir(), 'not-a-folder');
    writeFileSync(file, '');
    useContentCache({ folder: file, build: 'b' });
    const { calls, compute } = counted(() => 7);
    expect(cachedByContent('test', ['k'], compute)).toBe(7);
    expect(cachedByContent('test', ['k'], compute)).toBe(7);
    expect(calls.count).toBe(2);
  });

  it('gives back the shipped data set as loadDataSet makes it: equal, and frozen at the same places', () => {
    const dir = resolve(projectRoot, 'data');
    const fresh = loadDataSet(dir, targetKindRegistry, 'data');
    useContentCache({ folder: freshDir(), build: 'b' });
    loadDataFolder(dir, 'data');
    const stored = loadDataFolder(dir, 'data');
    expect(stored).not.toBe(fresh);
    expect(isDeepStrictEqual(stored, fresh)).toBe(true);
    expect(frozenPaths(stored)).toEqual(frozenPaths(fresh));
  });

  it('loads a data folder again when a file changed, and reports its problems as loadDataSet does', () => {
    const dir = freshDir();
    for (const name of ['sources.csv', 'series.csv', 'observations.csv', 'targets.yaml']) writeFileSync(join(dir, name), readFileSync(resolve(projectRoot, 'data', name)));
    useContentCache({ folder: freshDir(), build: 'b' });
    const before = loadDataFolder(dir, 'd');
    const observations = readFileSync(join(dir, 'observations.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'observations.csv'), observations.filter((_, i) => i !== observations.length - 2).join('\n'));
    expect(loadDataFolder(dir, 'd').observations.length).toBe(before.observations.length - 1);
    writeFileSync(join(dir, 'targets.yaml'), 'targets: [\n');
    const message = (load: () => unknown) => {
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const cachedMessage = message(() => loadDataFolder(dir, 'd'));
    expect(cachedMessage).toContain('targets.yaml');
    useContentCache(undefined);
    expect(message(() => loadDataFolder(dir, 'd'))).toBe(cachedMessage);
  });

  it('gives back a model as parseModelSpec makes it: equal and deeply frozen', () => {
    const text = readFileSync(resolve(projectRoot, 'models/beijing.yaml'), 'utf8');
    const fresh = parseModelSpec('models/beijing.yaml', text);
    useContentCache({ folder: freshDir(), build: 'b' });
    parseModelSpec('models/beijing.yaml', text);
    const stored = parseModelSpec('models/beijing.yaml', text);
    expect(stored).not.toBe(fresh);
    expect(isDeepStrictEqual(stored, fresh)).toBe(true);
    expect(frozenPaths(stored)).toEqual(frozenPaths(fresh));
  });

  it('gives back a scenario as loadScenario makes it, reading the same files in the same order, and sees a change in a file it extends', () => {
    const dir = freshDir();
    for (const name of ['baseline.yaml', 'optimistic.yaml']) writeFileSync(join(dir, name), readFileSync(resolve(projectRoot, 'scenarios', name)));
    const file = join(dir, 'optimistic.yaml');
    const load = () => {
      const reads: string[] = [];
      const scenario = loadScenario(file, (path) => (reads.push(path), readFileSync(path, 'utf8')));
      return { scenario, reads };
    };
    const fresh = load();
    useContentCache({ folder: freshDir(), build: 'b' });
    const cold = load();
    const warm = load();
    for (const again of [cold, warm]) {
      expect(isDeepStrictEqual(again.scenario, fresh.scenario)).toBe(true);
      expect(frozenPaths(again.scenario)).toEqual(frozenPaths(fresh.scenario));
      expect(again.reads).toEqual(fresh.reads);
    }
    expect(fresh.reads).toEqual([file, join(dir, 'baseline.yaml')]);
    writeFileSync(join(dir, 'baseline.yaml'), readFileSync(join(dir, 'baseline.yaml'), 'utf8').replace(/^seed: \d+$/m, 'seed: 4242'));
    expect(load().scenario.seed).toBe(4242);
    expect(load().scenario.seed).toBe(4242);
    useContentCache(undefined);
    expect(load().scenario.seed).toBe(4242);
  });
});
