// Guards the calling order of LawRuntime.next: steps 1, 2, 3, … once each.

/**
 * Checks that `step` is the next step after `last`.
 * Laws keep state between years, so a skipped or repeated step is a bug in the caller.
 * @param law the law's name, for the message
 * @param last the last step simulated (0 before the first)
 * @param step the step asked for
 * @throws Error when step is not last + 1
 * @example checkStep('compound', 0, 1); // => undefined (no error)
 */
export function checkStep(law: string, last: number, step: number): void {
  if (step !== last + 1) {
    throw new Error(`internal: ${law} runtime asked for step ${step} after step ${last}; steps must be 1, 2, 3, … in order`);
  }
}
