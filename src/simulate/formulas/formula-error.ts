// Problems found in a formula, kept free of file positions so spec/ can locate them in the YAML.
import { specMessages } from '../../errors/messages.js';
import { raiseHint } from '../../io/limits.js';

/**
 * The functions a formula may call (plus `lag(variable)`), with how many arguments each takes. A
 * closed set of own names: the object has no prototype, and lookups go through isFormulaFunction,
 * so `toString`, `constructor` or `__proto__` are never found on it.
 */
export const formulaFunctions: Readonly<Record<string, { readonly min: number; readonly max: number; readonly arity: string }>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, { readonly min: number; readonly max: number; readonly arity: string }>, {
    exp: { min: 1, max: 1, arity: 'one argument' },
    log: { min: 1, max: 2, arity: 'one or two arguments' },
    sqrt: { min: 1, max: 1, arity: 'one argument' },
    abs: { min: 1, max: 1, arity: 'one argument' },
    min: { min: 1, max: Infinity, arity: 'at least one argument' },
    max: { min: 1, max: Infinity, arity: 'at least one argument' },
    pow: { min: 2, max: 2, arity: 'two arguments' },
    floor: { min: 1, max: 1, arity: 'one argument' },
    ceil: { min: 1, max: 1, arity: 'one argument' },
    round: { min: 1, max: 1, arity: 'one argument' },
  }),
);

/**
 * True when `name` is one of the whitelisted functions (an own name of formulaFunctions, never an
 * inherited one).
 * @example isFormulaFunction('sqrt'); // => true
 * @example isFormulaFunction('constructor'); // => false
 */
export function isFormulaFunction(name: string): boolean {
  return Object.hasOwn(formulaFunctions, name);
}

/** Every name a formula may call, `lag` included. */
export const formulaFunctionNames: readonly string[] = [...Object.keys(formulaFunctions), 'lag'];

/**
 * One problem in a formula. `text` is the part of the expression to point at (a name or an operator),
 * `index` its 0-based position in the expression when known.
 */
export type FormulaIssue =
  | { readonly kind: 'syntax'; readonly detail: string; readonly index?: number }
  | { readonly kind: 'function'; readonly text: string; readonly hint?: string; readonly index?: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly hint?: string; readonly index?: number }
  | { readonly kind: 'operator'; readonly text: string; readonly index?: number }
  | { readonly kind: 'arity'; readonly text: string; readonly arity: string; readonly count: number; readonly index?: number }
  | { readonly kind: 'lag'; readonly text: string; readonly index?: number }
  | { readonly kind: 'length'; readonly limit: number; readonly count: number; readonly index?: undefined }
  | { readonly kind: 'depth'; readonly limit: number; readonly index: number };

/**
 * Words a formula issue as `<field> must <rule>, got <value>`.
 * @example formulaIssueMessage('variables.x.formula', 'a + b', { kind: 'symbol', text: 'b' });
 * // => 'variables.x.formula must use only known variables and parameters, got "b"'
 */
export function formulaIssueMessage(field: string, expression: string, issue: FormulaIssue): string {
  switch (issue.kind) {
    case 'syntax':
      return specMessages.formulaSyntax(field, expression);
    case 'function':
      return specMessages.formulaFunction(field, formulaFunctionNames, issue.text);
    case 'symbol':
      return specMessages.formulaSymbol(field, issue.text);
    case 'operator':
      return specMessages.formulaOperator(field, issue.text);
    case 'arity':
      return specMessages.formulaArity(field, issue.text, issue.arity, issue.count);
    case 'lag':
      return specMessages.formulaLag(field, issue.text);
    case 'length':
      return specMessages.formulaLength(field, issue.limit, issue.count);
    case 'depth':
      return specMessages.formulaDepth(field, issue.limit);
  }
}

/** The hint shown after a formula issue's message: a did-you-mean, or the parser's own words for a syntax error. */
export function formulaIssueHint(issue: FormulaIssue): string | undefined {
  if (issue.kind === 'syntax') return issue.detail;
  if (issue.kind === 'function' || issue.kind === 'symbol') return issue.hint;
  if (issue.kind === 'length') return raiseHint('formulaLength');
  if (issue.kind === 'depth') return raiseHint('formulaDepth');
  return undefined;
}

/** Thrown by `compileFormula` when a formula breaks a rule; spec/ checks formulas first and locates each issue. */
export class FormulaError extends Error {
  readonly expression: string;
  readonly issues: readonly FormulaIssue[];

  constructor(expression: string, issues: readonly FormulaIssue[]) {
    super(issues.map((issue) => formulaIssueMessage('formula', expression, issue) + (formulaIssueHint(issue) ? ` (${formulaIssueHint(issue)})` : '')).join('\n'));
    this.name = 'FormulaError';
    this.expression = expression;
    this.issues = issues;
  }
}
