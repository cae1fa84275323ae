import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from 'mathjs/number';
import { analyzeFormula, compileFormula, type FormulaEnvironment } from '../../src/simulate/formulas/compile-formula.js';
import { FormulaError } from '../../src/simulate/formulas/formula-error.js';

const names = { variables: ['a', 'b', 'c'], params: ['k', 'm'] };

/** Environment over plain arrays: variables this year, last year, and parameter draws. */
function environment(columns: Record<string, number[]>): FormulaEnvironment {
  const column = (name: string) => {
    const values = columns[name];
    if (!values) throw new Error(`no column ${name}`);
    return Float64Array.from(values);
  };
  return { current: column, previous: (name) => column(`lag_${name}`), param: column };
}

/**
 * The slow, obviously correct reference: mathjs `evaluate` element by element on the same expression
 * (with `lag(x)` read from the column `lag_x`).
 */
function reference(expression: string, columns: Record<string, number[]>, draws: number): number[] {
  const scalar = expression.replace(/lag\((\w+)\)/g, 'lag_$1');
  const compiled = compile(scalar);
  return Array.from({ length: draws }, (_, i) => {
    const scope = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]]));
    return compiled.evaluate(scope) as number;
  });
}

const expressions = [
  'a * k',
  'a + b - c / m',
  '-a + (b - 2) * 3',
  'a ^ 2 + b ^ 0.5',
  'exp(k) * log(a) + sqrt(b) - abs(c - 2)',
  'min(a, b, 3) + max(c, k) + pow(a, 1.5)',
  'floor(a * 10) + ceil(b) + round(c * 7.3)',
  'log(a, 2) + +b',
  'lag(a) + b * lag(c)',
  '2 * 3 + 1',
  '2a + 3',
];

describe('compileFormula', () => {
  it.each(expressions)('compileFormula(%j) equals mathjs evaluated draw by draw', (expression) => {
    const positive = fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(positive, fc.integer({ min: 0, max: 1000 }), (values, shift) => {
        const draws = values.length;
        const rotate = (by: number) => values.map((_, i) => values[(i + by + shift) % draws]);
        const columns = { a: rotate(0), b: rotate(1), c: rotate(2), k: rotate(3).map((x) => x / 50), m: rotate(4), lag_a: rotate(5), lag_c: rotate(6) };
        const out = new Float64Array(draws);
        compileFormula(expression, names).evaluate(environment(columns), out);
        const expected = reference(expression, columns, draws);
        for (let i = 0; i < draws; i++) {
          expect(Math.abs(out[i] - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i])));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('lists the variables used in the same year, those used via lag() and the params', () => {
    const formula = compileFormula('a * k + lag(b) + a / m + lag(a)', names);
    expect(formula.inputs).toEqual(['a']);
    expect(formula.lagged).toEqual(['b', 'a']);
    expect(formula.params).toEqual(['k', 'm']);
  });

  it('lag(x) reads last year while x reads this year', () => {
    const formula = compileFormula('lag(a) + a', { variables: ['a'], params: [] });
    const out = new Float64Array(2);
    formula.evaluate({ current: () => Float64Array.of(10, 20), previous: () => Float64Array.of(1, 2), param: () => new Float64Array(2) }, out);
    expect(Array.from(out)).toEqual([11, 22]);
  });

  it('fills every draw when the formula is a constant', () => {
    const out = new Float64Array(3);
    compileFormula('2 ^ 3 - 1', names).evaluate(environment({}), out);
    expect(Array.from(out)).toEqual([7, 7, 7]);
  });

  it('never writes into the columns it reads', () => {
    const a = Float64Array.of(1, 2, 3);
    const out = new Float64Array(3);
    compileFormula('+a', { variables: ['a'], params: [] }).evaluate({ current: () => a, previous: () => a, param: () => a }, out);
    compileFormula('-a', { variables: ['a'], params: [] }).evaluate({ current: () => a, previous: () => a, param: () => a }, out);
    expect(Array.from(a)).toEqual([1, 2, 3]);
    expect(Array.from(out)).toEqual([-1, -2, -3]);
  });

  it('evaluates again with another number of draws', () => {
    const formula = compileFormula('a * 2 + k', names);
    const run = (draws: number) => {
      const out = new Float64Array(draws);
      formula.evaluate({ current: () => new Float64Array(draws).fill(1), previous: () => new Float64Array(draws), param: () => new Float64Array(draws).fill(0.5) }, out);
      return Array.from(out);
    };
    expect(run(2)).toEqual([2.5, 2.5]);
    expect(run(3)).toEqual([2.5, 2.5, 2.5]);
  });
});

describe('compileFormula rejects anything off the whitelist', () => {
  const failure = (expression: string) => {
    try {
      compileFormula(expression, names);
    } catch (error) {
      expect(error).toBeInstanceOf(FormulaError);
      return (error as FormulaError).message;
    }
    throw new Error(`compiled: ${expression}`);
  };

  it('names an unknown function with did-you-mean', () => {
    expect(failure('sin(a) + a')).toBe(
      'formula must use only the functions exp, log, sqrt, abs, min, max, pow, floor, ceil, round, lag, got "sin" (did you mean "min"?)',
    );
  });

  it('names an unknown symbol with did-you-mean', () => {
    expect(failure('aa * kk + z')).toBe(
      [
        'formula must use only known variables and parameters, got "aa" (did you mean "a"?)',
        'formula must use only known variables and parameters, got "kk" (did you mean "k"?)',
        'formula must use only known variables and parameters, got "z"',
      ].join('\n'),
    );
  });

  it('refuses other operators, assignments, strings, matrices and property access', () => {
    expect(failure('a % b')).toBe('formula must use only numbers, names, + - * / ^, parentheses and whitelisted functions, got "%"');
    expect(failure('a == b')).toMatch(/^formula must use only numbers, names, .*, got "=="$/);
    expect(failure('x = 2')).toMatch(/got "x = 2"$/);
    expect(failure('"text"')).toMatch(/got "\\"text\\""$/);
    expect(failure('[1, 2]')).toMatch(/got "\[1, 2\]"$/);
    expect(failure('a ? b : c')).toMatch(/got "a \? b : c"$/);
    expect(failure('a!')).toMatch(/got "!"$/);
  });

  it('checks how many arguments each function takes', () => {
    expect(failure('pow(a)')).toBe('formula must call pow() with two arguments, got 1');
    expect(failure('exp(a, b)')).toBe('formula must call exp() with one argument, got 2');
  });

  it('takes only a variable name inside lag()', () => {
    expect(failure('lag(a + b)')).toBe('formula must call lag() with one variable name, got "lag(a + b)"');
    expect(failure('lag(k)')).toBe('formula must call lag() with one variable name, got "lag(k)"');
  });

  it('reports a syntax error with its position', () => {
    expect(failure('a * (b + ')).toBe('formula must be a valid expression, got "a * (b + " (unexpected end of expression at character 10)');
  });

  it('analyzeFormula returns the issues instead of throwing, with their positions', () => {
    const analysis = analyzeFormula('a * cos(q)', names);
    expect(analysis.issues).toEqual([
      { kind: 'function', text: 'cos', hint: 'did you mean "log"?', index: 4 },
      { kind: 'symbol', text: 'q', hint: undefined, index: 8 },
    ]);
    expect(analysis.unknownSymbols).toEqual(['q']);
  });
});
