// Parses YAML keeping positions, so semantic errors can point at file:line:col (STYLE 3.5).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError } from '../errors/input-error.js';
import type { Problem } from '../errors/problem.js';
import { messages } from '../errors/messages.js';
import { codeFrame } from './code-frame.js';

export type PathSegment = string | number;

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

/**
 * Parses YAML text with unique keys and positions.
 * @throws InputError listing every syntax error with line:col and a code frame.
 */
export function parseYamlDocument(file: string, text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return { file, line, col, message: messages.yamlSyntax(detail), frame: codeFrame(text, line, col) };
      }),
    );
  }

  const nodeAt = (path: readonly PathSegment[]): { node: Node | null; keyNode: Node | null } => {
    let node: unknown = doc.contents;
    let keyNode: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
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
    value: doc.toJS({ maxAliasCount: 100 }),
    locate,
    locateKey,
    problem(path, message, hint, atKey = false) {
      const { line, col, width } = atKey ? locateKey(path) : locate(path);
      return { file, line, col, field: formatPath(path), message, hint, frame: codeFrame(text, line, col, width) };
    },
  };
}
