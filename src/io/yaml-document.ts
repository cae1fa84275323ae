// Parses YAML keeping positions, so semantic errors can point at file:line:col (STYLE 3.5).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { InputError } from '../errors/input-error.js';
import type { Problem } from '../errors/problem.js';
import { messages } from '../errors/messages.js';
import { codeFrame } from './code-frame.js';
import { activeLimits, raiseHint } from './limits.js';

// formatPath and PathSegment live in format-path.ts (code that only names fields needs no YAML parser).
import { formatPath, type PathSegment } from './format-path.js';
export { formatPath, type PathSegment };

/** A parsed YAML file: its plain value plus a way to locate any path inside it. */
export interface YamlDocument {
  readonly file: string;
  readonly text: string;
  /** The plain JavaScript value (maps → objects, sequences → arrays). */
  readonly value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[]): { line: number; col: number; width: number };
  /** Line and column of the *key* at `path` (for unknown-key messages). */
  locateKey(path: readonly PathSegment[]): { line: number; col: number; width: number };
  /** A Problem at `path` with a code frame. */
  problem(path: readonly PathSegment[], message: string, hint?: string, atKey?: boolean): Problem;
}

/** Names every JavaScript object already has: as keys they would reach the prototype, not the data. */
export const reservedKeys: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Parses YAML text with unique keys (each map's keys distinct) and positions, within the limits of src/io/limits.ts: alias
 * expansions, nesting depth and number of values are checked before the plain value is built, and
 * keys that name a property every JavaScript object has (`__proto__`, `constructor`, …) are refused.
 * @throws InputError listing every syntax error or broken limit with line:col and a code frame.
 * @example parseYamlDocument('a.yaml', 'x: 1\n').value; // => { x: 1 }
 */
export function parseYamlDocument(file: string, text: string): YamlDocument {
  const limits = activeLimits();
  const lineCounter = new LineCounter();
  // Duplicate keys are found in the walk below: the library's own check compares every key with every
  // other (20,000 keys took 5 s), ours costs one set per map.
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number, message: string, hint?: string, width = 1): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, message, hint, frame: codeFrame(text, line, col, width) };
  };
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error) => {
        const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return at(error.pos[0], messages.yamlSyntax(detail));
      }),
    );
  }

  // Before the plain value is built: depth, size, aliases and reserved keys, in one walk.
  const problems: Problem[] = [];
  let nodes = 0;
  let aliases = 0;
  let firstAlias: Node | undefined;
  const walk = (node: unknown, path: readonly PathSegment[], depth: number): void => {
    if (problems.length >= limits.problemsShown) return;
    nodes++;
    if (isAlias(node)) {
      aliases++;
      firstAlias ??= node;
      if (node.resolve(doc) === undefined) {
        problems.push(at(node.range?.[0] ?? 0, messages.mustBe(formatPath(path), 'name an anchor set before it', `*${node.source}`)));
      }
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > limits.yamlDepth) {
      problems.push(at(node.range?.[0] ?? 0, messages.yamlDepth(limits.yamlDepth), raiseHint('yamlDepth')));
      return;
    }
    const seen = new Map<string, number>();
    node.items.forEach((item: unknown, index: number) => {
      if (isPair(item)) {
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        const here = [...path, key ?? index];
        const offset = (item.key as Node | null)?.range?.[0] ?? 0;
        if (key !== undefined && reservedKeys.has(key)) {
          problems.push(at(offset, messages.reservedKey(formatPath(here), key), undefined, key.length));
        } else if (key !== undefined && seen.has(key)) {
          problems.push(at(offset, messages.duplicate(formatPath(here), key, seen.get(key)!), undefined, key.length));
        } else if (key !== undefined) seen.set(key, lineCounter.linePos(offset).line);
        nodes++;
        walk(item.value, here, depth + 1);
      } else walk(item, [...path, index], depth + 1);
    });
  };
  walk(doc.contents, [], 1);
  if (nodes > limits.yamlNodes) problems.push({ file, message: messages.yamlNodes(limits.yamlNodes, nodes), hint: raiseHint('yamlNodes') });
  if (problems.length > 0) throw new InputError(problems);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.yamlAliases });
  } catch (error) {
    // The yaml library counts expansions as it builds the value: too many is a "billion laughs" file.
    if (!(error instanceof ReferenceError) || !firstAlias) throw error;
    throw new InputError([at(firstAlias.range?.[0] ?? 0, messages.yamlAliases(limits.yamlAliases, aliases), raiseHint('yamlAliases'))]);
  }

  // Each map's keys indexed once, so locating n problems costs O(n), not O(n × keys).
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: PathSegment): Pair | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      keyIndex.set(map, index);
    }
    return index.get(String(segment));
  };

  const nodeAt = (path: readonly PathSegment[]): { node: Node | null; keyNode: Node | null } => {
    let node: unknown = doc.contents;
    let keyNode: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = null;
        node = node.items[segment];
      } else break;
    }
    return { node: (node as Node | null) ?? null, keyNode };
  };

  const position = (node: Node | null) => {
    const range = node?.range;
    if (!range) return { line: 1, col: 1, width: 1 };
    const { line, col } = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    const width = end.line === line ? Math.max(1, end.col - col) : 1;
    return { line, col, width };
  };

  const locate = (path: readonly PathSegment[]) => position(nodeAt(path).node);
  const locateKey = (path: readonly PathSegment[]) => {
    const { node, keyNode } = nodeAt(path);
    return position(keyNode ?? node);
  };

  return {
    file,
    text,
    value,
    locate,
    locateKey,
    problem(path, message, hint, atKey = false) {
      const { line, col, width } = atKey ? locateKey(path) : locate(path);
      return { file, line, col, field: formatPath(path), message, hint, frame: codeFrame(text, line, col, width) };
    },
  };
}
