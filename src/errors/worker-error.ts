// Errors crossing a worker-thread boundary keep their kind, so the CLI still maps them to the right exit code.
import { InputError } from './input-error.js';
import { ModelError } from './model-error.js';
import type { Problem } from './problem.js';

/** An error as plain data (structured-cloneable). */
export type WorkerError =
  | { readonly kind: 'input'; readonly problems: readonly Problem[] }
  | { readonly kind: 'model'; readonly variable: string; readonly law: string; readonly message: string }
  | { readonly kind: 'other'; readonly message: string; readonly stack?: string };

/**
 * Turns a thrown value into plain data.
 * @example toWorkerError(new Error('x')).kind; // => 'other'
 */
export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof InputError) return { kind: 'input', problems: error.problems };
  if (error instanceof ModelError) return { kind: 'model', variable: error.variable, law: error.law, message: error.message };
  if (error instanceof Error) return { kind: 'other', message: error.message, stack: error.stack };
  return { kind: 'other', message: String(error) };
}

/**
 * Rebuilds the error on the main thread: InputError and ModelError keep their class and text.
 * @example fromWorkerError({ kind: 'other', message: 'x' }).message; // => 'x'
 */
export function fromWorkerError(error: WorkerError): Error {
  if (error.kind === 'input') return new InputError(error.problems);
  if (error.kind === 'model') {
    const rebuilt = new ModelError(error.variable, error.law, '');
    rebuilt.message = error.message;
    return rebuilt;
  }
  const rebuilt = new Error(error.message);
  if (error.stack) rebuilt.stack = `${error.stack}\n    (in a worker thread)`;
  return rebuilt;
}
