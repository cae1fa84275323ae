// The command line of a bench script: node's parseArgs, strict, with a usage text. `--help` prints
// the usage (exit 0); an unknown option, a missing value or a value that cannot be meant prints the
// problem and the usage (exit 2) — never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` (default: this process's arguments) against `options`, adding `--help`.
 * @param usage what `--help` prints: the script's command lines, one per line
 * @example benchArgs('node dist/bench/x.js [--rounds N]', { rounds: { type: 'string' } }).rounds; // => '3' for --rounds 3
 */
export function benchArgs<O extends Options>(usage: string, options: O, argv = process.argv.slice(2)): ReturnType<typeof parseArgs<{ options: O }>>['values'] {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), usage);
  }
  if (values.help) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  return values as ReturnType<typeof parseArgs<{ options: O }>>['values'];
}

/**
 * A whole number ≥ 1 from an option's text (undefined when the option is absent); anything else
 * stops the script with exit 2.
 * @example positiveInteger('6', 'horizon'); // => 6
 */
export function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive whole number, got ${JSON.stringify(text)}`);
  return value;
}

/** Prints the problem (and the usage, when given) and exits 2. */
export function fail(problem: string, usage?: string): never {
  console.error(problem);
  if (usage) console.error(`usage: ${usage}`);
  process.exit(2);
}
