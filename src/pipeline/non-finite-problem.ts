// A NaN or an infinity from a formula or a law is an input problem (the model asked for it), located
// at the variable's formula or its entry in the model file, never a crash or a silent NaN in a CSV.
import { runMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { formatPath } from '../io/format-path.js';
import type { PreparedVariable } from '../model/prepared-model.js';

/**
 * Scans a column for values that are not finite.
 * @returns the number of such values and the first of them (NaN when there is none)
 * @example nonFiniteValues(Float64Array.of(1, NaN, Infinity), 3); // => { count: 2, first: NaN }
 */
export function nonFiniteValues(column: Float64Array, draws: number): { count: number; first: number } {
  let count = 0;
  let first = Number.NaN;
  for (let i = 0; i < draws; i++) {
    const value = column[i];
    // value − value is 0 for every finite number and NaN for NaN and ±Infinity: one branch-free test.
    if (value - value !== 0) {
      if (count === 0) first = value;
      count++;
    }
  }
  return { count, first };
}

/**
 * The problem for a variable whose values are not all finite in `year`: at its formula
 * (`variables.x.formula`, for formula variables) or its entry in the model file (laws).
 * @example nonFiniteProblem(variable, 2026, { count: 3, first: NaN }, 1000).message;
 * // => 'variables.x.formula must give a finite number in every draw, got NaN in 3 of 1000 draws in 2026'
 */
export function nonFiniteProblem(variable: PreparedVariable, year: number, found: { count: number; first: number }, draws: number): Problem {
  const { spec } = variable;
  const isFormula = variable.formula !== undefined;
  const field = formatPath(isFormula ? ['variables', spec.name, 'formula'] : ['variables', spec.name]);
  const location = (isFormula ? spec.locations?.formula : undefined) ?? spec.location;
  const hint = isFormula
    ? 'sqrt and log of a negative number, 0/0 and overflow give NaN or Infinity: guard them, e.g. max(x, 0)'
    : "the law's parameters carry the level beyond the largest number: narrow them, or shorten the horizon";
  return { file: location.file, line: location.line, col: location.col, field, message: runMessages.nonFinite(field, year, found.count, draws, found.first), hint };
}
