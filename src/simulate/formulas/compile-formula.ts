// Formula variables: a mathjs expression parsed once and compiled into column loops over the draw arrays.
//
//   text ──parse (mathjs, once)──▶ FormulaTree ──check (whitelist)──▶ issues | closure tree
//   closure tree ──evaluate(env, out)──▶ one loop per operator over Float64Array(draws)
//
// The tree is kept with the model (VariableSpec.formulaTree): a model read from the content cache, or
// a worker thread's copy, compiles from it without parsing, so mathjs is not loaded (formula-tree.ts).
// No `eval` or `new Function` ever sees user text: each tree node becomes a closure from our own code.
import { closestMatch, didYouMean, editDistance } from '../../errors/did-you-mean.js';
import { math } from '../../math/math.js';
import { activeLimits } from '../../io/limits.js';
import { FormulaError, formulaFunctionNames, formulaFunctions, isFormulaFunction, type FormulaIssue } from './formula-error.js';
import { formulaTreeOf, type FormulaTree } from './formula-tree.js';

/** Names a formula may refer to: the model's variables and the formula's parameters. */
export interface FormulaNames {
  readonly variables: readonly string[];
  readonly params: readonly string[];
}

/** Columns a compiled formula reads: one value per draw. */
export interface FormulaEnvironment {
  /** The variable's values in the year being computed. */
  current(name: string): Float64Array;
  /** The variable's values a year before (`lag(name)`). */
  previous(name: string): Float64Array;
  /** The parameter's draws. */
  param(name: string): Float64Array;
}

export interface CompiledFormula {
  readonly expression: string;
  /** Variables used in the same year, in order of first use. */
  readonly inputs: readonly string[];
  /** Variables used a year before, via `lag(x)`. */
  readonly lagged: readonly string[];
  /** Parameters used, in order of first use. */
  readonly params: readonly string[];
  /** Writes the formula's value for every draw into `out` (its length is the number of draws). */
  evaluate(env: FormulaEnvironment, out: Float64Array): void;
}

/** What a formula refers to, and every rule it breaks. */
export interface FormulaAnalysis {
  /** The parsed formula (absent when it does not parse). */
  readonly tree?: FormulaTree;
  readonly inputs: readonly string[];
  readonly lagged: readonly string[];
  readonly params: readonly string[];
  /** Names that are neither variables nor params (so a model can tell which params a formula wants). */
  readonly unknownSymbols: readonly string[];
  readonly issues: readonly FormulaIssue[];
}

type Value = number | Float64Array;
/**
 * A compiled node: its value, a number or a column. `into`, when given, is where a node that makes a
 * column writes it (the formula's own output, for the root): no buffer and no copy for the last step.
 */
type Column = (env: FormulaEnvironment, draws: number, into?: Float64Array) => Value;

/** Binary operators, by mathjs's function name: a closed set of own names (no prototype). */
const operatorFunctions: Readonly<Record<string, (a: number, b: number) => number>> = Object.assign(Object.create(null) as Record<string, (a: number, b: number) => number>, {
  add: (a: number, b: number) => a + b,
  subtract: (a: number, b: number) => a - b,
  multiply: (a: number, b: number) => a * b,
  divide: (a: number, b: number) => a / b,
  pow: (a: number, b: number) => Math.pow(a, b),
});

/**
 * floor, ceil and round go through mathjs itself, so a formula means what mathjs says it means:
 * values within its tolerance (relTol 1e-12) of an integer count as that integer (floor(2.9999999999999996)
 * = 3), and round is half away from zero (round(-2.5) = -3).
 */
const mathjsNumber = (f: (x: number) => unknown) => (x: number) => f(x) as number;

const unaryFunctions: Readonly<Record<string, (x: number) => number>> = Object.assign(Object.create(null) as Record<string, (x: number) => number>, {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  floor: mathjsNumber((x) => math.floor(x)),
  ceil: mathjsNumber((x) => math.ceil(x)),
  round: mathjsNumber((x) => math.round(x)),
});

/** did-you-mean, except where the suggestion would replace the whole name (`z` → `a` helps no one). */
function suggest(name: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(name, candidates);
  return match !== undefined && editDistance(name, match) < name.length ? didYouMean(name, [match]) : undefined;
}

function indexOfName(expression: string, name: string, call: boolean): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])${call ? '\\s*\\(' : ''}`).exec(expression);
  return match ? match.index : undefined;
}

/** Where the nesting of parentheses, brackets and braces first exceeds `limit`, or undefined. */
function nestingBeyond(expression: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > limit) return i;
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return undefined;
}

/**
 * Parses a formula after checking its size (the parser and the compiled closures recurse as deep
 * as the expression: the limits keep them far from the stack's end).
 */
function parseFormula(expression: string, checkSize = true): { tree?: FormulaTree; issue?: FormulaIssue } {
  const limits = activeLimits();
  if (checkSize && expression.length > limits.formulaLength) return { issue: { kind: 'length', limit: limits.formulaLength, count: expression.length } };
  const deep = checkSize ? nestingBeyond(expression, limits.formulaDepth) : undefined;
  if (deep !== undefined) return { issue: { kind: 'depth', limit: limits.formulaDepth, index: deep } };
  try {
    return { tree: formulaTreeOf(math.parse(expression)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const char = (error as { char?: number }).char;
    const detail = message.replace(/\s*\(char \d+\)$/, '').replace(/^./, (c) => c.toLowerCase());
    // mathjs counts characters from 1.
    return { issue: { kind: 'syntax', detail: char !== undefined ? `${detail} at character ${char}` : detail, index: char !== undefined ? char - 1 : undefined } };
  }
}

/** Walks the tree once: checks the whitelist and collects the names used. */
function walk(expression: string, root: FormulaTree, names: FormulaNames) {
  const variables = new Set(names.variables);
  const params = new Set(names.params);
  const inputs: string[] = [];
  const lagged: string[] = [];
  const usedParams: string[] = [];
  const unknownSymbols: string[] = [];
  const issues: FormulaIssue[] = [];
  const addOnce = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };

  const visit = (node: FormulaTree): void => {
    switch (node.kind) {
      case 'number':
        return;
      case 'symbol': {
        const name = node.name;
        if (variables.has(name)) addOnce(inputs, name);
        else if (params.has(name)) addOnce(usedParams, name);
        else if (!unknownSymbols.includes(name)) {
          unknownSymbols.push(name);
          issues.push({ kind: 'symbol', text: name, hint: suggest(name, [...names.variables, ...names.params]), index: indexOfName(expression, name, false) });
        }
        return;
      }
      case 'operator': {
        const { fn, args } = node;
        const allowed = args.length === 2 ? Object.hasOwn(operatorFunctions, fn) : args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus');
        if (!allowed) {
          issues.push({ kind: 'operator', text: node.op, index: expression.indexOf(node.op) });
          return;
        }
        args.forEach(visit);
        return;
      }
      case 'call': {
        const { name, args } = node;
        const index = indexOfName(expression, name, true);
        if (name === 'lag') {
          const argument = args[0];
          if (args.length !== 1 || argument?.kind !== 'symbol' || !variables.has(argument.name)) {
            issues.push({ kind: 'lag', text: node.text, index });
          } else addOnce(lagged, argument.name);
          return;
        }
        const signature = isFormulaFunction(name) ? formulaFunctions[name] : undefined;
        if (!signature) {
          issues.push({ kind: 'function', text: name, hint: suggest(name, formulaFunctionNames), index });
        } else if (args.length < signature.min || args.length > signature.max) {
          issues.push({ kind: 'arity', text: name, arity: signature.arity, count: args.length, index });
        }
        args.forEach(visit);
        return;
      }
      case 'other':
        issues.push({ kind: 'operator', text: node.text, index: node.constant ? expression.indexOf(node.text) : 0 });
    }
  };
  visit(root);
  return { inputs, lagged, params: usedParams, unknownSymbols, issues };
}

/**
 * Checks a formula without compiling it: which variables (same year and lagged) and params it
 * uses, and every rule it breaks (syntax, unknown names, functions off the whitelist, other operators).
 * @example analyzeFormula('a * k + lag(a)', { variables: ['a'], params: ['k'] });
 * // => { tree: { kind: 'operator', fn: 'add', … }, inputs: ['a'], lagged: ['a'], params: ['k'], unknownSymbols: [], issues: [] }
 */
export function analyzeFormula(expression: string, names: FormulaNames): FormulaAnalysis {
  const { tree, issue } = parseFormula(expression);
  if (!tree) return { inputs: [], lagged: [], params: [], unknownSymbols: [], issues: [issue!] };
  return { tree, ...walk(expression, tree, names) };
}

/** A column for a binary operator, with scalar folding and one buffer owned by the node (unless given `into`). */
function binary(fn: string, left: Column, right: Column): Column {
  const op = operatorFunctions[fn];
  let buffer = new Float64Array(0);
  return (env, draws, into) => {
    const a = left(env, draws);
    const b = right(env, draws);
    if (typeof a === 'number' && typeof b === 'number') return op(a, b);
    if (!into && buffer.length !== draws) buffer = new Float64Array(draws);
    const out = into ?? buffer;
    // Monomorphic loops for the common operators; pow goes through Math.pow.
    if (typeof a === 'number') {
      const y = b as Float64Array;
      if (fn === 'add') for (let i = 0; i < draws; i++) out[i] = a + y[i];
      else if (fn === 'subtract') for (let i = 0; i < draws; i++) out[i] = a - y[i];
      else if (fn === 'multiply') for (let i = 0; i < draws; i++) out[i] = a * y[i];
      else if (fn === 'divide') for (let i = 0; i < draws; i++) out[i] = a / y[i];
      else for (let i = 0; i < draws; i++) out[i] = Math.pow(a, y[i]);
    } else if (typeof b === 'number') {
      if (fn === 'add') for (let i = 0; i < draws; i++) out[i] = a[i] + b;
      else if (fn === 'subtract') for (let i = 0; i < draws; i++) out[i] = a[i] - b;
      else if (fn === 'multiply') for (let i = 0; i < draws; i++) out[i] = a[i] * b;
      else if (fn === 'divide') for (let i = 0; i < draws; i++) out[i] = a[i] / b;
      else for (let i = 0; i < draws; i++) out[i] = Math.pow(a[i], b);
    } else {
      if (fn === 'add') for (let i = 0; i < draws; i++) out[i] = a[i] + b[i];
      else if (fn === 'subtract') for (let i = 0; i < draws; i++) out[i] = a[i] - b[i];
      else if (fn === 'multiply') for (let i = 0; i < draws; i++) out[i] = a[i] * b[i];
      else if (fn === 'divide') for (let i = 0; i < draws; i++) out[i] = a[i] / b[i];
      else for (let i = 0; i < draws; i++) out[i] = Math.pow(a[i], b[i]);
    }
    return out;
  };
}

function unary(f: (x: number) => number, argument: Column): Column {
  let buffer = new Float64Array(0);
  return (env, draws, into) => {
    const a = argument(env, draws);
    if (typeof a === 'number') return f(a);
    if (!into && buffer.length !== draws) buffer = new Float64Array(draws);
    const out = into ?? buffer;
    for (let i = 0; i < draws; i++) out[i] = f(a[i]);
    return out;
  };
}

/** min / max over any number of arguments, element by element. */
function extremum(pick: (a: number, b: number) => number, args: readonly Column[]): Column {
  let ownBuffer = new Float64Array(0);
  return (env, draws, into) => {
    const values = args.map((arg) => arg(env, draws));
    if (values.every((v) => typeof v === 'number')) return (values as number[]).reduce(pick);
    if (!into && ownBuffer.length !== draws) ownBuffer = new Float64Array(draws);
    const buffer = into ?? ownBuffer;
    const first = values[0];
    if (typeof first === 'number') buffer.fill(first);
    else buffer.set(first);
    for (const value of values.slice(1)) {
      if (typeof value === 'number') for (let i = 0; i < draws; i++) buffer[i] = pick(buffer[i], value);
      else for (let i = 0; i < draws; i++) buffer[i] = pick(buffer[i], value[i]);
    }
    return buffer;
  };
}

/** Turns a checked tree into a closure tree (the walk has already refused anything off the whitelist). */
function build(node: FormulaTree, variables: ReadonlySet<string>): Column {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'symbol': {
      const name = node.name;
      return variables.has(name) ? (env) => env.current(name) : (env) => env.param(name);
    }
    case 'operator': {
      const fn = node.fn;
      const args = node.args.map((arg) => build(arg, variables));
      if (fn === 'unaryPlus') return args[0];
      if (fn === 'unaryMinus') return unary((x) => -x, args[0]);
      return binary(fn, args[0], args[1]);
    }
    case 'call': {
      const name = node.name;
      if (name === 'lag') {
        const variable = (node.args[0] as { name: string }).name;
        return (env) => env.previous(variable);
      }
      const args = node.args.map((arg) => build(arg, variables));
      if (name === 'min') return extremum(Math.min, args);
      if (name === 'max') return extremum(Math.max, args);
      if (name === 'pow') return binary('pow', args[0], args[1]);
      if (name === 'log' && args.length === 2) {
        // log(x, base) = ln x / ln base, as mathjs defines it.
        return binary('divide', unary(Math.log, args[0]), unary(Math.log, args[1]));
      }
      return unary(unaryFunctions[name], args[0]);
    }
    default:
      throw new Error(`compileFormula: unchecked node ${node.kind}`);
  }
}

/**
 * Compiles a formula into a loop over the draw arrays. Allowed: numbers, variable and parameter
 * names, + − * / ^, unary minus, parentheses, exp log sqrt abs min max pow floor ceil round, and
 * lag(variable) for last year's value. log is natural (log(x, b) = ln x / ln b); floor, ceil and round
 * are mathjs's own; sqrt and log of negative numbers give NaN (mathjs would give complex numbers),
 * which a run reports as an input error at the formula (pipeline/non-finite-problem.ts).
 * @param expression mathjs syntax, e.g. `aiCoreIndustry * radiatingMultiplier`
 * @param names the model's variables and the formula's parameters
 * @param parsed its tree when the model kept it (VariableSpec.formulaTree): no parse, no mathjs
 * @returns the compiled formula with the names it uses
 * @throws FormulaError with every issue when the formula breaks a rule
 * @example
 * const f = compileFormula('a * k', { variables: ['a'], params: ['k'] });
 * const out = new Float64Array(2);
 * f.evaluate({ current: () => Float64Array.of(1, 2), previous: () => new Float64Array(2), param: () => Float64Array.of(3, 3) }, out);
 * out; // => Float64Array [3, 6]
 * @see https://mathjs.org/docs/expressions/parsing.html
 */
export function compileFormula(expression: string, names: FormulaNames, parsed?: FormulaTree): CompiledFormula {
  // Sizes were checked when the model was read (analyzeFormula, with the limits of that command);
  // a worker thread compiling the same text must not judge it by other limits.
  const { tree, issue } = parsed ? { tree: parsed } : parseFormula(expression, false);
  if (!tree) throw new FormulaError(expression, [issue!]);
  const analysis = walk(expression, tree, names);
  if (analysis.issues.length > 0) throw new FormulaError(expression, analysis.issues);
  const column = build(tree, new Set(names.variables));
  return {
    expression,
    inputs: analysis.inputs,
    lagged: analysis.lagged,
    params: analysis.params,
    evaluate(env, out) {
      // `out` is never an operand (a formula cannot read itself in the same year; lag() reads another column).
      const value = column(env, out.length, out);
      if (typeof value === 'number') out.fill(value);
      else if (value !== out) out.set(value);
    },
  };
}
