// The formula whitelist is a closed set of own names: nothing reachable from a plain object or from
// Function.prototype (the names a lookup on an ordinary object would find) is ever accepted.
import { describe, expect, it } from 'vitest';
import { analyzeFormula, compileFormula } from '../../src/simulate/formulas/compile-formula.js';
import { FormulaError, formulaFunctionNames, isFormulaFunction } from '../../src/simulate/formulas/formula-error.js';

/** Every property name on the prototype chains of a plain object, a function and their constructors. */
function reachableNames(): string[] {
  const names = new Set<string>();
  const roots: unknown[] = [{}, Object.prototype, Function.prototype, Object, Function, () => 0, [], Array.prototype, '', 0, Symbol.prototype];
  for (const root of roots) {
    let current: unknown = root;
    while (current !== null && current !== undefined) {
      for (const name of Object.getOwnPropertyNames(current)) names.add(name);
      current = Object.getPrototypeOf(current);
    }
  }
  return [...names].sort();
}

/** Names the mathjs parser reads as one identifier (letters, digits, `_` and `$`, not starting with a digit). */
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const names = { variables: ['x'], params: ['k'] };

describe('the formula whitelist', () => {
  const reachable = reachableNames().filter((name) => identifier.test(name));

  it('enumerates the names an ordinary lookup could reach (toString, constructor, __proto__, …)', () => {
    expect(reachable).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'call', 'apply', 'bind']));
    expect(reachable.length).toBeGreaterThan(60);
  });

  it('holds none of them', () => {
    for (const name of reachable) expect(isFormulaFunction(name), name).toBe(formulaFunctionNames.includes(name) && name !== 'lag');
    expect(reachable.filter((name) => formulaFunctionNames.includes(name))).toEqual(['abs', 'ceil', 'exp', 'floor', 'log', 'max', 'min', 'pow', 'round', 'sqrt'].filter((name) => reachable.includes(name)));
  });

  it.each(reachableNames().filter((name) => identifier.test(name) && !formulaFunctionNames.includes(name)))('refuses %s as a function, a name and a property', (name) => {
    for (const expression of [`${name}(x)`, `${name}(x, k)`, `x * ${name}`, `x.${name}`, `x["${name}"]`, `${name}`]) {
      const analysis = analyzeFormula(expression, names);
      expect(analysis.issues.length, expression).toBeGreaterThan(0);
      expect(() => compileFormula(expression, names), expression).toThrow(FormulaError);
    }
  });
});
