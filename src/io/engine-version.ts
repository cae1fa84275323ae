// The engine's own version, read from its package.json (found by walking up from this module).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The `version` of the package this module belongs to ("unknown" if it cannot be found). */
export function engineVersion(): string {
  if (cached) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'beijing-forecast') return (cached = pkg.version ?? 'unknown');
    }
    folder = dirname(folder);
  }
  return (cached = 'unknown');
}
