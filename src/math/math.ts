// The one mathjs instance of the engine: plain JavaScript numbers only (no BigNumber, no Fraction).
import { ceil, floor, parse, round } from 'mathjs/number';

/**
 * mathjs's number-only build (`mathjs/number`): the instance `create(all, { number: 'number' })`
 * would give (STYLE 3.6), every result a JS number, at about half the start-up cost of the full
 * build (it never creates the BigNumber, Fraction, Complex and Matrix signatures). Only what the
 * engine uses is exposed: `parse` for formulas and the rounding functions formulas may call;
 * evaluation goes through our own compiled closures (simulate/compile-formula.ts).
 * @example math.parse('a * 2').toString(); // => 'a * 2'
 * @see https://mathjs.org/docs/custom_bundling.html
 */
export const math = { parse, floor, ceil, round } as const;
