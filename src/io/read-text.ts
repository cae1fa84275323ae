// Reads a text file for the engine, turning a missing file into an InputError.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';

/** Reads a UTF-8 file (BOM stripped). @throws InputError when the file cannot be read. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new InputError([{ file, message: messages.fileMissing(file) }]);
  }
}
