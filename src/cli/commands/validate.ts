// `forecast validate [files..]`: check data, models and scenarios without running anything.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { InputError } from '../../errors/input-error.js';
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
      .example('forecast validate', 'check everything the project ships')
      .example('forecast validate scenarios/my-case.yaml', 'check one scenario, its model and the data'),
  async run(argv, io) {
    const given = ((argv.files as string[] | undefined) ?? []).map((f) => resolve(io.cwd, f));
    const dataDir = String(argv.data ?? 'data');
    const scenarioFiles: string[] = [];
    const modelFiles: string[] = [];
    const missing: Problem[] = [];
    const add = (path: string) => {
      if (!existsSync(path)) missing.push({ file: relative(io.cwd, path) || path, message: `file must exist, got ${JSON.stringify(path)}` });
      else if (statSync(path).isDirectory()) {
        if (basename(path) === 'models') modelFiles.push(...scenarioFilesIn(path));
        else if (basename(path) !== 'data') scenarioFiles.push(...scenarioFilesIn(path));
      } else if (/\.ya?ml$/.test(path) && !(basename(path) === 'targets.yaml' && basename(dirname(path)) === 'data')) {
        (isModelFile(readText(path)) ? modelFiles : scenarioFiles).push(path);
      }
    };
    if (given.length === 0) {
      for (const folder of ['models', 'scenarios']) if (existsSync(resolve(io.cwd, folder))) add(resolve(io.cwd, folder));
    } else given.forEach(add);

    const problems: Problem[] = [...missing];
    for (const file of modelFiles) {
      try {
        parseModelSpec(relative(io.cwd, file) || file, readText(file));
      } catch (error) {
        if (error instanceof InputError) problems.push(...error.problems);
        else throw error;
      }
    }
    let scenarios = 0;
    try {
      scenarios = loadRunInputs(io.cwd, dataDir, scenarioFiles).scenarios.length;
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
    if (problems.length > 0) throw new InputError(problems);
    io.stdout(`ok: data in ${dataDir}/, ${modelFiles.length} model file(s), ${scenarios} scenario(s) — no problems found\n`);
    return exitCodes.ok;
  },
};
