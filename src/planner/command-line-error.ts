// Problems with what was typed on the command line (a --vary path, a --target id) once the inputs are loaded.
import { InputError } from '../errors/input-error.js';

import { commandLineFile } from '../errors/problem.js';

/** The `file` shown for problems that come from the command line rather than a file. */
export { commandLineFile };

/**
 * An InputError (exit code 2) for a command-line value that the loaded model or data refuse.
 * @example commandLineError('--target must …').message; // => 'command line  error  --target must …'
 */
export function commandLineError(message: string, hint?: string): InputError {
  return new InputError([{ file: commandLineFile, message, ...(hint !== undefined && { hint }) }]);
}
