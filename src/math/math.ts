// The one mathjs instance of the engine: plain JavaScript numbers only (no BigNumber, no Fraction).
import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';

/**
 * mathjs's default instance, `config.number = 'number'` (every result a JS number, STYLE 3.6), taken
 * from the package's single-file bundle (`mathjs/lib/browser/math.js`, an exported entry point): it
 * loads in ≈ 75 ms where the ESM build's thousand modules take ≈ 550 ms (measured on Node 20; the
 * bundle creates its functions lazily, on first use). Only what the engine uses is exposed: `parse`
 * for formulas and the rounding functions formulas may call; evaluation goes through our own compiled
 * closures (simulate/compile-formula.ts).
 * @example math.parse('a * 2').toString(); // => 'a * 2'
 * @see https://mathjs.org/docs/custom_bundling.html
 */
const instance = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJsInstance;
const numberType = instance.config({}).number;
if (numberType !== 'number') throw new Error(`internal: mathjs must compute in plain numbers, got config.number = ${numberType}`);

export const math = { parse: instance.parse, floor: instance.floor, ceil: instance.ceil, round: instance.round } as const;
