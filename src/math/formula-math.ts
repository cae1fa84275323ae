// The engine's one import of mathjs, in a module of its own: the single-file build (scripts/bundle.mjs)
// makes it a file that is loaded on the first formula parsed or rounded (math.ts), so a command whose
// models come from the content cache with their formulas' trees never loads mathjs.
import { ceilDependencies, create, floorDependencies, parseDependencies, roundDependencies, type MathJsInstance } from 'mathjs/number';

/**
 * mathjs's `create` with only the factories formulas need — `parse` (the expression language) and
 * the rounding functions formulas may call — from the number-only entry (`mathjs/number`,
 * `config.number = 'number'`: every result a JS number, STYLE 3.6).
 * @see https://mathjs.org/docs/custom_bundling.html
 */
export function createFormulaMath(): MathJsInstance {
  return create({ parseDependencies, floorDependencies, ceilDependencies, roundDependencies }, { number: 'number' });
}
