// A located input problem: where it is, which field, which rule, which value.

/** The `file` of a problem with a command-line value (a flag) rather than a file. */
export const commandLineFile = 'command line';

/** One problem found in an input file, with its position when known. */
export interface Problem {
  /** Path of the file as given on the command line or relative to the project. */
  readonly file: string;
  /** 1-based line; absent when the problem concerns the file as a whole. */
  readonly line?: number;
  /** 1-based column. */
  readonly col?: number;
  /** Field path such as `targets[1].year` or a CSV column name. */
  readonly field?: string;
  /** The message, `<field> must <rule>, got <value>`: lowercase, no final period. */
  readonly message: string;
  /** Optional hint, e.g. `did you mean "compound"?`. */
  readonly hint?: string;
  /** Source line(s) with a caret, rendered under the message. */
  readonly frame?: string;
}

/** Orders problems by file, line and column so reports are stable. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.col ?? 0) - (b.col ?? 0);
}

/**
 * Renders a problem as `file:line:col  error  message (hint)` followed by its code frame.
 * @example renderProblem({ file: 'a.yaml', line: 3, col: 7, message: 'x must be a number, got "y"' })
 * // => 'a.yaml:3:7  error  x must be a number, got "y"'
 */
export function renderProblem(problem: Problem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.col !== undefined) where += `:${problem.col}`;
  let text = `${where}  error  ${problem.message}`;
  if (problem.hint) text += ` (${problem.hint})`;
  if (problem.frame) text += `\n${problem.frame}`;
  return text;
}
