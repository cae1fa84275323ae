// The data folder as every command loads it: loadDataSet with the engine's target kinds, kept in the
// content cache (src/io/content-cache.ts), so a command run again on unchanged files skips parsing
// and checking them (most of `forecast data`'s time).
import { join } from 'node:path';
import { dataFiles, deepFreezeDataSet, loadDataSet } from '../data/load-data-set.js';
import type { DataSet } from '../data/types.js';
import { targetKindRegistry } from '../evaluate/target-kinds/registry.js';
import { cachedByContent, contentCacheOn } from './content-cache.js';
import { activeLimits } from './limits.js';
import { readBytes } from './read-text.js';

/**
 * Loads and checks a data folder (loadDataSet with targetKindRegistry). The cached value is keyed by
 * the bytes of its four files, the active limits and how the folder is named in messages: a folder
 * whose files changed is loaded again, and one with a problem is always loaded (only a data set
 * that passed every check is stored), so messages and exit codes are those of loadDataSet.
 * @param dir the folder (absolute)
 * @param displayDir how the folder is named in messages and in each target's `file`
 * @returns the checked, frozen data set
 * @throws InputError listing every problem in the four files
 */
export function loadDataFolder(dir: string, displayDir: string): DataSet {
  const load = () => loadDataSet(dir, targetKindRegistry, displayDir);
  if (!contentCacheOn()) return load();
  const key: (string | Uint8Array)[] = [displayDir, JSON.stringify(activeLimits())];
  for (const name of Object.values(dataFiles)) {
    let bytes: Buffer;
    try {
      bytes = readBytes(join(dir, name));
    } catch {
      return load(); // missing, not a regular file or too large: loadDataSet says which
    }
    key.push(name, bytes);
  }
  // A stored data set comes back unfrozen: frozen here exactly as loadDataSet freezes its own.
  return deepFreezeDataSet(cachedByContent('data-set', key, load));
}
