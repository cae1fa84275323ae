// Which fully resolved assumptions differ between scenarios: a flat diff of their `resolved` objects.

/** One path whose value differs between scenarios: the value in each (undefined where absent). */
export interface ResolvedDifference {
  /** Dotted path into the resolved scenario, e.g. `assumptions.aiCoreIndustry.growth.mean`. */
  readonly path: string;
  /** One value per scenario, in the order given, as written in YAML (after `extends`). */
  readonly values: readonly unknown[];
}

/** Keys that name the scenario rather than assume anything. */
const identityKeys = new Set(['scenario']);

/**
 * Flattens each resolved scenario to `path → leaf` and lists every path whose leaves are not all
 * equal. Maps are walked; lists, scalars and distributions (maps with a `dist` key) are leaves,
 * since `extends` replaces lists and distributions whole. Paths are in sorted order; `scenario`
 * (the name) is left out.
 * @param resolved the `resolved` object of each scenario, the reference first
 * @example diffResolved([{ a: { x: 1, y: 2 } }, { a: { x: 1, y: 3 } }]);
 * // => [{ path: 'a.y', values: [2, 3] }]
 */
export function diffResolved(resolved: readonly unknown[]): ResolvedDifference[] {
  const flats = resolved.map((object) => flatten(object));
  const paths = [...new Set(flats.flatMap((flat) => [...flat.keys()]))].sort();
  const out: ResolvedDifference[] = [];
  for (const path of paths) {
    if (identityKeys.has(path)) continue;
    const values = flats.map((flat) => flat.get(path));
    const shown = values.map((value) => JSON.stringify(value));
    if (shown.every((text) => text === shown[0])) continue;
    out.push({ path, values });
  }
  return out;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isMap(value) && !('dist' in value) && (Object.keys(value).length > 0 || prefix === '')) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix !== '') out.set(prefix, value);
  return out;
}
