// The one mathjs instance of the engine: plain JavaScript numbers only (no BigNumber, no Fraction),
// made of just the parts formulas need, and only when a formula is first parsed.
import { ceilDependencies, create, floorDependencies, parseDependencies, roundDependencies, type MathJsInstance } from 'mathjs/number';

let instance: MathJsInstance | undefined;

/**
 * mathjs's `create` with only the factories formulas need — `parse` (the expression language) and
 * the rounding functions formulas may call — from the number-only entry (`mathjs/number`,
 * `config.number = 'number'`: every result a JS number, STYLE 3.6). Made on first use, so a command
 * whose models have no formula never pays for it; the single-file build (`npm run build`) keeps only
 * these factories of mathjs. Evaluation goes through our own compiled closures
 * (simulate/formulas/compile-formula.ts), never through mathjs.
 * @see https://mathjs.org/docs/custom_bundling.html
 */
function formulaMath(): MathJsInstance {
  if (instance) return instance;
  const made = create({ parseDependencies, floorDependencies, ceilDependencies, roundDependencies }, { number: 'number' });
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
