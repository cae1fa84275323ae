// `forecast` entry point: parses argv with yargs (strict) and dispatches to one command; returns the exit code.
import { resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { cliMessages, messages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import { contentCacheFrom, useContentCache } from '../io/content-cache.js';
import { limitsFromEnvironment, useLimits } from '../io/limits.js';
import type { CliIo } from './cli-io.js';
import { commandEntries, namedCommand } from './commands/index.js';
import { exitCodes } from './exit-codes.js';
import { engineVersion } from '../io/engine-version.js';
import { globalOptions, topLevelHelp } from './top-level-help.js';
import { keepYoungGenerationSmall } from '../io/young-generation.js';
import { checkOutputFolder } from '../io/output-folder.js';

/** A command-line mistake found by yargs (unknown option, failed check): exit code 2. */
class UsageError extends Error {}

/**
 * Runs the CLI in process: `main(['data'], io)` → exit code. Never calls process.exit.
 * Input problems print to stderr and give 2; unexpected errors print a stack and give 3.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Resource limits (docs/security.md): the defaults, or FORECAST_LIMIT_* from the environment.
  const { limits, invalid } = limitsFromEnvironment(io.env);
  if (invalid.length > 0) {
    return reportError(new InputError(invalid.map(({ name, value, rule }) => ({ file: 'environment', field: name, message: messages.mustBe(name, rule, value) }))), io);
  }
  const previousLimits = useLimits(limits);
  // The content cache (src/io/content-cache.ts): on in the bundled CLI unless FORECAST_CACHE=off.
  const previousCache = useContentCache(contentCacheFrom(io.env));
  try {
    return await runMain(argv, io);
  } finally {
    useLimits(previousLimits);
    useContentCache(previousCache);
  }
}

async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  const width = Math.min(100, process.stdout.columns ?? 100);
  // `forecast --help` and `--version` alone answer without loading the argument parser (half of start-up).
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout(`${topLevelHelp(commandEntries, width)}\n`);
    return exitCodes.ok;
  }
  if (argv.length === 1 && argv[0] === '--version') {
    io.stdout(`${engineVersion()}\n`);
    return exitCodes.ok;
  }
  const { default: yargs } = await import('yargs');
  let exitCode: number = exitCodes.ok;
  let usageError: string | undefined;
  const dataOption = globalOptions.find((o) => o.flag === '--data')!;
  const parser = yargs([...argv])
    .scriptName('forecast')
    // A list option takes one value a flag (`--vary a --vary b`): a greedy one would swallow the
    // positional after it (`forecast solve --target x scenario.yaml` lost its scenario).
    .parserConfiguration({ 'greedy-arrays': false })
    .strict()
    .help()
    .version(engineVersion())
    .wrap(width)
    .option('data', { type: 'string', default: 'data', describe: dataOption.describe })
    .demandCommand(1, 'name a command, e.g. `forecast run`')
    // yargs calls fail(message, error) for a command-line mistake (also a failed .check()) and
    // fail(null, error) for an error thrown inside a command. Throwing stops the command.
    .fail((message, error) => {
      if (!message && error) throw error;
      usageError = message ?? String(error);
      throw new UsageError(usageError);
    })
    .exitProcess(false)
    // An option given twice (`--out a --out b`) would become a list and be read as "a,b": refused.
    .middleware((argv) => {
      const lists = new Set((parser as unknown as { getOptions(): { array: string[] } }).getOptions().array);
      for (const [key, value] of Object.entries(argv)) {
        // A list option with a dash (--as-of) reaches here under its camel-case alias (asOf) too.
        const dashed = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        if (key !== '_' && !key.includes('-') && Array.isArray(value) && !lists.has(key) && !lists.has(dashed)) {
          usageError = cliMessages.repeatedOption(key, value);
          throw new UsageError(usageError);
        }
      }
    }, true);

  // yargs renders the whole help text before it runs a command, to show it should the command fail
  // (yargs 18, usage.cacheHelpMessage); our commands report their own errors, so the rendering —
  // a tenth of `forecast data`'s time — is skipped (help asked for is rendered as ever).
  const usage = (parser as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } }).getInternalMethods().getUsageInstance();
  usage.cacheHelpMessage = () => undefined;

  // Only the named command is loaded (its options are needed to parse argv); help lists every
  // command from its entry alone.
  const named = namedCommand(argv);
  if (named?.smallYoungGeneration) keepYoungGenerationSmall();
  const definition = named ? await named.load() : undefined;
  for (const entry of named ? [named] : commandEntries) {
    parser.command(
      entry.command,
      entry.describe,
      (y) => (definition ? definition.builder(y) : y),
      async (args) => {
        // The output folder is checked before the command's work: a mistaken --out is exit 2 at
        // once, not after a run whose outputs then cannot be written.
        if (typeof args.out === 'string') checkOutputFolder(resolve(io.cwd, args.out), { cwd: io.cwd, shown: args.out });
        exitCode = await (definition ?? (await entry.load())).run(args as Record<string, unknown>, io);
      },
    );
  }

  try {
    let helpText = '';
    await parser.parseAsync([...argv], {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (usageError !== undefined) {
      io.stderr(`${helpText ? helpText + '\n\n' : ''}${usageError}\n`);
      return exitCodes.inputError;
    }
    if (helpText) io.stdout(helpText + '\n');
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError || usageError !== undefined) {
      const command = argv.find((arg) => !arg.startsWith('-'));
      io.stderr(`${usageError}\n\nSee \`forecast ${command ? command + ' ' : ''}--help\` for the options.\n`);
      return exitCodes.inputError;
    }
    return reportError(error, io);
  }
}

/** Maps an error to its exit code and prints it the way users should see it. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof InputError) {
    const count = error.problems.length;
    io.stderr(`${error.message}\n\n${count} problem${count === 1 ? '' : 's'} found\n`);
    return exitCodes.inputError;
  }
  if (error instanceof ModelError) {
    io.stderr(`error  ${error.message}\n`);
    return exitCodes.inputError;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`internal error (a bug; please report it with this trace):\n${stack}\n`);
  return exitCodes.internalError;
}
