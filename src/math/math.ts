// The one mathjs instance of the engine: plain JavaScript numbers only (no BigNumber, no Fraction),
// made of just the parts formulas need (formula-math.ts), and only when a formula is first parsed
// or rounded: a model read from the content cache brings its formulas parsed (VariableSpec.formulaTree).
import type { MathJsInstance } from 'mathjs/number';
import { createFormulaMath } from './formula-math.js';

let instance: MathJsInstance | undefined;

/**
 * The instance, made on first use, so a command that parses no formula never pays for it; the
 * single-file build (`npm run build`) keeps only these factories of mathjs, in a file of its own
 * loaded at that first use. Evaluation goes through our own compiled closures
 * (simulate/formulas/compile-formula.ts), never through mathjs.
 */
function formulaMath(): MathJsInstance {
  if (instance) return instance;
  const made = createFormulaMath();
  const numberType = made.config({}).number;
  if (numberType !== 'number') throw new Error(`internal: mathjs must compute in plain numbers, got config.number = ${numberType}`);
  return (instance = made);
}

/**
 * The mathjs functions the engine uses, each creating the instance on its first call.
 * @example math.parse('a * 2').toString(); // => 'a * 2'
 */
export const math = {
  parse: ((text: string) => formulaMath().parse(text)) as MathJsInstance['parse'],
  floor: ((x: number) => formulaMath().floor(x)) as MathJsInstance['floor'],
  ceil: ((x: number) => formulaMath().ceil(x)) as MathJsInstance['ceil'],
  round: ((x: number, n?: number) => (n === undefined ? formulaMath().round(x) : formulaMath().round(x, n))) as MathJsInstance['round'],
} as const;
