// A field path as the user reads it in messages: `targets[1].year` (no YAML library needed).

/** One step of a path: a map key or a list index. */
export type PathSegment = string | number;

/**
 * Renders a path as the user sees it: `targets[1].year`.
 * @example formatPath(['targets', 1, 'year']); // => 'targets[1].year'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}
