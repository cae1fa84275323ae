// The message an InputError carries (what the CLI prints), or "(no error)"; other errors are rethrown.
import { InputError } from '../../src/errors/input-error.js';

export function inputErrorMessage(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  return '(no error)';
}
