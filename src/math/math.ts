// The one mathjs instance of the engine: plain JavaScript numbers only (no BigNumber, no Fraction).
import { all, create, type MathJsInstance } from 'mathjs';

/**
 * mathjs configured once with `number: 'number'` (STYLE 3.6), so every result is a JS number.
 * Used to parse formulas; evaluation goes through our own compiled closures (simulate/compile-formula.ts).
 * @example math.parse('a * 2').toString(); // => 'a * 2'
 * @see https://mathjs.org/docs/core/configuration.html
 */
export const math: MathJsInstance = create(all, { number: 'number' });
