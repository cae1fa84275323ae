// One fuzz case run through the CLI's main() in a scratch copy of the project, and the contract it
// must keep (docs/security.md): exit 0, 1 or 2 (never 3); every problem located; nothing half-written.
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../src/cli/cli-io.js';
import { main } from '../src/cli/main.js';
import { writeOutputsAtomically } from '../src/io/atomic-write.js';
import type { FuzzCase, FuzzedFile } from './input-mutations.js';

/** What happened when a case ran. */
export interface FuzzOutcome {
  readonly exitCode: number;
  readonly stderr: string;
  readonly milliseconds: number;
  /** `out/` before and after, as name → content (empty when there was none). */
  readonly before: Readonly<Record<string, string>>;
  readonly after: Readonly<Record<string, string>>;
  /** For a run refused before simulating: `forecast validate` on the same inputs (it must refuse too). */
  readonly validate?: { readonly exitCode: number; readonly stderr: string };
}

/** Flags of `run` that `validate` takes too (the rest concern what run writes). */
const sharedFlags = new Set(['--as-of', '--draws', '--data']);

/** The `validate` command line that checks what a `run` command line would check before simulating. */
function validateArgs(args: readonly string[]): string[] {
  const out = ['validate'];
  for (let i = 1; i < args.length; i++) {
    if (sharedFlags.has(args[i])) out.push(args[i], args[++i]);
    else if (args[i].startsWith('--')) {
      if (['--out', '--format', '--export-draws', '--seed', '--precision', '--threads'].includes(args[i])) i++;
    } else out.push(args[i]);
  }
  return out;
}

/** The outputs `forecast run` writes every time: the set a previous run leaves in out/ before each case. */
const previousSet = ['projections.csv', 'targets.csv', 'first-passage.csv', 'manifest.json'];

/** A scratch copy of the project's inputs (data, models, scenarios), made once per worker. */
export function scratchProject(projectRoot: string): { dir: string; original: (file: FuzzedFile) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  for (const folder of ['data', 'models', 'scenarios']) cpSync(join(projectRoot, folder), join(dir, folder), { recursive: true });
  const texts = new Map<string, string>();
  return {
    dir,
    original: (file) => {
      if (!texts.has(file)) texts.set(file, readFileSync(join(projectRoot, file), 'utf8'));
      return texts.get(file)!;
    },
  };
}

/** Every file under `out/` (following its link), as name → content. */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(out) && lstatSync(out).isSymbolicLink()) walk(out, '');
  return files;
}

/**
 * Runs one case: writes the mutated file into the scratch project, puts a previous run's set in
 * out/, runs the command in process, then restores the file.
 */
export async function runFuzzCase(project: { dir: string; original: (file: FuzzedFile) => string }, fuzzCase: FuzzCase): Promise<FuzzOutcome> {
  const { dir } = project;
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  rmSync(join(dir, '.out.versions'), { recursive: true, force: true });
  writeOutputsAtomically(out, previousSet.map((name) => ({ name, content: `previous ${name}\n` })), { cwd: dir });
  const before = snapshot(out);
  const path = join(dir, fuzzCase.file);
  writeFileSync(path, fuzzCase.text);
  const io = memoryIo(dir);
  const started = performance.now();
  let exitCode: number;
  try {
    exitCode = await main([...fuzzCase.args], io);
  } catch (error) {
    // main() never throws; if it does, that is a bug like exit 3.
    io.err.push(`main threw: ${error instanceof Error ? error.stack : String(error)}`);
    exitCode = 3;
  }
  const milliseconds = performance.now() - started;
  // validate = run: a run refused with an input error must be refused by validate too, unless its
  // problems are ones only a run can find (a NaN in a simulated year, what it would write).
  let validate: FuzzOutcome['validate'];
  try {
    if (fuzzCase.args[0] === 'run' && exitCode === 2) {
      const validateIo = memoryIo(dir);
      validate = { exitCode: await main(validateArgs(fuzzCase.args), validateIo), stderr: validateIo.err.join('') };
    }
  } finally {
    writeFileSync(path, project.original(fuzzCase.file));
  }
  return { exitCode, stderr: io.err.join(''), milliseconds, before, after: snapshot(out), ...(validate && { validate }) };
}

/** Problems that only `run` can find or that concern only what it writes. */
const runOnly = /must give a finite number in every draw|--out |--export-draws |--format |--seed |--precision |--threads |--check /;

/** A problem line as reportError prints it: `<file>[:line[:col]]  error  <message>`, the file never empty. */
const locatedLine = /^\S[^\n]*?(?::\d+(?::\d+)?)? {2}error {2}\S/;

/**
 * The ways an outcome breaks the contract (empty when it keeps it):
 * - exit 3, or an exit code other than 0, 1 (--check) and 2;
 * - exit 2 with a problem that names no file (or `command line`, `environment`);
 * - out/ changed by a failed command, a successful run that left its manifest's files missing, or a
 *   successful sweep with no sweep.csv;
 * - longer than `maxMilliseconds`.
 */
export function contractViolations(fuzzCase: FuzzCase, outcome: FuzzOutcome, maxMilliseconds = 60_000): string[] {
  const violations: string[] = [];
  if (outcome.exitCode === 3) violations.push('exit 3 (internal error)');
  else if (![0, 1, 2].includes(outcome.exitCode)) violations.push(`exit ${outcome.exitCode}`);
  if (outcome.exitCode === 2) {
    const errorLines = outcome.stderr.split('\n').filter((line) => /(^| {2})error {2}/.test(line) || /^error\b/.test(line));
    // A command-line mistake caught by yargs prints its message and the usage; it is located by the flag it names.
    const usage = /See `forecast .*--help` for the options\./.test(outcome.stderr) || /^Usage|^forecast /m.test(outcome.stderr);
    if (errorLines.length === 0 && !usage) violations.push('exit 2 without a problem line');
    for (const line of errorLines) if (!locatedLine.test(line)) violations.push(`unlocated: ${line.slice(0, 200)}`);
  }
  const writes = fuzzCase.args[0] === 'run' || fuzzCase.args[0] === 'sweep';
  const wrote = writes && outcome.exitCode !== 2 && outcome.exitCode !== 3;
  if (!wrote && JSON.stringify(outcome.after) !== JSON.stringify(outcome.before)) violations.push('partial output: out/ changed by a command that failed');
  if (wrote && fuzzCase.args[0] === 'sweep') {
    if (outcome.after['sweep.csv'] === undefined) violations.push('partial output: a successful sweep left no sweep.csv');
  } else if (wrote) {
    const manifestText = outcome.after['manifest.json'];
    if (!manifestText || manifestText === outcome.before['manifest.json']) violations.push('partial output: a successful run left no new manifest');
    else {
      const manifest = JSON.parse(manifestText) as { outputs: string[] };
      for (const name of manifest.outputs) if (outcome.after[name] === undefined || outcome.after[name] === outcome.before[name]) violations.push(`partial output: ${name} not written`);
    }
  }
  if (outcome.validate && outcome.validate.exitCode === 0) {
    const problems = outcome.stderr.split('\n').filter((line) => / {2}error {2}/.test(line) || /must be given once|must be a (whole number|date)/.test(line));
    if (problems.length === 0 || problems.some((line) => !runOnly.test(line))) violations.push(`validate passed what run refused: ${problems[0]?.slice(0, 200) ?? outcome.stderr.slice(0, 200)}`);
  }
  if (outcome.milliseconds > maxMilliseconds) violations.push(`slow: ${Math.round(outcome.milliseconds)} ms`);
  return violations;
}
