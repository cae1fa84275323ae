// `forecast validate [files..]`: check data, models and scenarios without running anything.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { InputError } from '../../errors/input-error.js';
import { messages } from '../../errors/messages.js';
import type { Problem } from '../../errors/problem.js';
import { loadRunInputs, scenarioFilesIn } from '../../io/load-run-inputs.js';
import { readText } from '../../io/read-text.js';
import { parseModelSpec } from '../../spec/parse-model-spec.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** Whether a YAML file is a model (it has `variables:` at the top level) rather than a scenario. */
function isModelFile(text: string): boolean {
  return /^variables\s*:/m.test(text) && /^model\s*:/m.test(text) && !/^scenario\s*:/m.test(text);
}

export const validateCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .positional('files', { type: 'string', array: true, describe: 'files or folders (default: data/, models/, scenarios/)' })
      .option('as-of', { type: 'string', describe: 'check as `run --as-of` would: only figures published by this date (YYYY-MM-DD)' })
      .option('draws', { type: 'number', describe: 'check the size limits as `run --draws` would' })
      .option('exact-quantiles', { type: 'boolean', default: false, describe: 'check the size limits as `run --exact-quantiles` would' })
      .check((argv) => {
        if (argv['as-of'] !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(String(argv['as-of']))) {
          throw new Error(`--as-of must be a date YYYY-MM-DD, got ${JSON.stringify(argv['as-of'])}`);
        }
        if (argv.draws !== undefined && (!Number.isInteger(argv.draws) || (argv.draws as number) < 1 || (argv.draws as number) > 10_000_000)) {
          throw new Error(`--draws must be a whole number from 1 to 10000000, got ${argv.draws}`);
        }
        return true;
      })
      .example('forecast validate', 'check everything the project ships')
      .example('forecast validate scenarios/my-case.yaml', 'check one scenario, its model and the data')
      .example('forecast validate scenarios/baseline.yaml --as-of 2024-07-31', 'check that a vintage run would start'),
  async run(argv, io) {
    const given = ((argv.files as string[] | undefined) ?? []).map((f) => resolve(io.cwd, f));
    const dataDir = String(argv.data ?? 'data');
    const scenarioFiles: string[] = [];
    const modelFiles: string[] = [];
    const missing: Problem[] = [];
    const add = (path: string) => {
      if (!existsSync(path)) missing.push({ file: relative(io.cwd, path) || path, message: messages.fileMissing(path) });
      else if (statSync(path).isDirectory()) {
        if (basename(path) === 'models') modelFiles.push(...scenarioFilesIn(path));
        else if (basename(path) !== 'data') scenarioFiles.push(...scenarioFilesIn(path));
      } else if (/\.ya?ml$/.test(path) && !(basename(path) === 'targets.yaml' && basename(dirname(path)) === 'data')) {
        try {
          (isModelFile(readText(path, { shown: relative(io.cwd, path) || path })) ? modelFiles : scenarioFiles).push(path);
        } catch (error) {
          if (error instanceof InputError) missing.push(...error.problems);
          else throw error;
        }
      }
    };
    if (given.length === 0) {
      for (const folder of ['models', 'scenarios']) if (existsSync(resolve(io.cwd, folder))) add(resolve(io.cwd, folder));
    } else given.forEach(add);

    const problems: Problem[] = [...missing];
    for (const file of modelFiles) {
      try {
        parseModelSpec(relative(io.cwd, file) || file, readText(file, { shown: relative(io.cwd, file) || file }));
      } catch (error) {
        if (error instanceof InputError) problems.push(...error.problems);
        else throw error;
      }
    }
    let scenarios = 0;
    try {
      scenarios = loadRunInputs(io.cwd, dataDir, scenarioFiles, argv.asOf as string | undefined, { draws: argv.draws as number | undefined, exactQuantiles: Boolean(argv.exactQuantiles) }).scenarios.length;
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
    if (problems.length > 0) throw new InputError(problems);
    io.stdout(`ok: data in ${dataDir}/, ${modelFiles.length} model file(s), ${scenarios} scenario(s) — no problems found\n`);
    return exitCodes.ok;
  },
};
