// InputError: every problem in the user's files, collected and thrown once (exit code 2).
import { activeLimits, limitInfo } from '../io/limits.js';
import { compareProblems, renderProblem, type Problem } from './problem.js';

/** Thrown by `io/` and `spec/` when input files break a rule; carries every problem found. */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = [...problems].sort(compareProblems);
    // A broken file can have a problem per line: the first ones are shown, all are counted.
    const shown = activeLimits().problemsShown;
    const rendered = sorted.slice(0, shown).map(renderProblem);
    if (sorted.length > shown) rendered.push(`… and ${sorted.length - shown} more problems (set ${limitInfo.problemsShown.environment} to show more)`);
    super(rendered.join('\n'));
    this.name = 'InputError';
    this.problems = sorted;
  }
}

/** Collects problems and throws one InputError when asked, if any were found. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(problem: Problem): void {
    this.items.push(problem);
  }

  addAll(problems: readonly Problem[]): void {
    this.items.push(...problems);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** @throws InputError with every collected problem, when there is at least one. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError(this.items);
  }
}

/** Runs each check, collecting InputErrors so that problems from several files are reported together. */
export function collectInputErrors<T>(tasks: readonly (() => T)[]): T[] {
  const problems: Problem[] = [];
  const results: T[] = [];
  for (const task of tasks) {
    try {
      results.push(task());
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return results;
}
